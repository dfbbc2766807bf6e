package io.otodoke.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.fleet.LiveRoutes;
import io.otodoke.fleet.ShipmentLive;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's own fleet, its day played 600 times faster: five vans report through the real OsmAnd
 * endpoint over HTTP, and the demo shopper sees her van come closer before her parcel is delivered.
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.orders=20",
        "otodoke.demo.fleet-speed=600"})
class DemoFleetTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FleetSimulator fleet;
    @Autowired
    LiveRoutes live;

    @Test
    void fiveVansDeliverAboutAHundredAndFiftyStopsAndTheShopperSeesHerVanComing() throws InterruptedException {
        assertThat(jdbc.queryForObject("select count(*) from routes where code like 'KOTO-%'", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from stops s join routes r on r.id = s.route_id where r.code like 'KOTO-%'",
                Integer.class)).isEqualTo(150);
        long hanako = fleet.shopperShipment();
        assertThat(jdbc.queryForObject("select o.customer_email from shipments s join orders o on o.id = s.order_id where s.id = ?",
                String.class, hanako)).isEqualTo(DemoSimulator.DEMO_SHOPPER);
        assertThat(jdbc.queryForObject("""
                select r.code from stops s join stop_shipments x on x.stop_id = s.id join routes r on r.id = s.route_id
                where x.shipment_id = ?""", String.class, hanako)).isEqualTo("KOTO-1");

        Set<String> statuses = new HashSet<>();
        Integer closest = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String status = status(hanako);
            statuses.add(status);
            if (status.equals("DELIVERED")) {
                break;
            }
            ShipmentLive view = live.view(hanako, false, null);
            if (view.remainingStopCount() != null && view.vehicleLocation() != null) {
                closest = closest == null ? view.remainingStopCount() : Math.min(closest, view.remainingStopCount());
            }
            Thread.sleep(50);
        }
        assertThat(statuses).contains("OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(closest).as("the van shown with あと N 件 before the delivery").isNotNull().isLessThanOrEqualTo(10);
        // The live view follows the commit of the outcome (LiveRoutes reloads the route after it): wait for it.
        Instant settled = Instant.now().plusSeconds(10);
        while (live.view(hanako, false, "/photo").proofOfDelivery() == null && Instant.now().isBefore(settled)) {
            Thread.sleep(20);
        }
        assertThat(live.view(hanako, false, "/photo").proofOfDelivery().photoUrl()).isEqualTo("/photo");

        // Every van reported through the HTTP endpoint, as a phone would.
        assertThat(jdbc.queryForObject("""
                select count(distinct v.device_id) from positions p join vehicles v on v.id = p.vehicle_id
                where v.device_id like 'demo-van-%'""", Integer.class)).isEqualTo(5);
        // Each van finishes its stops in the planned order.
        List<Map<String, Object>> stops = jdbc.queryForList("""
                select s.route_id, s.sequence, s.state, s.completed_at from stops s join routes r on r.id = s.route_id
                where r.code like 'KOTO-%' order by s.route_id, s.sequence""");
        Map<Object, Boolean> openSeen = new java.util.HashMap<>();
        for (Map<String, Object> s : stops) {
            boolean open = s.get("state").equals("PENDING") || s.get("state").equals("ARRIVED");
            if (!open) {
                assertThat(openSeen.getOrDefault(s.get("route_id"), false)).as("a stop done after an open one: " + s)
                        .isFalse();
            }
            openSeen.merge(s.get("route_id"), open, Boolean::logicalOr);
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from stops a join stops b on a.route_id = b.route_id and a.sequence < b.sequence
                where a.completed_at > b.completed_at""", Integer.class)).isZero();

        // Starting again (as after a restart) creates nothing twice.
        assertThat(fleet.create()).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from routes", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from shipments where carrier = 'own_fleet'", Integer.class))
                .isEqualTo(150);
    }

    @Test
    void theDayIsTheSameForTheSameSeedAndItsStopsLieInTokyo() {
        LocalDate date = LocalDate.of(2026, 11, 30);
        var plan = DemoFleet.plan(20260801L, date);
        assertThat(DemoFleet.plan(20260801L, date)).isEqualTo(plan);
        assertThat(plan).hasSize(5).allSatisfy(r -> assertThat(r.stops()).hasSize(30));
        assertThat(plan.stream().flatMap(r -> r.stops().stream()).filter(DemoFleet.PlannedStop::shopper)).hasSize(1);
        int shopperAt = plan.getFirst().stops().indexOf(plan.getFirst().stops().stream()
                .filter(DemoFleet.PlannedStop::shopper).findFirst().orElseThrow()) + 1;
        assertThat(shopperAt).isBetween(8, 16);
        assertThat(plan.stream().flatMap(r -> r.stops().stream())).allSatisfy(s -> {
            assertThat(s.latitude()).isBetween(35.64, 35.72);
            assertThat(s.longitude()).isBetween(139.73, 139.88);
            assertThat(s.address()).startsWith("東京都").contains("例町");
        });
    }

    private String status(long shipment) {
        return jdbc.queryForObject("select status from shipments where id = ?", String.class, shipment);
    }
}
