package io.otodoke.demo;

import io.otodoke.account.DemoUsers;
import io.otodoke.account.Tenant;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.poll.Poller;
import io.otodoke.connector.simulator.CarrierSimulator;
import io.otodoke.connector.simulator.SimulatedParcel;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plays the simulated shop of {@link DemoWorld} through the same ingest path as real sources.
 *
 * <p>Time: the demo's clock starts at {@code startedAt} (real time). Events the world places
 * before that happened in the past and are stored at once with their own times. Later events
 * are played {@code speed} times faster than real time and stamped with the real moment they are
 * played, so no event ever lies in the future; the pages say that time is accelerated.
 */
@Component
@ConditionalOnProperty("otodoke.demo.enabled")
class DemoSimulator implements AutoCloseable {

    /** The demo shopper (see account.DemoUsers) receives every 25th order of the world. */
    static final String DEMO_SHOPPER = "hanako@example.jp";
    static final String DEMO_SHOPPER_NAME = "山田 花子";
    /** Carriers whose pages the demo simulates, so that their scans reach Otodoke through polling and parsing. */
    static final java.util.Set<String> SIMULATED_CARRIERS = java.util.Set.of("yamato", "japanpost", "sagawa");
    /** Every 4th order is sold by the demo marketplace's seller (account.DemoUsers). */
    static final String SELLER_NAME = "山田園 (デモ)";
    private static final Logger log = LoggerFactory.getLogger(DemoSimulator.class);
    private static final int BATCH = 1000;
    /** A year of simulated days. */
    private static final int MAX_ROUNDS = 365;

