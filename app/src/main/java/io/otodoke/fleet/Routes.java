package io.otodoke.fleet;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.UserAccount;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.ShipmentRef;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes of the own fleet and what happens on them (design/last-mile.md): an operator plans them,
 * the driver starts the route and records each stop's outcome, and every outcome becomes an event in
 * the timeline of the stop's shipments. Who may do what: an operator within its tenant, a driver on
 * the routes assigned to them, an administrator reads all; anything else is not found.
 */
@Service
public class Routes {

    /** The carrier code of the own fleet: only its shipments go on routes. */
    public static final String OWN_FLEET = "own_fleet";
    /** The source of the events the fleet writes into timelines. */
    public static final String SOURCE = "fleet";
    static final int MAX_STOPS = 500;
    /** Where a driver may say a parcel was left. */
    public static final List<StatusReason> PLACES = List.of(StatusReason.HANDED_OVER, StatusReason.SAFE_PLACE,
            StatusReason.PARCEL_LOCKER, StatusReason.MAILBOX, StatusReason.NEIGHBOUR);
    /** Why a driver may say a delivery failed. */
    public static final List<StatusReason> ATTEMPT_REASONS = List.of(StatusReason.ABSENT,
            StatusReason.BUSINESS_CLOSED, StatusReason.ADDRESS_UNKNOWN, StatusReason.REFUSED);

    private final RouteStore store;
    private final Depots depots;
    private final Vehicles vehicles;
    private final Accounts accounts;
    private final ShipmentRegistry shipments;
    private final TrackingIngest ingest;
    private final LiveRoutes live;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Routes(RouteStore store, Depots depots, Vehicles vehicles, Accounts accounts, ShipmentRegistry shipments,
           TrackingIngest ingest, LiveRoutes live, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.depots = depots;
        this.vehicles = vehicles;
        this.accounts = accounts;
        this.shipments = shipments;
        this.ingest = ingest;
        this.live = live;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A route to create.
     *
     * @param depot   the depot's code
     * @param vehicle the vehicle's device id
     * @param driver  the driver's e-mail address (a DRIVER user of the tenant), optional
     */
    public record NewRoute(String code, LocalDate serviceDate, String depot, String vehicle, String driver,
                           List<NewStop> stops) {
    }

    /** A stop to create; its shipments by tracking number or id (own-fleet shipments of the tenant). */
    public record NewStop(String address, Double latitude, Double longitude, OffsetDateTime windowStart,
                          OffsetDateTime windowEnd, List<String> trackingNumbers, List<Long> shipmentIds) {
    }

    // ---- planning ----

    /** Creates a route with its stops in the given order. Errors name the field, e.g. {@code stops[2].latitude}. */
    @Transactional
    public Route create(Caller caller, NewRoute r) {
        if (caller.tenantId() == null || !caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A route belongs to a tenant; only its operator plans it.");
        }
        long tenant = caller.tenantId();
        String code = Text.required("code", r.code(), 50);
        if (r.serviceDate() == null) {
            throw ProblemType.invalidField("serviceDate", "serviceDate is required (YYYY-MM-DD).");
        }
        String depotCode = Text.required("depot", r.depot(), 50);
        Depot depot = depots.byCode(tenant, depotCode).orElseThrow(() -> ProblemType.invalidField("depot",
                "No depot with code '" + depotCode + "'; create it with POST /api/v1/depots."));
        String device = Text.required("vehicle", r.vehicle(), PositionReport.MAX_DEVICE_ID);
        Vehicle vehicle = vehicles.byDevice(tenant, device).orElseThrow(() -> ProblemType.invalidField("vehicle",
                "No vehicle with device id '" + device + "'; register it with POST /api/v1/vehicles."));
        Long driver = null;
        String driverEmail = Text.optional("driver", r.driver(), 254);
        if (driverEmail != null) {
            driver = accounts.driver(tenant, driverEmail).map(UserAccount::id).orElseThrow(() ->
                    ProblemType.invalidField("driver", "No driver '" + driverEmail + "' in this shop."));
        }
        if (r.stops() == null || r.stops().isEmpty() || r.stops().size() > MAX_STOPS) {
            throw ProblemType.invalidField("stops", "A route has 1 to " + MAX_STOPS + " stops.");
        }
        List<RouteStore.NewStopRow> rows = new ArrayList<>();
        Set<Long> all = new LinkedHashSet<>();
        for (int i = 0; i < r.stops().size(); i++) {
            RouteStore.NewStopRow row = stop(tenant, "stops[" + i + "].", i + 1, r.stops().get(i));
            for (long s : row.shipmentIds()) {
                if (!all.add(s)) {
                    throw ProblemType.invalidField("stops[" + i + "].trackingNumbers",
                            "Shipment " + s + " is on two stops of this route.");
                }
            }
            rows.add(row);
        }
        List<Long> taken = store.alreadyRouted(all);
        if (!taken.isEmpty()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "already-routed", "Shipment already on a route",
                    "Shipments " + taken + " are on an open stop of another route.");
        }
        long id = store.insertRoute(tenant, code, r.serviceDate(), depot.id(), vehicle.id(), driver)
                .orElseThrow(() -> ProblemType.exception(HttpStatus.CONFLICT, "duplicate-route", "Route exists",
                        "A route with code '" + code + "' exists already."));
        store.insertStops(id, rows);
        return view(store.route(id).orElseThrow());
    }

