package io.otodoke.routing;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.RouteStopsChanged;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.StopState;
import io.otodoke.fleet.Vehicle;
import io.otodoke.fleet.Vehicles;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import io.otodoke.routing.solver.RouteSolver;
import io.otodoke.tracking.EventTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Live re-planning (docs/routing.md): when a route under way changes — a recipient moved a stop's window,
 * a stop was added, a shipment left it — or its van falls behind (the fleet's live estimate of an open stop
 * is past that stop's window), the open stops of that van are re-optimised from where the van is now and
 * the new order is written back through {@link Routes#resequence}, which recomputes the live estimates and
 * tells the recipients whose count of stops away changed.
 *
 * <p>Per van: the stops stay on their van; completed stops are not in the problem, a stop the van is at
 * stays first, and the next stop stays first unless a hard rule (a window, the shift) forces otherwise
 * (the model's next-stop penalty). The solve runs on a thread of its own after the change committed, for
 * {@code otodoke.routing.replan-seconds}; requests for a route that arrive while one is waiting are one run.
 */
@Service
public class Replanner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Replanner.class);
    /** Changes that come together (a recipient's change, then a second one a moment later) make one run. */
    static final Duration COALESCE = Duration.ofMillis(300);

    private final Routes routes;
    private final Vehicles vehicles;
    private final TravelTimeCalculator travel;
    private final RoutingProperties properties;
    private final Clock clock;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> runs = new ConcurrentHashMap<>();
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    /** The stops of each route under way that were late at the last check: a van is re-planned when this grows. */
    private final Map<Long, Set<Long>> lateStops = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("replanning").daemon().factory());

    Replanner(Routes routes, Vehicles vehicles, TravelTimeCalculator travel, RoutingProperties properties,
              Clock clock) {
        this.routes = routes;
        this.vehicles = vehicles;
        this.travel = travel;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one re-plan did. */
    public enum Outcome {
        /** the open stops are in a new order */
        RESEQUENCED,
        /** the solver found no better order */
        KEPT,
        /** not under way, or fewer than two stops that may move */
        NOTHING_TO_PLAN
    }

    @ApplicationModuleListener
    void on(RouteStopsChanged event) {
        if (event.state() == RouteState.STARTED) {
            request(event.tenantId(), event.routeId());
        }
    }

    /** Queues a re-plan of the route; a request for a route already waiting joins it. */
    public void request(long tenantId, long routeId) {
        if (!queued.add(routeId)) {
            return;
        }
        inFlight.merge(routeId, 1, Integer::sum);
        worker.schedule(() -> {
            queued.remove(routeId);
            try {
                Outcome outcome = replan(tenantId, routeId);
                log.debug("Re-planned route {}: {}", routeId, outcome);
            } catch (ErrorResponseException e) {
                // the driver finished a stop meanwhile: the next change or check plans again
                log.info("Re-planning route {} gave up: {}", routeId, e.getBody().getDetail());
            } catch (RuntimeException e) {
                log.warn("Re-planning route {} failed", routeId, e);
            } finally {
                runs.merge(routeId, 1L, Long::sum);
                inFlight.computeIfPresent(routeId, (k, n) -> n == 1 ? null : n - 1);
            }
        }, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many re-plans of the route have finished since start-up (tests wait for it). */
    long runs(long routeId) {
        return runs.getOrDefault(routeId, 0L);
    }

    /** No re-plan of the route waiting or running. */
    boolean idle(long routeId) {
        return !inFlight.containsKey(routeId);
    }

    /**
     * A van falls behind: the routes under way today whose live estimate of an open stop is past the stop's
     * window end, where that set of late stops grew since the last check, are re-planned.
     */
    @Scheduled(initialDelayString = "${otodoke.routing.behind-check:PT1M}",
            fixedDelayString = "${otodoke.routing.behind-check:PT1M}")
    void checkBehind() {
        Instant now = clock.instant();
        Set<Long> underWay = ConcurrentHashMap.newKeySet();
        for (Route r : routes.day(SYSTEM, routes.today())) {
            if (r.state() != RouteState.STARTED) {
                continue;
            }
            underWay.add(r.id());
            Set<Long> late = r.stops().stream().filter(s -> s.state() == StopState.PENDING && s.late(now))
                    .map(Stop::id).collect(Collectors.toSet());
            Set<Long> before = lateStops.getOrDefault(r.id(), Set.of());
            if (!before.containsAll(late)) {
                request(r.tenantId(), r.id());
            }
            lateStops.put(r.id(), late);
        }
        lateStops.keySet().retainAll(underWay);
    }

    private static final Caller SYSTEM = new Caller(Role.ADMIN, null, null, null, null, "system:replanning");

    /** Re-plans the open stops of a route under way now, on the caller's thread. */
    Outcome replan(long tenantId, long routeId) {
        Caller operator = new Caller(Role.OPERATOR, tenantId, null, null, null, "system:replanning");
        Optional<Route> found = routes.route(operator, routeId);
        if (found.isEmpty() || found.get().state() != RouteState.STARTED) {
            return Outcome.NOTHING_TO_PLAN;
        }
        Route route = found.get();
        List<Stop> open = route.stops().stream().filter(s -> s.state().open()).toList();
        Optional<Stop> at = open.stream().filter(s -> s.state() == StopState.ARRIVED).findFirst();
        List<Stop> movable = open.stream().filter(s -> s.state() == StopState.PENDING).toList();
        if (movable.size() < 2) {
            return Outcome.NOTHING_TO_PLAN;
        }
        ZonedDateTime midnight = route.serviceDate().atStartOfDay(EventTime.TOKYO);
        Instant nowInstant = clock.instant();
        long now = Math.max(0, Duration.between(midnight.toInstant(), nowInstant).toSeconds());
        long service = properties.serviceTime().toSeconds();

        Places places = new Places();
        double[] from = start(operator, route, at.orElse(null));
        int startPlace = places.add(from[0], from[1]);
        int depotPlace = places.add(route.depot().latitude(), route.depot().longitude());
        movable.forEach(s -> places.add(s.latitude(), s.longitude()));
        List<Location> locations = places.locations(travel);

        long departure = now;
        if (at.isPresent()) {
            // the van is at a stop: it leaves when the service there is done
            Instant done = at.get().arrivedAt().plus(properties.serviceTime());
            departure = Math.max(now, Duration.between(midnight.toInstant(), done).toSeconds());
        }
        long shiftEnd = Math.max(properties.shiftEnd().toSecondOfDay(), departure);
        Van van = new Van(Long.toString(route.id()), properties.vanCapacity(), locations.get(startPlace),
                locations.get(depotPlace), departure, shiftEnd);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < movable.size(); i++) {
            Stop s = movable.get(i);
            Visit v = VanRecommendations.visit(Long.toString(s.id()), locations.get(i + 2),
                    Math.max(1, s.shipmentIds().size()), service, midnight, s.windowStart(), s.windowEnd());
            // the van is already driving to its first open stop (unless it is at one)
            v.announce(van, properties.movedStopPenalty().toSeconds(), i == 0 && at.isEmpty());
            visits.add(v);
        }
        van.setVisits(new ArrayList<>(visits));
        RoutePlan current = new RoutePlan(List.of(van), visits);
        HardMediumSoftScore before = RouteSolver.score(current);
        RoutePlan solved = RouteSolver.solve(current, new TerminationConfig()
                .withSpentLimit(Duration.ofSeconds(properties.replanSeconds())));
        List<Long> order = solved.getVans().getFirst().getVisits().stream().map(v -> Long.valueOf(v.getId())).toList();
        List<Long> was = movable.stream().map(Stop::id).toList();
        if (solved.getScore().compareTo(before) <= 0 || order.equals(was) || order.size() != was.size()) {
            return Outcome.KEPT;
        }
        List<Long> sequence = new ArrayList<>();
        at.ifPresent(s -> sequence.add(s.id()));
        sequence.addAll(order);
        routes.resequence(tenantId, routeId, sequence);
        log.info("Route {} re-planned ({} → {}): {}", route.code(), before, solved.getScore(), sequence);
        return Outcome.RESEQUENCED;
    }

    /**
     * Where the van is: at the stop it arrived at; else its phone's last position when that is newer than its
     * last completed stop; else that stop; else (no stop done, no position) the depot.
     */
    private double[] start(Caller operator, Route route, Stop at) {
        if (at != null) {
            return new double[] {at.latitude(), at.longitude()};
        }
        Optional<Stop> lastDone = route.stops().stream()
                .filter(s -> !s.state().open() && s.state() != StopState.SKIPPED && s.completedAt() != null)
                .max(Comparator.comparing(Stop::completedAt));
        Optional<Vehicle.CurrentPosition> position = vehicles.list(operator).stream()
                .filter(v -> v.id() == route.vehicleId() && v.currentPosition() != null)
                .map(Vehicle::currentPosition).findFirst();
        if (position.isPresent() && (lastDone.isEmpty() || !position.get().time().isBefore(lastDone.get().completedAt()))) {
            return new double[] {position.get().latitude(), position.get().longitude()};
        }
        if (lastDone.isPresent()) {
            return new double[] {lastDone.get().latitude(), lastDone.get().longitude()};
        }
        return new double[] {route.depot().latitude(), route.depot().longitude()};
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
