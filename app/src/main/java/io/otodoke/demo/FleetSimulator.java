package io.otodoke.demo;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import io.otodoke.demo.DemoFleet.PlannedRoute;
import io.otodoke.demo.DemoFleet.PlannedStop;
import io.otodoke.fleet.DeliveryPhotos;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.OsmAndPort;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.StopState;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.StatusReason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Drives the vans of {@link DemoFleet} through their day as a real fleet would report it: each van's
 * phone sends its position by the OsmAnd protocol over HTTP to Otodoke's own endpoint (the OsmAnd port,
 * or {@code /api/v1/positions/osmand} on the main port when that port is off), and the driver's
 * outcomes go through {@link Routes} like the driver page's.
 *
 * <p>Time: the vans' day starts at 08:00 at the demo's start ({@code demo_state.started_at}) and runs
 * {@code otodoke.demo.fleet-speed} times faster than real time. Everything stored — positions, arrivals,
 * outcomes, the chosen slots — is in real time (the server's clock), as the rest of the demo's events
 * are, so the live view's rules (a position at most 5 minutes old) hold as they would for a real van.
 *
 * <p>A restarted demo finds its routes by their codes and creates nothing twice; each van goes on from
 * where its stops say it is: after the last finished stop, or at the stop it had reached.
 */
@Component
@ConditionalOnProperty("otodoke.demo.enabled")
class FleetSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetSimulator.class);
    /** The shop's operator, as the demo acts for it. */
    static final Caller OPERATOR = new Caller(Role.OPERATOR, Tenant.DEFAULT_ID, null, null, null, "demo");
    /**
     * The vans load at the depot for an hour and leave a few minutes apart, so that at the default speed
     * the demo shopper's parcel (about the 12th stop) arrives some 10–15 minutes after the demo starts.
     */
    private static final LocalTime FIRST_DEPARTURE = LocalTime.of(9, 0);
    private static final Duration BETWEEN_DEPARTURES = Duration.ofMinutes(4);
    /** Traccar Client's interval would be longer; this makes the van move smoothly on the map. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    private static final double KNOTS_PER_KMH = 1 / 1.852;
    private static final List<String> SAFE_PLACES = List.of("玄関前", "メーターボックス", "玄関前（置き配バッグ）");

    private final DemoProperties properties;
    private final Depots depots;
    private final Vehicles vehicles;
    private final Routes routes;
    private final ShipmentRegistry registry;
    private final ObjectProvider<OsmAndPort> osmAndPort;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("demo-fleet").daemon().factory());
    private final List<Van> vans = new ArrayList<>();
    private long seed;
    private Day day;
    private Long shopperShipment;
    private Long shopperStop;
    private boolean warnedNoEndpoint;

    FleetSimulator(DemoProperties properties, Depots depots, Vehicles vehicles, Routes routes, ShipmentRegistry registry,
                   ObjectProvider<OsmAndPort> osmAndPort, Environment environment, Clock clock) {
        this.properties = properties;
        this.depots = depots;
        this.vehicles = vehicles;
        this.routes = routes;
        this.registry = registry;
        this.osmAndPort = osmAndPort;
        this.environment = environment;
        this.clock = clock;
    }

    /** The fleet's service day: 08:00 of it is {@code startedAt}, and it runs {@code speed} times faster. */
    record Day(Instant startedAt, int speed) {

        static final LocalTime OPENS = LocalTime.of(8, 0);

        LocalDate serviceDate() {
            return LocalDate.ofInstant(startedAt, EventTime.TOKYO);
        }

        /** The real moment the day's clock shows {@code time}. */
        Instant at(LocalTime time) {
            return startedAt.plus(Duration.between(OPENS, time).dividedBy(speed));
        }

        OffsetDateTime offsetAt(LocalTime time) {
            return at(time).atZone(EventTime.TOKYO).toOffsetDateTime();
        }
    }

    /** Creates the fleet unless it exists, and sets the vans going; called once the demo's state is known. */
    synchronized void start(long seed, Instant startedAt) {
        this.seed = seed;
        this.day = new Day(startedAt, properties.fleetSpeed());
        List<Route> fleet = create();
        shopperStop = fleet.stream().flatMap(r -> r.stops().stream())
                .filter(s -> s.shipmentIds().contains(shopperShipment)).map(Stop::id).findFirst().orElse(null);
        for (int i = 0; i < fleet.size(); i++) {
            vans.add(resume(fleet.get(i), day.at(FIRST_DEPARTURE.plus(BETWEEN_DEPARTURES.multipliedBy(i)))));
        }
        log.info("Demo fleet: {} vans, {} stops from {}; their day runs {}× faster", fleet.size(),
                fleet.stream().mapToInt(r -> r.stops().size()).sum(), DemoFleet.DEPOT_NAME, day.speed());
        long every = Math.clamp(REPORT_EVERY.dividedBy(day.speed()).toMillis(), 1_000, 5_000);
        timer.scheduleWithFixedDelay(this::tickSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The depot, the vans, the parcels and the routes of the day, each created unless it exists (by its
     * code, device id or tracking number), so that a restart or a half-finished start adds nothing twice.
     */
    synchronized List<Route> create() {
        LocalDate date = day.serviceDate();
        List<PlannedRoute> plan = DemoFleet.plan(seed, date);
        if (depots.list(OPERATOR).stream().noneMatch(d -> d.code().equals(DemoFleet.DEPOT_CODE))) {
            depots.create(OPERATOR, new Depots.NewDepot(DemoFleet.DEPOT_CODE, DemoFleet.DEPOT_NAME,
                    DemoFleet.DEPOT_ADDRESS, DemoFleet.DEPOT_LATITUDE, DemoFleet.DEPOT_LONGITUDE));
        }
        Map<String, Long> shipments = register(plan);
        Map<String, Route> existing = new HashMap<>();
        routes.day(OPERATOR, date).forEach(r -> existing.put(r.code(), r));
        List<Route> fleet = new ArrayList<>(plan.size());
        for (PlannedRoute p : plan) {
            if (vehicles.byDevice(p.deviceId()).isEmpty()) {
                vehicles.register(OPERATOR, p.vanName(), p.deviceId());
            }
            Route route = existing.get(p.code());
            if (route == null) {
                route = routes.create(OPERATOR, new Routes.NewRoute(p.code(), date, DemoFleet.DEPOT_CODE, p.deviceId(),
                        p.driver(), p.stops().stream().map(s -> new Routes.NewStop(s.address(), s.latitude(),
                        s.longitude(), s.slot() == null ? null : day.offsetAt(s.slot().from),
                        s.slot() == null ? null : day.offsetAt(s.slot().to), null,
                        List.of(shipments.get(s.trackingNumber())))).toList()));
            }
            fleet.add(route);
        }
        return fleet;
    }

    /** Registers the day's parcels with their orders (idempotent) and returns their ids by tracking number. */
    private Map<String, Long> register(List<PlannedRoute> plan) {
        // Ordered the day before, labels printed that evening: the parcels wait at the depot in the morning.
        Instant ordered = day.startedAt().minus(Duration.ofHours(20));
        Instant labelled = day.startedAt().minus(Duration.ofHours(14));
        List<PlannedStop> stops = plan.stream().flatMap(r -> r.stops().stream()).toList();
        List<ShipmentRegistration> registrations = stops.stream().map(s -> {
            DemoRecipient r = s.recipient();
            long itemsYen = s.item().lineTotalYen();
            OrderDetails order = new OrderDetails(s.orderNumber(), s.customerEmail(), r.name(), ordered,
                    List.of(new OrderItem(s.item().name(), s.item().quantity(), s.item().unitPriceYen())),
                    itemsYen + (itemsYen < DemoWorld.FREE_SHIPPING_FROM_YEN ? DemoWorld.SHIPPING_FEE_YEN : 0), false,
                    null, null, null, false, false);
            return new ShipmentRegistration(Routes.OWN_FLEET, s.trackingNumber(), ShipmentLeg.OUTBOUND, order,
                    new Recipient(r.name(), r.postalCode(), r.prefecture(), r.city(), r.addressLine(), r.phone()), false,
                    labelled);
        }).toList();
        var outcomes = registry.register(Tenant.DEFAULT_ID, registrations);
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < stops.size(); i++) {
            var outcome = outcomes.get(i);
            if (outcome.error() != null) {
                throw new IllegalStateException("Demo parcel " + stops.get(i).trackingNumber() + " not registered: "
                        + outcome.error().detail());
            }
            ids.put(stops.get(i).trackingNumber(), outcome.shipmentId());
            if (stops.get(i).shopper()) {
                shopperShipment = outcome.shipmentId();
            }
        }
        return ids;
    }

    /** The demo shopper's own-fleet parcel. */
    synchronized long shopperShipment() {
        return shopperShipment;
    }

    // ---- the vans ----

    /** A van and how far through its schedule it is; the schedule is null until its route starts. */
    private static final class Van {
        final long routeId;
        final String deviceId;
        final Instant leaves;
        VanSchedule schedule;
        int next;
        boolean arrived;
        boolean done;

        Van(long routeId, String deviceId, Instant leaves) {
            this.routeId = routeId;
            this.deviceId = deviceId;
            this.leaves = leaves;
        }
    }

    /** A van as its route's stops say: not left yet, on the way after its last finished stop, or done. */
    private Van resume(Route route, Instant leaves) {
        Van van = new Van(route.id(), route.deviceId(), leaves);
        if (route.state() == RouteState.FINISHED) {
            van.done = true;
        } else if (route.state() == RouteState.STARTED) {
            plan(van, route, clock.instant());
        }
        return van;
    }

    /** Plans the van's way from where its stops say it is through its open stops, from {@code now}. */
    private void plan(Van van, Route route, Instant now) {
        double lat = route.depot().latitude();
        double lon = route.depot().longitude();
        List<VanSchedule.Target> open = new ArrayList<>();
        for (Stop s : route.stops()) {
            if (s.state().open()) {
                open.add(new VanSchedule.Target(s.id(), s.latitude(), s.longitude(), s.windowStart(),
                        s.state() == StopState.ARRIVED ? s.arrivedAt() : null));
            } else if (open.isEmpty()) {
                lat = s.latitude();
                lon = s.longitude();
            }
        }
        van.schedule = VanSchedule.plan(seed, lat, lon, now, open, day.speed());
        van.next = 0;
        van.arrived = !open.isEmpty() && open.getFirst().arrivedAt() != null;
        van.done = open.isEmpty();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Demo fleet tick failed; retrying at the next tick: {}", e.getMessage());
        }
    }

    /** Starts the routes that are due, reports each van's position and records the stops it has finished. */
    synchronized void tick() {
        Instant now = clock.instant();
        for (Van van : vans) {
            if (van.done) {
                continue;
            }
            if (van.schedule == null) {
                if (now.isBefore(van.leaves)) {
                    continue;
                }
                plan(van, routes.start(OPERATOR, van.routeId), now);
            }
            report(van, van.schedule.at(now), now);
            List<VanSchedule.Leg> legs = van.schedule.legs();
            while (van.next < legs.size()) {
                VanSchedule.Leg leg = legs.get(van.next);
                if (!van.arrived) {
                    if (leg.arrives().isAfter(now)) {
                        break;
                    }
                    routes.arrived(OPERATOR, leg.stopId());
                    van.arrived = true;
                }
                if (leg.completes().isAfter(now)) {
                    break;
                }
                finish(leg);
                van.next++;
                van.arrived = false;
            }
            van.done = van.next == legs.size();
        }
    }

    /**
     * The driver's outcome: mostly handed over or left at the door (置き配, with a photo), sometimes in the
     * delivery box, and about one in twelve nobody home. The shopper's parcel is always left at the door
     * with a photo, so the demo shows one.
     */
    private void finish(VanSchedule.Leg leg) {
        Route route = null;
        SplittableRandom random = new SplittableRandom(seed * 17 + leg.stopId());
        int pick = random.nextInt(100);
        boolean shopper = shopperStop != null && shopperStop == leg.stopId();
        double lat = leg.toLatitude();
        double lon = leg.toLongitude();
        try {
            if (shopper || pick >= 48 && pick < 88) {
                Photo photo = DeliveryPhotos.clean(DoorstepPhoto.draw(random));
                route = routes.delivered(OPERATOR, leg.stopId(), StatusReason.SAFE_PLACE,
                        shopper ? "玄関前" : SAFE_PLACES.get(random.nextInt(SAFE_PLACES.size())), lat, lon, photo);
            } else if (pick < 8) {
                route = routes.attempted(OPERATOR, leg.stopId(), StatusReason.ABSENT, "不在票を投函", lat, lon);
            } else if (pick < 48) {
                route = routes.delivered(OPERATOR, leg.stopId(), StatusReason.HANDED_OVER, null, lat, lon, null);
            } else {
                route = routes.delivered(OPERATOR, leg.stopId(), StatusReason.PARCEL_LOCKER, null, lat, lon, null);
            }
        } catch (ErrorResponseException e) {
            // Recorded already (by someone on the driver page, or before a restart): the van goes on.
            log.info("Demo stop {}: {}", leg.stopId(), e.getBody().getDetail());
        }
        if (route != null && route.state() == RouteState.FINISHED) {
            log.info("Demo route {} finished: {} stops", route.code(), route.stops().size());
        }
    }

    // ---- the phone ----

    /** Sends the van's position as Traccar Client does: a GET with the OsmAnd parameters, speed in knots. */
    private void report(Van van, VanSchedule.Place place, Instant now) {
        URI endpoint = endpoint();
        if (endpoint == null) {
            if (!warnedNoEndpoint) {
                log.warn("Demo fleet: no HTTP port to report positions to (OsmAnd port off and no web server)");
                warnedNoEndpoint = true;
            }
            return;
        }
        String query = String.format(Locale.ROOT, "id=%s&lat=%.6f&lon=%.6f&timestamp=%d&speed=%.1f&bearing=%.0f&accuracy=8",
                URLEncoder.encode(van.deviceId, StandardCharsets.UTF_8), place.latitude(), place.longitude(),
                now.getEpochSecond(), place.kmh() * KNOTS_PER_KMH, place.bearing());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Demo van {}: position refused ({}): {}", van.deviceId, response.statusCode(), response.body());
            }
        } catch (IOException e) {
            log.warn("Demo van {}: position not sent: {}", van.deviceId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The OsmAnd port when it listens, else the same protocol on the main port. */
    private URI endpoint() {
        OsmAndPort port = osmAndPort.getIfAvailable();
        if (port != null && port.port() > 0) {
            return URI.create("http://127.0.0.1:" + port.port() + "/");
        }
        Integer main = environment.getProperty("local.server.port", Integer.class);
        return main == null || main <= 0 ? null : URI.create("http://127.0.0.1:" + main + "/api/v1/positions/osmand");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