    private RouteStore.NewStopRow stop(long tenant, String at, int sequence, NewStop s) {
        if (s == null) {
            throw ProblemType.invalidField(at.substring(0, at.length() - 1), "A stop is empty.");
        }
        String address = Text.required(at + "address", s.address(), 300);
        Geo.check(at + "latitude", at + "longitude", s.latitude(), s.longitude());
        Instant start = s.windowStart() == null ? null : s.windowStart().toInstant();
        Instant end = s.windowEnd() == null ? null : s.windowEnd().toInstant();
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemType.invalidField(at + "windowEnd", "The window ends before it starts.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String number : s.trackingNumbers() == null ? List.<String>of() : s.trackingNumbers()) {
            String n = TrackingNumbers.normalize(number == null ? "" : number);
            List<ShipmentRef> found = shipments.shipmentsByTrackingNumber(List.of(n)).stream()
                    .filter(x -> x.tenantId() == tenant && x.carrier().equals(OWN_FLEET)).toList();
            if (found.isEmpty()) {
                throw ProblemType.invalidField(at + "trackingNumbers", "No own-fleet shipment (carrier "
                        + OWN_FLEET + ") with tracking number '" + number + "' in this shop.");
            }
            ids.add(found.getFirst().id());
        }
        for (Long shipmentId : s.shipmentIds() == null ? List.<Long>of() : s.shipmentIds()) {
            boolean ours = shipmentId != null && shipments.shipment(tenant, shipmentId)
                    .filter(v -> v.carrier().equals(OWN_FLEET)).isPresent();
            if (!ours) {
                throw ProblemType.invalidField(at + "shipmentIds", "No own-fleet shipment " + shipmentId
                        + " in this shop.");
            }
            ids.add(shipmentId);
        }
        if (ids.isEmpty()) {
            throw ProblemType.invalidField(at + "trackingNumbers", "A stop delivers at least one shipment.");
        }
        return new RouteStore.NewStopRow(sequence, address, s.latitude(), s.longitude(), start, end, List.copyOf(ids));
    }

    // ---- reading ----

    /** The routes of a day: an operator's own tenant's, an administrator's all. */
    public List<Route> day(Caller caller, LocalDate day) {
        if (caller.is(Role.ADMIN)) {
            return views(store.routes(null, day));
        }
        if (caller.is(Role.OPERATOR)) {
            return views(store.routes(caller.tenantId(), day));
        }
        if (caller.is(Role.DRIVER) && caller.userId() != null) {
            return views(store.routesOfDriver(caller.userId(), day));
        }
        return List.of();
    }

