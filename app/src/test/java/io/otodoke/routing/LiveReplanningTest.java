package io.otodoke.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.LiveUpdates;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.StopState;
import io.otodoke.fleet.StopsAwayChanged;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.StatusReason;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.web.ErrorResponseException;

/**
 * Live re-planning end to end on the real database: two vans out on their streets, the first with two
 * stops done. A recipient's slot moves (through the fleet's reschedule, what the delivery module calls);
 * after the commit the re-planner re-orders only that van's open stops, the fleet recomputes the live
 * estimates, the live pages are woken and each recipient whose count of stops away changed is told.
 */
@OtodokeTest
class LiveReplanningTest {

    static final Caller ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    /** Stops every ~445 m north along a street in Tokyo; the depot lies beyond the street's north end. */
    static final double LAT = 35.6812;
    static final double LON = 139.7671;
    static final double STEP = 0.004;

    @Autowired
    Tenants tenants;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Depots depots;
    @Autowired
    Routes routes;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    Replanner replanner;
    @Autowired
    LiveUpdates liveUpdates;
    @Autowired
    ConfigurableApplicationContext context;

    record World(Caller operator, Route east, Route west, String run) {
    }

    World world(int eastStops, int westStops) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = tenants.create(ADMIN, "replan-" + run, "Replan shop " + run, false);
        Caller operator = new Caller(Role.OPERATOR, shop.id(), null, null, null, "test");
        depots.create(operator, new Depots.NewDepot("D" + run, "北デポ", "東京都", LAT + STEP * 9, LON));
        vehicles.register(operator, "Van A", "a-" + run);
        vehicles.register(operator, "Van B", "b-" + run);
        Route east = route(operator, run, "a-" + run, eastStops, LON);
        Route west = route(operator, run, "b-" + run, westStops, LON - 0.02);
        return new World(operator, routes.start(operator, east.id()), routes.start(operator, west.id()), run);
    }

    private Route route(Caller operator, String run, String device, int n, double lon) {
        List<String> numbers = IntStream.range(0, n).mapToObj(i -> "RP" + device + "-" + i).toList();
        registry.register(operator.tenantId(), numbers.stream().map(x -> new ShipmentRegistration(Routes.OWN_FLEET, x,
                ShipmentLeg.OUTBOUND, null, new Recipient("受取 太郎", "100-0005", "東京都", "千代田区", "丸の内1-1",
                "03-0000-0000"), false, null)).toList());
        List<Routes.NewStop> stops = IntStream.range(0, n).mapToObj(i -> new Routes.NewStop("東京都 " + device + " " + i,
                LAT + STEP * i, lon, null, null, List.of(numbers.get(i)), null)).toList();
        return routes.create(operator, new Routes.NewRoute("R-" + device, routes.today(), "D" + run, device, null, stops));
    }

    @Test
    void aMovedSlotReordersOnlyItsVanKeepsTheNextStopAndTheCompletedStopsAndUpdatesTheLiveView() throws Exception {
        World w = world(7, 4);
        List<Stop> a = w.east().stops();
        routes.delivered(w.operator(), a.get(0).id(), StatusReason.HANDED_OVER, null, null, null, null);
        routes.delivered(w.operator(), a.get(1).id(), StatusReason.SAFE_PLACE, null, null, null, null);

        Route eastBefore = routes.route(w.operator(), w.east().id()).orElseThrow();
        Instant readEast = Instant.now();
        Route westBefore = routes.route(w.operator(), w.west().id()).orElseThrow();
        Instant readWest = Instant.now();

        List<StopsAwayChanged> told = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof StopsAwayChanged s
                    && s.routeId() == w.east().id()) {
                told.add(s);
            }
        };
        context.addApplicationListener(listener);
        Stop moved = a.get(5);
        CountDownLatch woken = new CountDownLatch(1);
        AutoCloseable watching = liveUpdates.watch(moved.shipmentIds().getFirst(), woken::countDown);
        try {
            // From the last delivered stop, stop 2 is ~104 s away, stop 5 ~312 s past it, service 3 min: by 10 min
            // stop 5 can be reached only straight after the next stop, not after stop 3 as well.
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long runs = replanner.runs(w.east().id());
            routes.reschedule(w.operator().tenantId(), moved.shipmentIds().getFirst(), routes.today(),
                    now.minusHours(1).toInstant(), now.plusSeconds(700).toInstant());
            await(() -> replanner.runs(w.east().id()) > runs && replanner.idle(w.east().id()));
            assertThat(woken.await(10, TimeUnit.SECONDS)).as("the live page of the moved stop is woken").isTrue();
        } finally {
            watching.close();
            context.removeApplicationListener(listener);
        }

        Route eastAfter = routes.route(w.operator(), w.east().id()).orElseThrow();
        Instant readEastAfter = Instant.now();
        Route westAfter = routes.route(w.operator(), w.west().id()).orElseThrow();
        Instant readWestAfter = Instant.now();

        // completed stops untouched, in their order
        assertThat(eastAfter.stops().subList(0, 2)).isEqualTo(eastBefore.stops().subList(0, 2));
        assertThat(eastAfter.stops().subList(0, 2)).extracting(Stop::state)
                .containsExactly(StopState.DELIVERED, StopState.DELIVERED);
        // the next stop still first, the moved stop straight after it, the rest behind
        List<Long> open = eastAfter.stops().stream().filter(s -> s.state().open()).map(Stop::id).toList();
        assertThat(open).startsWith(a.get(2).id(), moved.id())
                .containsExactlyInAnyOrder(a.get(2).id(), a.get(3).id(), a.get(4).id(), a.get(5).id(), a.get(6).id());
        assertThat(eastAfter.stops()).extracting(Stop::sequence).isSorted().doesNotHaveDuplicates();
        // only the affected estimates change: the next stop's stays (relative to when it was read)
        Map<Long, Long> etaBefore = offsets(eastBefore, readEast);
        Map<Long, Long> etaAfter = offsets(eastAfter, readEastAfter);
        assertThat(etaAfter.get(a.get(2).id())).isCloseTo(etaBefore.get(a.get(2).id()), org.assertj.core.data.Offset.offset(2L));
        assertThat(etaAfter.get(moved.id())).isLessThan(etaBefore.get(moved.id()) - 60);
        assertThat(etaAfter.get(a.get(3).id())).isGreaterThan(etaBefore.get(a.get(3).id()) + 60);
        // the other van: same order, same estimates
        assertThat(westAfter.stops()).extracting(Stop::id).containsExactlyElementsOf(westBefore.stops().stream()
                .map(Stop::id).toList());
        Map<Long, Long> westEtaBefore = offsets(westBefore, readWest);
        offsets(westAfter, readWestAfter).forEach((stop, eta) -> assertThat(eta).as("west stop " + stop)
                .isCloseTo(westEtaBefore.get(stop), org.assertj.core.data.Offset.offset(2L)));

        // told: exactly the recipients whose count changed, with the new count
        Map<Long, Integer> countBefore = counts(eastBefore);
        Map<Long, Integer> countAfter = counts(eastAfter);
        List<Long> changed = new ArrayList<>();
        countAfter.forEach((stop, count) -> {
            if (!count.equals(countBefore.get(stop))) {
                changed.add(stop);
            }
        });
        assertThat(changed).contains(moved.id());
        assertThat(told).extracting(StopsAwayChanged::stopId).containsExactlyInAnyOrderElementsOf(changed);
        told.forEach(t -> assertThat(t.remainingStopCount()).isEqualTo(countAfter.get(t.stopId())));
        assertThat(told).filteredOn(t -> t.stopId() == moved.id()).singleElement()
                .satisfies(t -> assertThat(t.remainingStopCount()).isEqualTo(2));
    }

    @Test
    void aVanBehindItsWindowsIsReplannedAndBurstsOfRequestsAreOneRun() throws Exception {
        World w = world(5, 2);
        List<Stop> a = w.east().stops();
        routes.delivered(w.operator(), a.get(0).id(), StatusReason.HANDED_OVER, null, null, null, null);
        // the last stop's recipient was promised "by five minutes ago": the van is behind, and serving it
        // next is the least late it can be
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Stop last = a.get(4);
        routes.reschedule(w.operator().tenantId(), last.shipmentIds().getFirst(), routes.today(),
                now.minusHours(2).toInstant(), now.minusMinutes(5).toInstant());
        await(() -> replanner.runs(w.east().id()) >= 1 && replanner.idle(w.east().id()));
        List<Long> open = open(w);
        assertThat(open.getFirst()).as("a hard rule may displace the next stop").isEqualTo(last.id());

        replanner.checkBehind(); // learns the late stop, if the scheduled check has not yet
        await(() -> replanner.idle(w.east().id()));
        long runs = replanner.runs(w.east().id());
        replanner.checkBehind(); // the late stop is known: no run
        replanner.request(w.operator().tenantId(), w.east().id());
        replanner.request(w.operator().tenantId(), w.east().id());
        replanner.request(w.operator().tenantId(), w.east().id());
        await(() -> replanner.idle(w.east().id()));
        assertThat(replanner.runs(w.east().id())).isEqualTo(runs + 1);
        assertThat(open(w)).isEqualTo(open);

        // another shop cannot re-sequence this route, and an order that misses a stop is refused
        Shop other = tenants.create(ADMIN, "replan-x-" + w.run(), "Other", false);
        assertThat(status(() -> routes.resequence(other.id(), w.east().id(), open))).isEqualTo(404);
        assertThat(status(() -> routes.resequence(w.operator().tenantId(), w.east().id(), open.subList(1, open.size()))))
                .isEqualTo(409);
        assertThat(replanner.replan(w.operator().tenantId(), w.west().id())).isIn(Replanner.Outcome.KEPT,
                Replanner.Outcome.RESEQUENCED);
    }

    private List<Long> open(World w) {
        return routes.route(w.operator(), w.east().id()).orElseThrow().stops().stream().filter(s -> s.state().open())
                .map(Stop::id).toList();
    }

    /** Each open stop's live estimate, in seconds after the moment the route was read. */
    private static Map<Long, Long> offsets(Route r, Instant read) {
        Map<Long, Long> out = new HashMap<>();
        r.stops().stream().filter(s -> s.estimatedArrival() != null)
                .forEach(s -> out.put(s.id(), Duration.between(read, s.estimatedArrival()).toSeconds()));
        assertThat(out).as("a route under way has live estimates").isNotEmpty();
        return out;
    }

    private static Map<Long, Integer> counts(Route r) {
        Map<Long, Integer> out = new HashMap<>();
        int n = 0;
        for (Stop s : r.stops()) {
            if (s.state().open()) {
                out.put(s.id(), ++n);
            }
        }
        return out;
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (ErrorResponseException e) {
            return e.getStatusCode().value();
        }
    }
}
