package io.otodoke.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import io.otodoke.connector.poll.Poller;
import io.otodoke.tracking.ShipmentRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Demo mode as `./otodoke demo` runs it: the simulated shop is stored and played through the real ingest. */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class DemoSimulatorTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    Poller poller;

    @Test
    void theWorldIsStoredAndItsPastIsPlayedAtStart() {
        // Yamato, Japan Post and Sagawa scans reach Otodoke the real way: the simulated carriers'
        // pages, polled and parsed (polling is manual in tests).
        poller.pollDue();
        Integer demoShipments = jdbc.queryForObject("""
                select count(*) from shipments s join orders o on o.id = s.order_id where o.order_number ~ '^OTD-[0-9]+$'""",
                Integer.class);
        assertThat(demoShipments).isEqualTo(DemoWorld.generate(20260801L, 200).stream().mapToInt(o -> o.shipments().size()).sum());
        var statuses = jdbc.queryForList("""
                select distinct s.status from shipments s join orders o on o.id = s.order_id where o.order_number ~ '^OTD-[0-9]+$'""",
                String.class);
        assertThat(statuses).contains("DELIVERED", "LABEL_CREATED", "EXCEPTION");
        assertThat(jdbc.queryForObject("""
                select count(*) from shipments s join orders o on o.id = s.order_id
                where o.order_number ~ '^OTD-[0-9]+$' and s.status = 'EXCEPTION'""", Integer.class)).isEqualTo(1);
        // Amazon's events are played directly (source "demo"); the others come through their pages' parsers.
        // None lies in the future.
        assertThat(jdbc.queryForList("select distinct source from tracking_events e join shipments s on s.id = e.shipment_id"
                + " join orders o on o.id = s.order_id where o.order_number ~ '^OTD-[0-9]+$'", String.class))
                .containsExactlyInAnyOrder("demo", "yamato", "japanpost", "sagawa");
        assertThat(jdbc.queryForObject("select count(*) from tracking_events where occurred_at > now() + interval '1 minute'",
                Integer.class)).isZero();
        Caller hanako = new Caller(Role.SHOPPER, Tenant.DEFAULT_ID, null, 1L, DemoSimulator.DEMO_SHOPPER, "user:1");
        assertThat(registry.orders(hanako).stream()
                .filter(o -> o.orderNumber().matches("OTD-[0-9]+"))).as("every 25th order").hasSize(8);
        // The demo marketplace's seller sells every 4th order.
        assertThat(jdbc.queryForObject("select count(*) from orders where order_number ~ '^OTD-[0-9]+$' and seller_id is not null",
                Integer.class)).isEqualTo(50);
    }

    @Test
    void laterSimulatedTimeIsCompressedByTheSpeedSoNothingIsInTheFuture() {
        Instant start = Instant.parse("2026-11-29T03:00:00Z");
        var state = new DemoSimulator.State(1, 200, Instant.parse("2026-11-28T15:00:00Z"), start, 60);
        assertThat(DemoSimulator.realTime(start.minus(Duration.ofHours(5)), state)).isEqualTo(start.minus(Duration.ofHours(5)));
        assertThat(DemoSimulator.realTime(start.plus(Duration.ofHours(6)), state)).isEqualTo(start.plus(Duration.ofMinutes(6)));
    }

    @Test
    void theShopKeepsTakingOrdersOneSimulatedDayAtATime() {
        var state = new DemoSimulator.State(20260801L, 200, Instant.parse("2026-11-28T15:00:00Z"),
                Instant.parse("2026-11-29T03:00:00Z"), 60);
        var day3 = DemoSimulator.round(state, 3);
        assertThat(day3).isNotEmpty().allSatisfy(o -> {
            assertThat(o.orderNumber()).startsWith("OTD-3-");
            assertThat(o.orderedBefore()).isLessThan(Duration.ofDays(1));
        });
        assertThat(DemoSimulator.round(state, 3)).isEqualTo(day3);
        assertThat(DemoSimulator.simulatedNow(state.startedAt().plus(Duration.ofMinutes(30)), state))
                .isEqualTo(state.startedAt().plus(Duration.ofHours(30)));
        // Later rounds' orders are registered once placed: nothing is registered with a time still to come.
        assertThat(jdbc.queryForObject("select count(*) from orders where ordered_at > now() + interval '1 minute'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from shipments where created_at > now() + interval '1 minute'",
                Integer.class)).isZero();
    }
}