    public Optional<Route> route(Caller caller, long id) {
        return store.route(id).filter(r -> reads(caller, r)).map(this::view);
    }

    /** Today in the service area's time zone (Japan). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(EventTime.TOKYO));
    }

    // ---- the driver's actions ----

    /** The van leaves the depot: every shipment on an open stop is out for delivery. Repeating it changes nothing. */
    @Transactional
    public Route start(Caller caller, long routeId) {
        RouteStore.Row r = writable(caller, store.routeForUpdate(routeId));
        if (r.state() == RouteState.FINISHED) {
            throw conflict("route-finished", "This route is finished.");
        }
        if (r.state() == RouteState.STARTED) {
            return view(r);
        }
        Instant now = clock.instant();
        List<RouteStore.StoredStop> stops = stops(r.id());
        store.started(r.id(), now);
        List<IncomingEvent> events = new ArrayList<>();
        for (RouteStore.StoredStop s : stops) {
            for (long shipment : s.shipmentIds()) {
                events.add(event(shipment, "route:" + r.id() + ":start", "配達のため持ち出し（" + r.depot().name() + "）",
                        TrackingStatus.OUT_FOR_DELIVERY, null, now, EventLocation.named(r.depot().name())));
            }
        }
        ingest.ingest(r.tenantId(), events);
        publishStopsAway(r, null, stops);
        reloadAfterCommit(r.id());
        return view(r.id());
    }

    /** The van is at the stop. */
    @Transactional
    public Route arrived(Caller caller, long stopId) {
        RouteStore.StoredStop s = openStop(caller, stopId);
        if (s.state() == StopState.PENDING) {
            store.arrived(s.id(), clock.instant());
            reloadAfterCommit(s.routeId());
        }
        return view(s.routeId());
    }

    /**
     * Delivered: where it was left, the driver's note, the phone's position and the photo (already
     * cleaned of metadata by {@link DeliveryPhotos}).
     */
    @Transactional
    public Route delivered(Caller caller, long stopId, StatusReason place, String note, Double latitude,
                           Double longitude, Photo photo) {
        if (place == null || !PLACES.contains(place)) {
            throw ProblemType.invalidField("place", "place is one of " + PLACES + ".");
        }
        return complete(caller, stopId, StopState.DELIVERED, place, note, latitude, longitude, photo);
    }

    /** Not delivered, and why. */
    @Transactional
    public Route attempted(Caller caller, long stopId, StatusReason reason, String note, Double latitude,
                           Double longitude) {
        if (reason == null || !ATTEMPT_REASONS.contains(reason)) {
            throw ProblemType.invalidField("reason", "reason is one of " + ATTEMPT_REASONS + ".");
        }
        return complete(caller, stopId, StopState.ATTEMPTED, reason, note, latitude, longitude, null);
    }

    private Route complete(Caller caller, long stopId, StopState outcome, StatusReason reason, String note,
                           Double latitude, Double longitude, Photo photo) {
        if (latitude != null || longitude != null) {
            Geo.check("latitude", "longitude", latitude, longitude);
        }
        String text = Text.optional("note", note, 200);
        RouteStore.StoredStop s = openStop(caller, stopId);
        RouteStore.Row r = store.route(s.routeId()).orElseThrow();
        Instant now = clock.instant();
        List<RouteStore.StoredStop> before = stops(r.id());
        store.completed(s.id(), outcome, now, reason.name(), text, latitude, longitude);
        if (photo != null) {
            store.photo(s.id(), photo);
        }
        boolean delivered = outcome == StopState.DELIVERED;
        String raw = delivered ? "配達完了（" + PLACE_WORDS.get(reason) + (text == null ? "" : "：" + text) + "）"
                : "ご不在等のため持ち帰り（" + PLACE_WORDS.get(reason) + "）";
        List<IncomingEvent> events = new ArrayList<>();
        for (long shipment : s.shipmentIds()) {
            events.add(event(shipment, "stop:" + s.id() + ":" + outcome.name().toLowerCase(), raw,
                    delivered ? TrackingStatus.DELIVERED : TrackingStatus.DELIVERY_ATTEMPTED, reason, now,
                    EventLocation.NONE));
        }
        ingest.ingest(r.tenantId(), events);
        List<RouteStore.StoredStop> after = stops(r.id());
        publishStopsAway(r, before, after);
        if (after.stream().noneMatch(x -> x.state().open())) {
            store.finished(r.id(), now);
        }
        reloadAfterCommit(r.id());
        return view(r.id());
    }