    private final DemoProperties properties;
    private final ShipmentRegistry registry;
    private final TrackingIngest ingest;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoUsers demoUsers;
    private final Poller poller;
    private final FleetSimulator fleet;
    private final CarrierSimulator carriers = CarrierSimulator.start(0);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("demo-simulator").daemon().factory());
    private final java.util.PriorityQueue<Due> pending = new java.util.PriorityQueue<>(Comparator.comparing(Due::at));
    private State state;
    private int nextRound;
    private final java.util.PriorityQueue<Unplaced> unplaced = new java.util.PriorityQueue<>(Comparator.comparing(Unplaced::placed));
    private final java.util.Set<String> usedNumbers = new java.util.HashSet<>();
    private final io.otodoke.tracking.SellerOrders sellerOrders;
    private final io.otodoke.account.Tenants tenants;

    DemoSimulator(DemoProperties properties, ShipmentRegistry registry, TrackingIngest ingest, JdbcClient jdbc, Clock clock,
                  DemoUsers demoUsers, Poller poller, FleetSimulator fleet, io.otodoke.tracking.SellerOrders sellerOrders,
                  io.otodoke.account.Tenants tenants) {
        this.sellerOrders = sellerOrders;
        this.tenants = tenants;
        this.demoUsers = demoUsers;
        this.fleet = fleet;
        this.poller = poller;
        this.properties = properties;
        this.registry = registry;
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An event of the world with the real moment it is played: either a scan that a simulated
     * carrier's page will show ({@code scan}, for Yamato, Japan Post and Sagawa, whose pages the
     * pollers read), or an event ingested directly ({@code event}, for Amazon, which has no page).
     */
    record Due(Instant at, long shipmentId, IncomingEvent event, String carrier, String trackingNumber,
               SimulatedParcel.Scan scan) {
    }

    record State(long seed, int orders, Instant origin, Instant startedAt, int speed) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        demoUsers.create(DemoWorld.SHOP_NAME, SELLER_NAME);
        DemoSellerOrders.create(tenants, sellerOrders, clock); // the seller page's orders to ship, one late
        poller.simulate(SIMULATED_CARRIERS.stream().collect(java.util.stream.Collectors.toMap(c -> c, carriers::baseUrl)),
                properties.speed());
        state = state();
        List<DemoOrder> world = DemoWorld.generate(state.seed(), state.orders());
        pending.addAll(plan(world, state.origin(), state));
        nextRound = 1;
        playDue();
        log.info("Demo shop '{}': {} orders; simulated time runs {}× faster", DemoWorld.SHOP_NAME, world.size(), state.speed());
        long tick = properties.tick().toMillis();
        timer.scheduleWithFixedDelay(this::playDueSafely, tick, tick, TimeUnit.MILLISECONDS);
        fleet.start(state.seed(), state.startedAt());
    }

    private State state() {
        var stored = jdbc.sql("select seed, orders, origin, started_at, speed from demo_state where id = 1")
                .query((rs, i) -> new State(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5))).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        Instant now = clock.instant();
        State state = new State(properties.seed(), properties.orders(),
                DemoWorld.originOn(LocalDate.ofInstant(now, EventTime.TOKYO)), now, properties.speed());
        jdbc.sql("insert into demo_state (id, seed, orders, origin, started_at, speed) values (1, ?, ?, ?, ?, ?)")
                .params(state.seed(), state.orders(), utc(state.origin()), utc(state.startedAt()), state.speed()).update();
        return state;
    }

    /**
     * Registers the orders' shipments (idempotent) and lists all their events in playing order.
     * A tracking number already used by an earlier round is skipped.
     */
    private List<Due> plan(List<DemoOrder> world, Instant origin, State state) {
        List<ShipmentRegistration> registrations = new ArrayList<>();
        List<DemoShipment> shipments = new ArrayList<>();
        List<Instant> orderedAt = new ArrayList<>();
        for (int o = 0; o < world.size(); o++) {
            DemoOrder order = world.get(o);
            Instant placed = origin.minus(order.orderedBefore());
            Instant placedReal = realTime(placed, state);
            boolean demoShopper = o % 25 == 0;
            OrderDetails details = new OrderDetails(order.orderNumber(),
                    demoShopper ? DEMO_SHOPPER : order.customerEmail(), demoShopper ? DEMO_SHOPPER_NAME : order.customerName(),
                    placedReal, order.items().stream().map(i -> new OrderItem(i.name(), i.quantity(), i.unitPriceYen())).toList(),
                    order.totalYen(), order.gift(), order.gift() ? (demoShopper ? DEMO_SHOPPER_NAME : order.customerName()) : null,
                    order.gift() ? "いつもありがとう。" : null, o % 4 == 2 ? DemoUsers.SELLER_CODE : null, false, false);
            for (DemoShipment s : order.shipments()) {
                if (!usedNumbers.add(s.carrier() + ":" + s.trackingNumber())) {
                    continue;
                }
                DemoRecipient r = s.recipient();
                registrations.add(new ShipmentRegistration(s.carrier(), s.trackingNumber(), ShipmentLeg.OUTBOUND, details,
                        new Recipient(r.name(), r.postalCode(), r.prefecture(), r.city(), r.addressLine(), r.phone()),
                        false, placedReal));
                shipments.add(s);
                orderedAt.add(placed);
            }
        }
        var outcomes = registry.register(Tenant.DEFAULT_ID, registrations);
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            var outcome = outcomes.get(i);
            if (outcome.error() != null) {
                log.warn("Demo shipment {} skipped: {}", shipments.get(i).trackingNumber(), outcome.error().detail());
                continue;
            }
            DemoShipment s = shipments.get(i);
            for (int seq = 0; seq < s.script().size(); seq++) {
                ScriptedEvent e = s.script().get(seq);
                Instant simulated = orderedAt.get(i).plus(e.at());
                Instant real = realTime(simulated, state);
                EventTime time = e.precision() == TimePrecision.DAY
                        ? EventTime.day(LocalDate.ofInstant(real, EventTime.TOKYO), EventTime.TOKYO)
                        : EventTime.of(real, EventTime.TOKYO);
                if (SIMULATED_CARRIERS.contains(s.carrier())) {
                    due.add(new Due(real, outcome.shipmentId(), null, s.carrier(), TrackingNumbers.normalize(s.trackingNumber()),
                            new SimulatedParcel.Scan(e.rawText(), time.local(), e.precision() == TimePrecision.DAY,
                                    e.location().name())));
                    continue;
                }
                TrackingEvent event = new TrackingEvent("demo", e.rawCode(), e.rawText(), e.status(), e.reason(), time,
                        e.location(), seq, real);
                due.add(new Due(real, outcome.shipmentId(), new IncomingEvent(outcome.shipmentId(), null, null, null, event),
                        null, null, null));
            }
        }
        due.sort(Comparator.comparing(Due::at));
        return due;
    }

    /**
     * The shop keeps taking orders: round k is the day before {@code origin + k days}, with the
     * orders of a world generated from {@code seed + k} that were placed in that day, numbered
     * {@code OTD-k-…}. A round is planned when the simulated clock reaches its day; a tracking
     * number that an earlier round already used is skipped (registration is idempotent).
     */
    static List<DemoOrder> round(State state, int k) {
        Duration day = Duration.ofDays(1);
        return DemoWorld.generate(state.seed() + k, state.orders()).stream()
                .filter(o -> o.orderedBefore().compareTo(day) < 0)
                .map(o -> new DemoOrder("OTD-" + k + "-" + o.orderNumber().substring(4), o.customerEmail(), o.customerName(),
                        o.orderedBefore(), o.items(), o.totalYen(), o.gift(), o.shipments()))
                .toList();
    }

    /** The simulated clock: real time until the start, then {@code speed} times faster. */
    static Instant simulatedNow(Instant now, State state) {
        if (!now.isAfter(state.startedAt())) {
            return now;
        }
        return state.startedAt().plus(Duration.between(state.startedAt(), now).multipliedBy(state.speed()));
    }

    /**
     * Takes each round's orders when the simulated clock reaches their day, and registers each order
     * only once it has been placed, so that no shipment is registered with a time still to come.
     */
    private void planRoundsUpTo(Instant now) {
        Instant simulated = simulatedNow(now, state);
        while (nextRound <= MAX_ROUNDS && !state.origin().plus(Duration.ofDays(nextRound - 1)).isAfter(simulated)) {
            Instant origin = state.origin().plus(Duration.ofDays(nextRound));
            round(state, nextRound).forEach(o -> unplaced.add(new Unplaced(origin.minus(o.orderedBefore()), origin, o)));
            nextRound++;
        }
        List<Unplaced> placed = new ArrayList<>();
        while (!unplaced.isEmpty() && !unplaced.peek().placed().isAfter(simulated)) {
            placed.add(unplaced.poll());
        }
        placed.stream().collect(java.util.stream.Collectors.groupingBy(Unplaced::origin, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.mapping(Unplaced::order, java.util.stream.Collectors.toList())))
                .forEach((origin, orders) -> pending.addAll(plan(orders, origin, state)));
    }

    /** An order of a later round, waiting for its simulated placing time. */
    private record Unplaced(Instant placed, Instant origin, DemoOrder order) {
    }

    /** Before the demo started: as simulated. After: compressed by the speed, so never in the future. */
    static Instant realTime(Instant simulated, State state) {
        if (!simulated.isAfter(state.startedAt())) {
            return simulated;
        }
        Duration ahead = Duration.between(state.startedAt(), simulated);
        return state.startedAt().plus(ahead.dividedBy(state.speed()));
    }

    private void playDueSafely() {
        try {
            playDue();
        } catch (RuntimeException e) {
            log.warn("Demo tick failed; retrying at the next tick: {}", e.getMessage());
        }
    }

    /** Plays the events that are due, a batch at a time; a failed batch is played again at the next tick. */
    private synchronized void playDue() {
        Instant now = clock.instant();
        planRoundsUpTo(now);
        while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
            List<Due> batch = new ArrayList<>();
            while (!pending.isEmpty() && batch.size() < BATCH && !pending.peek().at().isAfter(now)) {
                batch.add(pending.poll());
            }
            batch.stream().filter(d -> d.scan() != null)
                    .forEach(d -> carriers.append(d.carrier(), d.trackingNumber(), d.scan()));
            List<IncomingEvent> direct = batch.stream().filter(d -> d.event() != null).map(Due::event).toList();
            try {
                if (!direct.isEmpty()) {
                    ingest.ingest(Tenant.DEFAULT_ID, direct);
                }
            } catch (RuntimeException e) {
                pending.addAll(batch.stream().filter(d -> d.event() != null).toList());
                throw e;
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        carriers.close();
    }
}
