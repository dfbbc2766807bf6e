package io.otodoke.routing;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.Depot;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Vehicle;
import io.otodoke.fleet.Vehicles;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import io.otodoke.routing.solver.RouteSolver;
import io.otodoke.tracking.EventTime;
import io.otodoke.web.ProblemType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans a service day: the given stops onto the given vans of a depot, optimised by the solver, and on
 * request published to the fleet as routes (through {@link Routes#create}, so drivers see the order and
 * recipients their ETA). Times in the model are seconds since midnight of the service day in Japan.
 */
@Service
public class DayPlanner {

    static final int MAX_VANS = 50;
    static final int MAX_STOPS = 500;

    private final Depots depots;
    private final Vehicles vehicles;
    private final Routes routes;
    private final TravelTimeCalculator travel;
    private final RoutingProperties properties;
    private final TransactionTemplate transaction;

    DayPlanner(Depots depots, Vehicles vehicles, Routes routes, TravelTimeCalculator travel,
               RoutingProperties properties, TransactionTemplate transaction) {
        this.depots = depots;
        this.vehicles = vehicles;
        this.routes = routes;
        this.travel = travel;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** A van for the day: its vehicle's device id, the driver's e-mail, capacity in parcels and shift. */
    public record VanInput(String vehicle, String driver, Integer capacity, LocalTime shiftStart, LocalTime shiftEnd) {
    }

    /**
     * A stop: where, when it may be served, what it delivers (own-fleet shipments), its load in parcels
     * (default: its number of shipments) and, when the dispatcher locked it, the van it must go on.
     */
    public record StopInput(String address, Double latitude, Double longitude, OffsetDateTime windowStart,
                            OffsetDateTime windowEnd, List<String> trackingNumbers, List<Long> shipmentIds,
                            Integer demand, Integer serviceMinutes, String lockedVehicle) {
    }

    /** @param seconds how long to search (at most otodoke.routing.solve-time); publish creates the routes */
    public record PlanRequest(LocalDate serviceDate, String depot, List<VanInput> vans, List<StopInput> stops,
                              Integer seconds, Boolean publish) {
    }

    /** @param stop the stop's index in the request; slack: how much later service could start within its window */
    public record PlannedStop(int stop, String address, double latitude, double longitude, OffsetDateTime arrival,
                              OffsetDateTime serviceStart, Long slackSeconds) {
    }

    /** @param slackSeconds how much later the van could leave and still keep every window and its shift */
    public record PlannedRoute(String vehicle, OffsetDateTime departure, OffsetDateTime returnAt, long distanceMeters,
                               long durationSeconds, long drivingSeconds, long slackSeconds, List<PlannedStop> stops,
                               Long routeId, String routeCode) {
    }

    /** @param feasible every capacity, window, shift and lock kept */
    public record Plan(LocalDate serviceDate, String depot, boolean feasible, String score, long distanceMeters,
                       List<PlannedRoute> routes, boolean published) {
    }

    public Plan plan(Caller caller, PlanRequest request) {
        if (caller.tenantId() == null || !caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Routes belong to a shop; only its operator plans them.");
        }
        if (request.serviceDate() == null) {
            throw ProblemType.invalidField("serviceDate", "serviceDate is required (YYYY-MM-DD).");
        }
        Depot depot = depots.list(caller).stream().filter(d -> d.code().equals(request.depot())).findFirst()
                .orElseThrow(() -> ProblemType.invalidField("depot", "No depot with code '" + request.depot()
                        + "' in this shop; create it with POST /api/v1/depots."));
        List<VanInput> vanInputs = request.vans() == null ? List.of() : request.vans();
        List<StopInput> stopInputs = request.stops() == null ? List.of() : request.stops();
        if (vanInputs.isEmpty() || vanInputs.size() > MAX_VANS) {
            throw ProblemType.invalidField("vans", "A plan has 1 to " + MAX_VANS + " vans.");
        }
        if (stopInputs.isEmpty() || stopInputs.size() > MAX_STOPS) {
            throw ProblemType.invalidField("stops", "A plan has 1 to " + MAX_STOPS + " stops.");
        }
        long maxSeconds = properties.solveTime().toSeconds();
        int seconds = request.seconds() == null ? (int) maxSeconds : request.seconds();
        if (seconds < 1 || seconds > maxSeconds) {
            throw ProblemType.invalidField("seconds", "seconds is from 1 to " + maxSeconds + ".");
        }
        ZonedDateTime midnight = request.serviceDate().atStartOfDay(EventTime.TOKYO);

        Map<String, Vehicle> fleet = new HashMap<>();
        vehicles.list(caller).forEach(v -> fleet.put(v.deviceId(), v));
        Places places = new Places();
        int depotPlace = places.add(depot.latitude(), depot.longitude());
        List<StopInput> stops = new ArrayList<>();
        for (int i = 0; i < stopInputs.size(); i++) {
            StopInput s = stopInputs.get(i);
            String at = "stops[" + i + "].";
            if (s == null) {
                throw ProblemType.invalidField("stops[" + i + "]", "A stop is empty.");
            }
            Places.check(at, s.latitude(), s.longitude());
            if (s.windowStart() != null && s.windowEnd() != null && !s.windowStart().isBefore(s.windowEnd())) {
                throw ProblemType.invalidField(at + "windowEnd", "The window ends before it starts.");
            }
            if (s.demand() != null && s.demand() < 0 || s.serviceMinutes() != null && s.serviceMinutes() < 0) {
                throw ProblemType.invalidField(at + "demand", "demand and serviceMinutes are not negative.");
            }
            places.add(s.latitude(), s.longitude());
            stops.add(s);
        }
        List<Location> locations = places.locations(travel);
        Location depotLocation = locations.get(depotPlace);

        List<Van> vans = new ArrayList<>();
        Map<String, Van> byVehicle = new HashMap<>();
        for (int i = 0; i < vanInputs.size(); i++) {
            VanInput v = vanInputs.get(i);
            String at = "vans[" + i + "].";
            if (v == null || v.vehicle() == null || !fleet.containsKey(v.vehicle())) {
                throw ProblemType.invalidField(at + "vehicle", "No vehicle with that device id in this shop; register "
                        + "it with POST /api/v1/vehicles.");
            }
            if (byVehicle.containsKey(v.vehicle())) {
                throw ProblemType.invalidField(at + "vehicle", "Vehicle '" + v.vehicle() + "' is in the plan twice.");
            }
            int capacity = v.capacity() == null ? properties.vanCapacity() : v.capacity();
            LocalTime start = v.shiftStart() == null ? properties.shiftStart() : v.shiftStart();
            LocalTime end = v.shiftEnd() == null ? properties.shiftEnd() : v.shiftEnd();
            if (capacity < 1) {
                throw ProblemType.invalidField(at + "capacity", "capacity is at least 1.");
            }
            if (!start.isBefore(end)) {
                throw ProblemType.invalidField(at + "shiftEnd", "The shift ends before it starts.");
            }
            Van van = new Van(v.vehicle(), capacity, depotLocation, depotLocation, start.toSecondOfDay(),
                    end.toSecondOfDay());
            vans.add(van);
            byVehicle.put(v.vehicle(), van);
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            StopInput s = stops.get(i);
            long ready = s.windowStart() == null ? 0 : Math.max(0, secondsSince(midnight, s.windowStart()));
            long due = s.windowEnd() == null ? Duration.ofDays(2).toSeconds() : secondsSince(midnight, s.windowEnd());
            int parcels = (s.trackingNumbers() == null ? 0 : s.trackingNumbers().size())
                    + (s.shipmentIds() == null ? 0 : s.shipmentIds().size());
            long demand = s.demand() != null ? s.demand() : Math.max(1, parcels);
            long service = s.serviceMinutes() != null ? s.serviceMinutes() * 60L : properties.serviceTime().toSeconds();
            Visit visit = new Visit(Integer.toString(i), locations.get(i + 1), demand, service, ready, due);
            if (s.lockedVehicle() != null) {
                Van locked = byVehicle.get(s.lockedVehicle());
                if (locked == null) {
                    throw ProblemType.invalidField("stops[" + i + "].lockedVehicle", "Vehicle '" + s.lockedVehicle()
                            + "' is not one of the plan's vans.");
                }
                visit.setLockedVan(locked);
            }
            visits.add(visit);
        }
        RoutePlan solved = RouteSolver.solve(new RoutePlan(vans, visits), new TerminationConfig()
                .withSpentLimit(Duration.ofSeconds(seconds)));
        Map<String, VanInput> inputs = new HashMap<>();
        vanInputs.forEach(v -> inputs.put(v.vehicle(), v));
        List<PlannedRoute> planned = new ArrayList<>();
        for (Van van : solved.getVans()) {
            if (van.isUsed()) {
                planned.add(route(van, stops, places, midnight));
            }
        }
        boolean feasible = solved.getScore().isFeasible();
        boolean publish = Boolean.TRUE.equals(request.publish());
        if (publish) {
            if (!feasible) {
                throw ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, "plan-infeasible", "No feasible plan",
                        "No plan keeps every capacity, window, shift and lock (score " + solved.getScore()
                                + "); add a van, widen a window or try again without publish to see it.");
            }
            List<PlannedRoute> toPublish = planned;
            planned = transaction.execute(tx -> publish(caller, request, depot, toPublish, stops, inputs));
        }
        long distance = planned.stream().mapToLong(PlannedRoute::distanceMeters).sum();
        return new Plan(request.serviceDate(), depot.code(), feasible, solved.getScore().toString(), distance, planned,
                publish);
    }

    private List<PlannedRoute> publish(Caller caller, PlanRequest request, Depot depot, List<PlannedRoute> planned,
                                       List<StopInput> stops, Map<String, VanInput> inputs) {
        List<PlannedRoute> published = new ArrayList<>();
        for (PlannedRoute r : planned) {
            String code = "PLAN-" + request.serviceDate() + "-" + r.vehicle();
            List<Routes.NewStop> newStops = r.stops().stream().map(p -> {
                StopInput s = stops.get(p.stop());
                return new Routes.NewStop(s.address(), s.latitude(), s.longitude(), s.windowStart(), s.windowEnd(),
                        s.trackingNumbers(), s.shipmentIds());
            }).toList();
            Route created = routes.create(caller, new Routes.NewRoute(code, request.serviceDate(), depot.code(),
                    r.vehicle(), inputs.get(r.vehicle()).driver(), newStops));
            published.add(new PlannedRoute(r.vehicle(), r.departure(), r.returnAt(), r.distanceMeters(),
                    r.durationSeconds(), r.drivingSeconds(), r.slackSeconds(), r.stops(), created.id(), created.code()));
        }
        return published;
    }

    private PlannedRoute route(Van van, List<StopInput> stops, Places places, ZonedDateTime midnight) {
        List<PlannedStop> planned = new ArrayList<>();
        double meters = 0;
        int at = van.getStart().index();
        long slack = van.overtime() > 0 ? 0 : van.getShiftEnd() - van.returnTime();
        for (Visit v : van.getVisits()) {
            int stop = Integer.parseInt(v.getId());
            int place = v.getLocation().index();
            meters += travel.meters(places.point(at)[0], places.point(at)[1], places.point(place)[0], places.point(place)[1]);
            at = place;
            long stopSlack = Math.max(0, v.getDueTime() - v.serviceStart());
            slack = Math.min(slack, stopSlack);
            StopInput s = stops.get(stop);
            planned.add(new PlannedStop(stop, s.address(), s.latitude(), s.longitude(), time(midnight, v.getArrivalTime()),
                    time(midnight, v.serviceStart()), s.windowEnd() == null ? null : stopSlack));
        }
        int depot = van.getDepot().index();
        meters += travel.meters(places.point(at)[0], places.point(at)[1], places.point(depot)[0], places.point(depot)[1]);
        return new PlannedRoute(van.getId(), time(midnight, van.getDepartureTime()), time(midnight, van.returnTime()),
                Math.round(meters), van.returnTime() - van.getDepartureTime(), van.totalTravelTime(), slack,
                planned, null, null);
    }

    static long secondsSince(ZonedDateTime midnight, OffsetDateTime t) {
        return Duration.between(midnight.toInstant(), t.toInstant()).toSeconds();
    }

    static OffsetDateTime time(ZonedDateTime midnight, long seconds) {
        return midnight.plusSeconds(seconds).toOffsetDateTime();
    }
}