    // ---- changes the recipient asked for (delivery module) ----

    /** What moving a shipment to another date or window did to the routes. */
    public enum Rescheduled {
        /** the stop stays on its route with the new window (a stop shared with other parcels is split off) */
        WINDOW_MOVED,
        /** the new date is another day: the shipment left its route, free to be planned on that day's */
        LEFT_ROUTE,
        /** the shipment is on no open route yet: the dispatcher plans it with the new window */
        NOT_ROUTED
    }

    /**
     * Moves an own-fleet shipment to the day and window its recipient chose (design/last-mile.md:
     * the recipient sees the stop's window as the chosen one). On the route's own day the stop's
     * window changes; on another day the shipment leaves the route, and a stop left empty is
     * skipped. The caller (the delivery module) has checked who asks and that the slot is offered.
     */
    @Transactional
    public Rescheduled reschedule(long tenantId, long shipmentId, LocalDate day, Instant windowStart,
                                  Instant windowEnd) {
        Optional<RouteStore.StoredStop> found = store.openStopOfShipment(tenantId, shipmentId);
        if (found.isEmpty()) {
            return Rescheduled.NOT_ROUTED;
        }
        RouteStore.Row r = store.routeForUpdate(found.get().routeId()).orElseThrow();
        RouteStore.StoredStop s = store.stop(found.get().id()).orElseThrow();
        if (s.state() != StopState.PENDING) {
            throw conflict("stop-in-progress", "The van is at this stop already; the delivery cannot be moved now.");
        }
        List<RouteStore.StoredStop> before = stops(r.id());
        Rescheduled outcome;
        if (r.serviceDate().equals(day)) {
            if (s.shipmentIds().size() == 1) {
                store.window(s.id(), windowStart, windowEnd);
            } else {
                store.removeShipment(s.id(), shipmentId);
                store.appendStop(s, windowStart, windowEnd, shipmentId);
            }
            outcome = Rescheduled.WINDOW_MOVED;
        } else {
            store.removeShipment(s.id(), shipmentId);
            if (s.shipmentIds().size() == 1) {
                store.skipped(s.id(), clock.instant(), StatusReason.RESCHEDULED.name());
            }
            outcome = Rescheduled.LEFT_ROUTE;
        }
        RouteState state = r.state();
        if (r.state() == RouteState.STARTED) {
            List<RouteStore.StoredStop> after = stops(r.id());
            publishStopsAway(r, before, after);
            if (after.stream().noneMatch(x -> x.state().open())) {
                store.finished(r.id(), clock.instant());
                state = RouteState.FINISHED;
            }
        }
        publisher.publishEvent(new RouteStopsChanged(r.tenantId(), r.id(), r.serviceDate(), state));
        reloadAfterCommit(r.id());
        return outcome;
    }

