package io.otodoke.routing;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.Vehicle;
import io.otodoke.fleet.Vehicles;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import io.otodoke.tracking.EventTime;
import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "Which van should take this extra stop?": the day's open routes as they stand (each van from where it
 * is now, or from its depot before it leaves, through its open stops in their order), and every place
 * the new stop could go, ranked by what it breaks, then by what it costs (cheapest insertion, evaluated
 * with the model's own rules). Nothing is changed; the dispatcher decides.
 */
@Service
public class VanRecommendations {

    private final Routes routes;
    private final Vehicles vehicles;
    private final TravelTimeCalculator travel;
    private final RoutingProperties properties;
    private final Clock clock;

    VanRecommendations(Routes routes, Vehicles vehicles, TravelTimeCalculator travel, RoutingProperties properties,
                       Clock clock) {
        this.routes = routes;
        this.vehicles = vehicles;
        this.travel = travel;
        this.properties = properties;
        this.clock = clock;
    }

    public record RecommendRequest(LocalDate serviceDate, DayPlanner.StopInput stop, Integer limit) {
    }

    /**
     * @param position            the new stop's place among the route's open stops, 1 = next
     * @param feasible            every window, capacity and shift of the route still kept
     * @param extraDrivingSeconds what the detour adds to the route's driving
     * @param addedViolation      how much the hard rules are broken more (capacity units plus seconds late), 0 at best
     * @param addedCost           the objective's increase: driving seconds, plus the penalty for displacing the next stop
     */
    public record Recommendation(long routeId, String routeCode, String vehicle, int position,
                                 OffsetDateTime estimatedArrival, boolean feasible, long extraDrivingSeconds,
                                 long addedViolation, long addedCost) {
    }

    /** A route's share of the score: hard (capacity excess, lateness, overtime), medium (driving, displacement). */
    private record Impact(long hard, long medium, long driving) {
    }

    public record Recommendations(LocalDate serviceDate, List<Recommendation> recommendations, long tookMillis) {
    }

    public Recommendations recommend(Caller caller, RecommendRequest request) {
        long started = System.nanoTime();
        if (caller.tenantId() == null || !caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Routes belong to a shop; only its operator plans them.");
        }
        LocalDate day = request.serviceDate() == null ? routes.today() : request.serviceDate();
        DayPlanner.StopInput stop = request.stop();
        if (stop == null) {
            throw ProblemType.invalidField("stop", "stop is required: latitude, longitude and optionally a window.");
        }
        Places.check("stop.", stop.latitude(), stop.longitude());
        if (stop.windowStart() != null && stop.windowEnd() != null && !stop.windowStart().isBefore(stop.windowEnd())) {
            throw ProblemType.invalidField("stop.windowEnd", "The window ends before it starts.");
        }
        int limit = request.limit() == null ? 5 : request.limit();
        if (limit < 1 || limit > 100) {
            throw ProblemType.invalidField("limit", "limit is from 1 to 100.");
        }
        List<Route> open = routes.day(caller, day).stream()
                .filter(r -> r.tenantId() == caller.tenantId() && r.state() != RouteState.FINISHED).toList();
        if (open.isEmpty()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "no-open-route", "No open route",
                    "No route of this shop is open on " + day + " to take the stop.");
        }
        ZonedDateTime midnight = day.atStartOfDay(EventTime.TOKYO);
        long now = DayPlanner.secondsSince(midnight, OffsetDateTime.now(clock));
        Map<Long, Vehicle.CurrentPosition> positions = new HashMap<>();
        vehicles.list(caller).forEach(v -> {
            if (v.currentPosition() != null) {
                positions.put(v.id(), v.currentPosition());
            }
        });

        Places places = new Places();
        List<int[]> vanPlaces = new ArrayList<>(); // start, depot
        List<List<Stop>> openStops = new ArrayList<>();
        for (Route r : open) {
            Vehicle.CurrentPosition p = r.state() == RouteState.STARTED ? positions.get(r.vehicleId()) : null;
            int depot = places.add(r.depot().latitude(), r.depot().longitude());
            int start = p == null ? depot : places.add(p.latitude(), p.longitude());
            vanPlaces.add(new int[] {start, depot});
            List<Stop> stops = r.stops().stream().filter(s -> s.state().open()).toList();
            stops.forEach(s -> places.add(s.latitude(), s.longitude()));
            openStops.add(stops);
        }
        int newPlace = places.add(stop.latitude(), stop.longitude());
        List<Location> locations = places.locations(travel);

        long shiftStart = properties.shiftStart().toSecondOfDay();
        long shiftEnd = properties.shiftEnd().toSecondOfDay();
        long penalty = properties.movedStopPenalty().toSeconds();
        long service = properties.serviceTime().toSeconds();
        List<Van> vans = new ArrayList<>();
        Map<String, Route> routeOfVan = new HashMap<>();
        int place = 0;
        for (int i = 0; i < open.size(); i++) {
            Route r = open.get(i);
            int[] vp = vanPlaces.get(i);
            Van van = new Van(Long.toString(r.id()), properties.vanCapacity(), locations.get(vp[0]),
                    locations.get(vp[1]), Math.max(now, shiftStart), Math.max(shiftEnd, now));
            routeOfVan.put(van.getId(), r);
            place = Math.max(place, Math.max(vp[0], vp[1]) + 1);
            List<Visit> onVan = new ArrayList<>();
            for (Stop s : openStops.get(i)) {
                Visit v = visit("stop" + s.id(), locations.get(place++), Math.max(1, s.shipmentIds().size()), service,
                        midnight, s.windowStart(), s.windowEnd());
                v.announce(van, penalty, onVan.isEmpty());
                onVan.add(v);
            }
            van.setVisits(onVan);
            vans.add(van);
        }
        Visit extra = visit("new", locations.get(newPlace), Math.max(1, stop.demand() == null ? 1 : stop.demand()),
                stop.serviceMinutes() == null ? service : stop.serviceMinutes() * 60L, midnight,
                stop.windowStart() == null ? null : stop.windowStart().toInstant(),
                stop.windowEnd() == null ? null : stop.windowEnd().toInstant());
        List<Recommendation> out = new ArrayList<>();
        for (Van van : vans) {
            List<Visit> before = List.copyOf(van.getVisits());
            Impact base = impact(van);
            for (int index = 0; index <= before.size(); index++) {
                List<Visit> with = new ArrayList<>(before);
                with.add(index, extra);
                van.setVisits(with);
                Impact i = impact(van);
                Route r = routeOfVan.get(van.getId());
                out.add(new Recommendation(r.id(), r.code(), r.deviceId(), index + 1,
                        DayPlanner.time(midnight, extra.getArrivalTime()), i.hard() == 0,
                        i.driving() - base.driving(), i.hard() - base.hard(), i.medium() - base.medium()));
            }
            van.setVisits(before);
        }
        out.sort(Comparator.comparingLong(Recommendation::addedViolation).thenComparingLong(Recommendation::addedCost));
        out = out.subList(0, Math.min(limit, out.size()));
        return new Recommendations(day, out, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The route's part of the plan's score, from the same model methods the constraints read
     * ({@link io.otodoke.routing.solver.RoutingConstraints}), after setting the shadow variables in route
     * order as the solver would. Timefold's own SolutionManager.recommendAssignment does this generically, but
     * in Timefold 2.x it is a feature of the commercial edition.
     */
    private static Impact impact(Van van) {
        Visit previous = null;
        long late = 0;
        long displaced = 0;
        for (Visit v : van.getVisits()) {
            v.setVan(van);
            v.setPreviousVisit(previous);
            v.setArrivalTime(v.arrivalTimeSupplier());
            late += v.lateness();
            displaced += v.isNextStopDisplaced() ? v.getMovePenalty() : 0;
            previous = v;
        }
        long driving = van.totalTravelTime();
        long hard = Math.max(0, van.totalDemand() - van.getCapacity()) + late + van.overtime();
        return new Impact(hard, driving + displaced, driving);
    }

    static Visit visit(String id, Location at, long demand, long service, ZonedDateTime midnight,
                               java.time.Instant windowStart, java.time.Instant windowEnd) {
        long ready = windowStart == null ? 0 : Math.max(0, Duration.between(midnight.toInstant(), windowStart).toSeconds());
        long due = windowEnd == null ? Duration.ofDays(2).toSeconds()
                : Duration.between(midnight.toInstant(), windowEnd).toSeconds();
        return new Visit(id, at, demand, service, ready, due);
    }
}
