package io.otodoke.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routes under way, kept in memory with their vans' positions so that every position and every
 * stop outcome recomputes the estimates at once (design/last-mile.md): the count of stops away, the
 * distance, the arrival and its window. PostgreSQL stays the record; this is rebuilt from it after a
 * restart and after every change of a route.
 */
@Service
public class LiveRoutes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveRoutes.class);
    /** A gap in the track longer than this (a tunnel, a phone off) says nothing about the van's speed. */
    private static final Duration SPEED_GAP = Duration.ofMinutes(5);
    /** The route's own speed replaces the default after this much driving. */
    private static final Duration SPEED_SAMPLE = Duration.ofMinutes(5);

    private final RouteStore store;
    private final Vehicles vehicles;
    private final LiveUpdates updates;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final FleetProperties.Live settings;
    private final Clock clock;
    private final Map<Long, Live> byVehicle = new ConcurrentHashMap<>();
    private final Map<Long, Live> byRoute = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("arriving-soon").daemon().factory());

    LiveRoutes(RouteStore store, Vehicles vehicles, LiveUpdates updates, ApplicationEventPublisher publisher,
               TransactionTemplate transactions, FleetProperties properties, Clock clock) {
        this.store = store;
        this.vehicles = vehicles;
        this.updates = updates;
        this.publisher = publisher;
        this.transactions = transactions;
        this.settings = properties.live();
        this.clock = clock;
    }

    /** A route under way: its stops as last stored and what its van has shown so far. */
    private static final class Live {
        final RouteStore.Row route;
        List<RouteStore.StoredStop> stops;
        double latitude;
        double longitude;
        Instant positionTime;
        double drivenMeters;
        double drivenSeconds;
        /** The route's time at a stop, and whether the van is at one: from its stops, which only a reload changes. */
        Duration serviceTime;
        boolean atStop;
        List<Eta.OpenStop> open;
        final Set<Long> announcedSoon = ConcurrentHashMap.newKeySet();

        Live(RouteStore.Row route, List<RouteStore.StoredStop> stops) {
            this.route = route;
            this.latitude = route.depot().latitude();
            this.longitude = route.depot().longitude();
        }

        void stops(List<RouteStore.StoredStop> stops, Duration serviceTime) {
            this.stops = stops;
            this.serviceTime = serviceTime;
            this.atStop = stops.stream().anyMatch(s -> s.state() == StopState.ARRIVED);
            this.open = stops.stream().filter(s -> s.state().open()).map(s -> new Eta.OpenStop(s.id(), s.latitude(),
                    s.longitude(), s.windowStart(), s.state() == StopState.ARRIVED ? s.arrivedAt() : null)).toList();
        }
    }

    // ---- changes ----

    /** Reads a route again after a change was committed; keeps what its van has shown. */
    public void reload(long routeId) {
        ensureLoaded();
        Optional<RouteStore.Row> row = store.route(routeId);
        if (row.isEmpty() || row.get().state() != RouteState.STARTED) {
            Live gone = byRoute.remove(routeId);
            if (gone != null) {
                byVehicle.remove(gone.route.vehicleId(), gone);
                updates.changed(shipments(gone.stops));
            }
            return;
        }
        List<RouteStore.StoredStop> stops = store.stops(List.of(routeId)).getOrDefault(routeId, List.of());
        Live live = byRoute.get(routeId);
        if (live == null) {
            live = start(row.get(), stops);
        } else {
            synchronized (live) {
                live.stops(stops, serviceTime(stops));
            }
        }
        announce(afterChange(live, null));
    }

    /**
     * Positions just stored (on the position writer's thread): each moves its van forward in time and
     * recomputes its route's estimates. Arrivals are announced on another thread, so that the writer's
     * next batch does not wait for their commit.
     */
    @EventListener
    void recorded(PositionsRecorded event) {
        List<Soon> soon = move(event.positions());
        if (!soon.isEmpty()) {
            announcer.execute(() -> {
                try {
                    announce(soon);
                } catch (RuntimeException e) {
                    log.warn("Announcing arrivals failed; the next position tries again: {}", e.toString());
                    soon.forEach(s -> s.live().announcedSoon.remove(s.stop().id()));
                }
            });
        }
    }

    /** As {@link #recorded}, announcing on the caller's thread. */
    void positions(List<Positions.Located> positions) {
        announce(move(positions));
    }

    private List<Soon> move(List<Positions.Located> positions) {
        ensureLoaded();
        if (byVehicle.isEmpty()) {
            return List.of();
        }
        Map<Long, PositionReport> newest = new HashMap<>();
        for (Positions.Located p : positions) {
            newest.merge(p.vehicleId(), p.report(), (a, b) -> b.time().isAfter(a.time()) ? b : a);
        }
        List<Soon> soon = new ArrayList<>();
        newest.forEach((vehicle, report) -> {
            Live live = byVehicle.get(vehicle);
            if (live == null) {
                return;
            }
            synchronized (live) {
                if (live.positionTime != null && !report.time().isAfter(live.positionTime)) {
                    return; // late or repeated: in the track, not the van's current place
                }
                if (live.positionTime != null && !live.atStop
                        && Duration.between(live.positionTime, report.time()).compareTo(SPEED_GAP) <= 0) {
                    live.drivenMeters += Geo.meters(live.latitude, live.longitude, report.latitude(), report.longitude());
                    live.drivenSeconds += Duration.between(live.positionTime, report.time()).toMillis() / 1000.0;
                }
                live.latitude = report.latitude();
                live.longitude = report.longitude();
                live.positionTime = report.time();
            }
            soon.addAll(afterChange(live, settings.arrivingSoon()));
        });
        return soon;
    }

    private Live start(RouteStore.Row row, List<RouteStore.StoredStop> stops) {
        Live live = new Live(row, stops);
        live.stops(stops, serviceTime(stops));
        vehicles.current(row.vehicleId()).ifPresent(p -> {
            live.latitude = p.latitude();
            live.longitude = p.longitude();
            live.positionTime = p.time();
        });
        byRoute.put(row.id(), live);
        byVehicle.put(row.vehicleId(), live);
        return live;
    }

    /** A stop whose estimate fell under the arriving-soon limit, to announce once. */
    private record Soon(Live live, RouteStore.StoredStop stop, Instant estimate, Instant at) {
    }

    /**
     * Records the predictions whose errors the route is measured by and wakes the watchers; returns the
     * stops newly arriving soon, for the caller to announce.
     *
     * @param horizon when a position moved the van: estimate only the stops up to this far ahead, all a
     *                position can change here (arrivals to announce, the next stop); null after a change
     *                of the route, which estimates every stop. Readers estimate afresh from the position.
     */
    private List<Soon> afterChange(Live live, Duration horizon) {
        Instant now = clock.instant();
        List<Eta.Estimate> estimates;
        List<RouteStore.StoredStop> stops;
        Map<Long, Instant> planned = new HashMap<>();
        Eta.Estimate next = null;
        synchronized (live) {
            estimates = estimates(live, now, horizon == null ? null : now.plus(horizon));
            if (!estimates.isEmpty()) {
                if (live.stops.stream().allMatch(s -> s.plannedEta() == null)) {
                    estimates.forEach(e -> planned.put(e.stopId(), e.arrival())); // just started: what was promised
                }
                Eta.Estimate first = estimates.getFirst();
                next = stop(live.stops, first.stopId()).nextEta() == null ? first : null;
                if (!planned.isEmpty() || next != null) {
                    Eta.Estimate newNext = next;
                    live.stops = live.stops.stream().map(s -> withPredictions(s,
                            s.plannedEta() != null ? s.plannedEta() : planned.get(s.id()),
                            s.nextEta() != null ? s.nextEta()
                                    : newNext != null && s.id() == newNext.stopId() ? newNext.arrival() : null))
                            .toList();
                }
            }
            stops = live.stops;
        }
        if (!planned.isEmpty()) {
            store.plannedEtas(planned);
        }
        if (next != null) {
            store.nextEta(next.stopId(), next.arrival());
        }
        List<Soon> soon = new ArrayList<>();
        for (Eta.Estimate e : estimates) {
            if (Duration.between(now, e.arrival()).compareTo(settings.arrivingSoon()) <= 0
                    && live.announcedSoon.add(e.stopId())) {
                soon.add(new Soon(live, stop(stops, e.stopId()), e.arrival(), now));
            }
        }
        if (updates.watching()) {
            updates.changed(shipments(stops));
        }
        return soon;
    }

    /** Publishes ArrivingSoon for each stop not announced before (the stop's row says), in one transaction. */
    private void announce(List<Soon> soon) {
        if (soon.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            for (Soon s : soon) {
                if (store.arrivingSoon(s.stop().id(), s.at())) {
                    for (long shipment : s.stop().shipmentIds()) {
                        publisher.publishEvent(new ArrivingSoon(shipment, s.live().route.tenantId(),
                                s.live().route.id(), s.stop().id(), s.estimate()));
                    }
                }
            }
        });
    }

    private List<Eta.Estimate> estimates(Live live, Instant now) {
        return estimates(live, now, null);
    }

    /** The estimates of the open stops in order, up to the first one after {@code until} (all when null). */
    private List<Eta.Estimate> estimates(Live live, Instant now, Instant until) {
        return Eta.estimate(live.latitude, live.longitude, now, live.open, speed(live), live.serviceTime,
                settings.detourFactor(), until);
    }

    private double speed(Live live) {
        if (live.drivenSeconds < SPEED_SAMPLE.toSeconds()) {
            return settings.speedMetersPerSecond();
        }
        // A jam or a motorway stretch should not make the estimate absurd: between walking pace and 90 km/h.
        return Math.clamp(live.drivenMeters / live.drivenSeconds, 1.5, 25.0);
    }

    /** The median time spent at this route's completed stops, once there are three. */
    private Duration serviceTime(List<RouteStore.StoredStop> stops) {
        List<Double> seconds = stops.stream()
                .filter(s -> s.arrivedAt() != null && s.completedAt() != null && !s.state().open())
                .map(s -> (double) Duration.between(s.arrivedAt(), s.completedAt()).toSeconds()).toList();
        if (seconds.size() < 3) {
            return settings.serviceTime();
        }
        return Duration.ofSeconds(Math.round(Eta.percentile(seconds, 0.5)));
    }

    // ---- reading ----

    /** The live estimate of each open stop of a route, or an empty map when the route is not under way. */
    Map<Long, Instant> estimatesOf(long routeId) {
        ensureLoaded();
        Live live = byRoute.get(routeId);
        Map<Long, Instant> etas = new HashMap<>();
        if (live != null) {
            synchronized (live) {
                estimates(live, clock.instant()).forEach(e -> etas.put(e.stopId(), e.arrival()));
            }
        }
        return etas;
    }

    /**
     * What the recipient of a shipment is shown now.
     *
     * @param giftGiver the viewer bought it as a gift: shown the state and the estimate, not the places
     * @param photoUrl  the photo's address for this viewer, or null when they may not see it
     */
    public ShipmentLive view(long shipmentId, boolean giftGiver, String photoUrl) {
        ensureLoaded();
        Optional<Long> routeId = store.routeOfShipment(shipmentId);
        if (routeId.isEmpty()) {
            return ShipmentLive.notScheduled();
        }
        Live live = byRoute.get(routeId.get());
        if (live == null) {
            List<RouteStore.StoredStop> stops = store.stops(List.of(routeId.get())).getOrDefault(routeId.get(), List.of());
            return settled(shipmentId, stops, giftGiver, photoUrl);
        }
        Instant now = clock.instant();
        synchronized (live) {
            RouteStore.StoredStop own = ownStop(live.stops, shipmentId);
            if (!own.state().open()) {
                return settled(shipmentId, live.stops, giftGiver, photoUrl);
            }
            List<Eta.Estimate> estimates = estimates(live, now);
            Eta.Estimate e = estimates.stream().filter(x -> x.stopId() == own.id()).findFirst().orElseThrow();
            Eta.Window window = Eta.window(e.arrival(), e.stopsAway(), errorsPerStop(live.stops));
            boolean fresh = live.positionTime != null
                    && Duration.between(live.positionTime, now).compareTo(settings.positionMaxAge()) <= 0;
            boolean near = e.stopsAway() <= settings.visibleStops();
            ShipmentLive.Hidden hidden = !near ? ShipmentLive.Hidden.TOO_MANY_STOPS
                    : !fresh ? ShipmentLive.Hidden.POSITION_STALE
                    : giftGiver ? ShipmentLive.Hidden.NOT_FOR_VIEWER : null;
            boolean visible = near && fresh;
            ShipmentLive.State state = own.state() == StopState.ARRIVED ? ShipmentLive.State.ARRIVED
                    : ShipmentLive.State.EN_ROUTE;
            return new ShipmentLive(state, visible ? e.stopsAway() : null, (double) Math.round(e.distanceMeters()),
                    e.arrival(), window,
                    hidden == null ? new ShipmentLive.Location(live.latitude, live.longitude) : null,
                    hidden == null ? live.positionTime : null, hidden,
                    giftGiver ? null : new ShipmentLive.Location(own.latitude(), own.longitude()), null, null, null);
        }
    }

    /** A shipment on a route that has not started, or whose own stop is done: no van, no estimate. */
    private ShipmentLive settled(long shipmentId, List<RouteStore.StoredStop> stops, boolean giftGiver,
                                 String photoUrl) {
        RouteStore.StoredStop own = ownStop(stops, shipmentId);
        ShipmentLive.Location destination = giftGiver ? null : new ShipmentLive.Location(own.latitude(), own.longitude());
        Eta.Window chosen = own.windowStart() == null || own.windowEnd() == null ? null
                : new Eta.Window(own.windowStart(), own.windowEnd());
        return switch (own.state()) {
            case PENDING, ARRIVED -> new ShipmentLive(ShipmentLive.State.SCHEDULED, null, null, null, chosen, null, null,
                    null, destination, null, null, null);
            case DELIVERED -> new ShipmentLive(ShipmentLive.State.DELIVERED, null, null, null, null, null, null, null,
                    destination, own.outcomeReason(), own.completedAt(), new ShipmentLive.ProofOfDelivery(
                    own.outcomeReason(), photoUrl == null ? null : own.outcomeNote(), own.completedAt(),
                    own.photo() ? photoUrl : null));
            case ATTEMPTED, SKIPPED -> new ShipmentLive(own.state() == StopState.ATTEMPTED
                    ? ShipmentLive.State.ATTEMPTED : ShipmentLive.State.SKIPPED, null, null, null, null, null, null,
                    null, destination, own.outcomeReason(), own.completedAt(), null);
        };
    }

    /** The route's mean absolute error of the arrival predicted when each stop became the next one, in seconds. */
    Long etaErrorSeconds(List<RouteStore.StoredStop> stops) {
        List<Long> errors = new ArrayList<>();
        for (RouteStore.StoredStop s : stops) {
            Instant actual = actual(s);
            if (actual != null && s.nextEta() != null) {
                errors.add(Math.abs(Duration.between(s.nextEta(), actual).toSeconds()));
            }
        }
        return errors.isEmpty() ? null : Math.round(errors.stream().mapToLong(Long::longValue).average().orElseThrow());
    }

    /** Past errors per stop ahead: the next-stop prediction (one ahead), and the one made at the start (k ahead). */
    private static List<Double> errorsPerStop(List<RouteStore.StoredStop> stops) {
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            RouteStore.StoredStop s = stops.get(i);
            Instant actual = actual(s);
            if (actual == null) {
                continue;
            }
            if (s.nextEta() != null) {
                errors.add((double) Math.abs(Duration.between(s.nextEta(), actual).toSeconds()));
            }
            if (s.plannedEta() != null) {
                errors.add(Math.abs(Duration.between(s.plannedEta(), actual).toSeconds()) / (double) (i + 1));
            }
        }
        return errors;
    }

    private static Instant actual(RouteStore.StoredStop s) {
        if (s.state() == StopState.SKIPPED || s.state().open()) {
            return null;
        }
        return s.arrivedAt() != null ? s.arrivedAt() : s.completedAt();
    }

    private static RouteStore.StoredStop ownStop(List<RouteStore.StoredStop> stops, long shipmentId) {
        return stops.stream().filter(s -> s.shipmentIds().contains(shipmentId)).reduce((a, b) -> b).orElseThrow();
    }

    private static RouteStore.StoredStop stop(List<RouteStore.StoredStop> stops, long id) {
        return stops.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static RouteStore.StoredStop withPredictions(RouteStore.StoredStop s, Instant planned, Instant next) {
        return new RouteStore.StoredStop(s.id(), s.routeId(), s.sequence(), s.address(), s.latitude(), s.longitude(),
                s.windowStart(), s.windowEnd(), s.state(), s.arrivedAt(), s.completedAt(), s.outcomeReason(),
                s.outcomeNote(), planned, next, s.shipmentIds(), s.photo());
    }

    private static Collection<Long> shipments(List<RouteStore.StoredStop> stops) {
        return stops.stream().flatMap(s -> s.shipmentIds().stream()).toList();
    }

    /** The routes under way, read once at the first use after start-up. */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            List<RouteStore.Row> started = store.startedRoutes();
            Map<Long, List<RouteStore.StoredStop>> stops = store.stops(started.stream().map(RouteStore.Row::id).toList());
            for (RouteStore.Row r : started) {
                start(r, stops.getOrDefault(r.id(), List.of()));
            }
            if (!started.isEmpty()) {
                log.info("{} routes under way", started.size());
            }
            loaded = true;
        }
    }

    @Override
    public void destroy() {
        announcer.close(); // announces what is queued, then stops
    }
}