    /**
     * Puts the open stops of a route in a new order (the routing module's re-plan, docs/routing.md).
     * {@code openStopIds} names every open stop of the route exactly once; a stop the van is at already
     * (ARRIVED) stays first. Completed stops keep their place in the order: the open stops take the
     * sequence numbers the open stops had, in the new order. The live estimates are recomputed after the
     * commit, and each shipment whose count of stops away changed gets a {@link StopsAwayChanged}.
     * The caller (routing) acts for the tenant; a route of another tenant is not found.
     *
     * @return the route as it is now
     */
    @Transactional
    public Route resequence(long tenantId, long routeId, List<Long> openStopIds) {
        RouteStore.Row r = store.routeForUpdate(routeId).filter(x -> x.tenantId() == tenantId)
                .orElseThrow(() -> ProblemType.notFound("Route"));
        if (r.state() == RouteState.FINISHED) {
            throw conflict("route-finished", "This route is finished.");
        }
        List<RouteStore.StoredStop> before = stops(r.id());
        List<RouteStore.StoredStop> open = before.stream().filter(s -> s.state().open()).toList();
        List<Long> given = openStopIds == null ? List.of() : openStopIds;
        Set<Long> openIds = new HashSet<>();
        open.forEach(s -> openIds.add(s.id()));
        if (given.size() != open.size() || !openIds.equals(new HashSet<>(given))) {
            throw conflict("stops-changed", "The order must name each open stop of the route once; the route has "
                    + "changed since it was read.");
        }
        Optional<RouteStore.StoredStop> at = open.stream().filter(s -> s.state() == StopState.ARRIVED).findFirst();
        if (at.isPresent() && given.getFirst() != at.get().id()) {
            throw conflict("stop-in-progress", "The van is at stop " + at.get().id() + "; it stays first.");
        }
        List<Integer> slots = open.stream().map(RouteStore.StoredStop::sequence).toList();
        List<Long> current = open.stream().map(RouteStore.StoredStop::id).toList();
        if (current.equals(given)) {
            return view(r.id());
        }
        store.resequence(r.id(), given, slots);
        if (r.state() == RouteState.STARTED) {
            publishStopsAway(r, before, stops(r.id()));
        }
        reloadAfterCommit(r.id());
        return view(r.id());
    }

    /**
     * Publishes a re-plan of a day's routes that have not started (the dispatcher's plan page,
     * docs/routing.md): each route gets the pending stops listed for it, in that order, stops moving
     * between the routes as listed. The routes are the operator's, PLANNED and of one day, and the lists
     * name every pending stop of these routes exactly once. A route may be left with no pending stop. A
     * skipped stop stays on its route, before the pending ones.
     *
     * @param stopsByRoute route id → its pending stops' ids in the new order
     */
    @Transactional
    public List<Route> rearrange(Caller caller, Map<Long, List<Long>> stopsByRoute) {
        if (caller.tenantId() == null || !caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A route belongs to a tenant; only its operator plans it.");
        }
        if (stopsByRoute == null || stopsByRoute.isEmpty()) {
            throw ProblemType.invalidField("routes", "Name at least one route.");
        }
        List<Long> ids = stopsByRoute.keySet().stream().sorted().toList(); // locked in one order: no deadlock
        LocalDate day = null;
        Set<Long> pending = new HashSet<>();
        Map<Long, List<RouteStore.StoredStop>> stops = new HashMap<>();
        for (long id : ids) {
            RouteStore.Row r = writable(caller, store.routeForUpdate(id));
            if (r.state() != RouteState.PLANNED) {
                throw conflict("route-started", "Route " + r.code() + " has started; re-plan it live instead.");
            }
            if (day != null && !day.equals(r.serviceDate())) {
                throw ProblemType.invalidField("routes", "The routes are of different days.");
            }
            day = r.serviceDate();
            stops.put(id, stops(id));
            stops.get(id).stream().filter(x -> x.state() == StopState.PENDING).forEach(x -> pending.add(x.id()));
        }
        List<Long> given = stopsByRoute.values().stream().flatMap(l -> l == null ? java.util.stream.Stream.<Long>empty()
                : l.stream()).toList();
        if (given.size() != pending.size() || !pending.equals(new HashSet<>(given))) {
            throw conflict("stops-changed", "The plan must name each pending stop of these routes once; the routes "
                    + "have changed since they were planned.");
        }
        Map<Long, List<Long>> order = new HashMap<>();
        for (long id : ids) {
            List<Long> all = new ArrayList<>();
            stops.get(id).stream().filter(x -> x.state() != StopState.PENDING).forEach(x -> all.add(x.id()));
            all.addAll(stopsByRoute.get(id) == null ? List.of() : stopsByRoute.get(id));
            order.put(id, all);
        }
        store.rearrange(order);
        ids.forEach(this::reloadAfterCommit);
        return ids.stream().map(this::view).toList();
    }

    /**
     * Tells the driver where the recipient wants the parcel left (e.g. 置き配：玄関前), on its open
     * stop; false when the shipment is on no open route yet.
     */
    @Transactional
    public boolean instruct(long tenantId, long shipmentId, String instruction) {
        Optional<RouteStore.StoredStop> s = store.openStopOfShipment(tenantId, shipmentId);
        s.ifPresent(stop -> store.instruction(stop.id(), Text.optional("instruction", instruction, 200)));
        return s.isPresent();
    }

    /** What recipients asked the driver to do at the route's stops (e.g. 置き配（玄関前）), by stop id. */
    public Map<Long, String> instructions(Route route) {
        return store.instructions(route.id());
    }

    /**
     * The own fleet's proof of a delivery, for a claim: the stop's place (the recipient's address as
     * planned) and where the driver's phone was when the delivery was recorded.
     *
     * @param scanLatitude null when the phone sent no position with the outcome
     * @param place        where it was left (a {@link StatusReason} name)
     */
    public record DeliveryProof(double addressLatitude, double addressLongitude, Double scanLatitude,
                                Double scanLongitude, Instant deliveredAt, String place, boolean photo) {

        /** How far from the address the delivery was recorded, in metres; null without a position. */
        public Long scanDistanceMeters() {
            return scanLatitude == null || scanLongitude == null ? null
                    : Math.round(Geo.meters(addressLatitude, addressLongitude, scanLatitude, scanLongitude));
        }
    }

    /** The proof of the shipment's delivery by the own fleet of this tenant, if it was delivered on a route. */
    public Optional<DeliveryProof> deliveryProof(long tenantId, long shipmentId) {
        return store.deliveryProof(tenantId, shipmentId);
    }

    /** Raw words of the fleet's own events, as a carrier's scan would say them. */
    private static final Map<StatusReason, String> PLACE_WORDS = Map.of(StatusReason.HANDED_OVER, "手渡し",
            StatusReason.SAFE_PLACE, "置き配", StatusReason.PARCEL_LOCKER, "宅配ボックス", StatusReason.MAILBOX, "郵便受け",
            StatusReason.NEIGHBOUR, "近隣の方へお預け", StatusReason.ABSENT, "ご不在",
            StatusReason.BUSINESS_CLOSED, "営業時間外", StatusReason.ADDRESS_UNKNOWN, "住所不明",
            StatusReason.REFUSED, "受取拒否");

    /** The photo of a stop's delivery; the caller has checked the viewer may see it. */
    public Optional<Photo> photoOfShipment(long shipmentId) {
        return store.routeOfShipment(shipmentId)
                .flatMap(route -> stops(route).stream().filter(s -> s.shipmentIds().contains(shipmentId))
                        .reduce((a, b) -> b))
                .filter(s -> s.state() == StopState.DELIVERED && s.photo())
                .flatMap(s -> store.photo(s.id()));
    }

    // ---- helpers ----

    private void publishStopsAway(RouteStore.Row r, List<RouteStore.StoredStop> before,
                                  List<RouteStore.StoredStop> after) {
        Map<Long, Integer> was = before == null ? Map.of() : counts(before);
        Map<Long, Integer> now = counts(after);
        for (RouteStore.StoredStop s : after) {
            Integer count = now.get(s.id());
            if (count == null || count.equals(was.get(s.id()))) {
                continue;
            }
            for (long shipment : s.shipmentIds()) {
                publisher.publishEvent(new StopsAwayChanged(shipment, r.tenantId(), r.id(), s.id(), was.get(s.id()),
                        count));
            }
        }
    }

    /** Open stops up to and including each open stop, in route order. */
    private static Map<Long, Integer> counts(List<RouteStore.StoredStop> stops) {
        Map<Long, Integer> counts = new HashMap<>();
        int n = 0;
        for (RouteStore.StoredStop s : stops) {
            if (s.state().open()) {
                counts.put(s.id(), ++n);
            }
        }
        return counts;
    }

    private IncomingEvent event(long shipmentId, String sourceEventId, String raw, TrackingStatus status,
                                StatusReason reason, Instant at, EventLocation location) {
        return new IncomingEvent(shipmentId, null, null, sourceEventId, new TrackingEvent(SOURCE, null, raw, status,
                reason, EventTime.of(at, EventTime.TOKYO), location, 0, at));
    }

    private void reloadAfterCommit(long routeId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                live.reload(routeId);
            }
        });
    }

    private RouteStore.StoredStop openStop(Caller caller, long stopId) {
        RouteStore.StoredStop s = store.stop(stopId).orElseThrow(() -> ProblemType.notFound("Stop " + stopId));
        RouteStore.Row r = writable(caller, store.routeForUpdate(s.routeId()));
        if (r.state() != RouteState.STARTED) {
            throw conflict("route-not-started", "Start the route before recording its stops.");
        }
        RouteStore.StoredStop locked = store.stop(stopId).orElseThrow();
        if (!locked.state().open()) {
            throw conflict("stop-done", "This stop is " + locked.state() + " already.");
        }
        return locked;
    }

    /** The route, if the caller may act on it (its driver, or an operator of its tenant); else 404. */
    private RouteStore.Row writable(Caller caller, Optional<RouteStore.Row> route) {
        return route.filter(r -> writes(caller, r)).orElseThrow(() -> ProblemType.notFound("Route"));
    }

    private static boolean writes(Caller caller, RouteStore.Row r) {
        return caller.is(Role.OPERATOR) && Long.valueOf(r.tenantId()).equals(caller.tenantId())
                || caller.is(Role.DRIVER) && caller.userId() != null && caller.userId().equals(r.driverUserId());
    }

    private static boolean reads(Caller caller, RouteStore.Row r) {
        return caller.is(Role.ADMIN) || writes(caller, r);
    }

    private static RuntimeException conflict(String code, String detail) {
        return ProblemType.exception(HttpStatus.CONFLICT, code, "Conflict", detail);
    }

    private List<RouteStore.StoredStop> stops(long routeId) {
        return store.stops(List.of(routeId)).getOrDefault(routeId, List.of());
    }

    private Route view(long routeId) {
        return view(store.route(routeId).orElseThrow());
    }

    private Route view(RouteStore.Row r) {
        return views(List.of(r)).getFirst();
    }

    private List<Route> views(List<RouteStore.Row> rows) {
        Map<Long, List<RouteStore.StoredStop>> stops = store.stops(rows.stream().map(RouteStore.Row::id).toList());
        Set<Long> drivers = new HashSet<>();
        rows.forEach(r -> {
            if (r.driverUserId() != null) {
                drivers.add(r.driverUserId());
            }
        });
        Map<Long, String> names = accounts.displayNames(drivers);
        List<Route> routes = new ArrayList<>();
        for (RouteStore.Row r : rows) {
            List<RouteStore.StoredStop> own = stops.getOrDefault(r.id(), List.of());
            Map<Long, Instant> etas = live.estimatesOf(r.id());
            routes.add(new Route(r.id(), r.tenantId(), r.code(), r.serviceDate(), r.depot(), r.vehicleId(),
                    r.vehicleName(), r.deviceId(), r.driverUserId(), names.get(r.driverUserId()), r.state(),
                    r.startedAt(), r.finishedAt(), own.stream().map(s -> s.withEstimate(etas.get(s.id()))).toList(),
                    live.etaErrorSeconds(own)));
        }
        return routes;
    }
}
