package io.otodoke.connector.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import io.otodoke.connector.simulator.CarrierSimulator;
import io.otodoke.connector.simulator.SimulatedParcel;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingStatus;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API sources polled against the local simulator, never the internet. Configured here: 17TRACK
 * for FedEx and DHL Express, AfterShip for every other carrier, Amazon MCF with its Login with
 * Amazon credentials — and DHL's own API pointed at the simulator but without a key, so it must
 * not be used: DHL Express parcels go to 17TRACK instead.
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.connector.sources.seventeentrack.api-key=test-17token",
        "otodoke.connector.sources.seventeentrack.carriers=fedex,dhl_express",
        "otodoke.connector.sources.aftership.api-key=test-aftership-key",
        "otodoke.connector.sources.aftership.requests-per-second=50",
        "otodoke.connector.sources.amazon_mcf.client-id=test-client",
        "otodoke.connector.sources.amazon_mcf.client-secret=test-secret",
        "otodoke.connector.sources.amazon_mcf.refresh-token=test-refresh",
        "otodoke.connector.sources.amazon_mcf.carriers=amazon_jp",
        "otodoke.connector.sources.amazon_mcf.requests-per-second=50"})
class ApiPollerTest {

    static final CarrierSimulator SIMULATOR = CarrierSimulator.start(0);

    @DynamicPropertySource
    static void pointTheApisAtTheSimulator(DynamicPropertyRegistry registry) {
        for (String source : List.of("seventeentrack", "aftership", "dhl", "amazon_mcf")) {
            registry.add("otodoke.connector.sources." + source + ".base-url", () -> SIMULATOR.baseUrl(source));
        }
        registry.add("otodoke.connector.sources.amazon_mcf.token-url", () -> SIMULATOR.baseUrl("lwa") + "/auth/o2/token");
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Autowired
    Poller poller;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    static final LocalDateTime START = LocalDateTime.now().minusDays(1).withSecond(0).withNano(0);

    long register(String carrier, String number) {
        return registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration(carrier, number, ShipmentLeg.OUTBOUND,
                null, null, false, null))).getFirst().shipmentId();
    }

    static SimulatedParcel.Scan scan(String words, int hours, String code) {
        return new SimulatedParcel.Scan(words, START.plusHours(hours), false, "TOKYO", code);
    }

    @Test
    void eachCarrierGoesToItsOwnPageThenItsOwnApiThenTheFirstAggregatorListingIt() {
        assertThat(poller.sourcesByCarrier())
                .containsEntry("yamato", "yamato").containsEntry("japanpost", "japanpost").containsEntry("sagawa", "sagawa")
                .containsEntry("fedex", "seventeentrack").containsEntry("dhl_express", "seventeentrack")
                .containsEntry("ups", "aftership").containsEntry("dhl_ecommerce", "aftership")
                .containsEntry("amazon_jp", "amazon_mcf")
                .doesNotContainValue("dhl");
    }

    @Test
    void seventeenTrackRegistersANumberOnceAndItsEventsReachTheTimeline() {
        String fedex = "771234567890";
        String dhl = "1234567890";
        long fedexId = register("fedex", fedex);
        long dhlId = register("dhl_express", dhl);
        SIMULATOR.put(new SimulatedParcel("fedex", fedex, List.of(
                scan("Picked up", 0, "InTransit_PickedUp"), scan("On FedEx vehicle for delivery", 20, "OutForDelivery_Other"))));
        SIMULATOR.put(new SimulatedParcel("dhl_express", dhl, List.of(scan("Shipment picked up", 0, "InTransit_PickedUp"))));

        int before = SIMULATOR.requests("seventeentrack");
        poller.pollDue();
        assertThat(SIMULATOR.requests("seventeentrack") - before).as("one register and one gettrackinfo for both carriers")
                .isEqualTo(2);

        var shipment = registry.shipment(Tenant.DEFAULT_ID, fedexId).orElseThrow();
        assertThat(shipment.timeline()).extracting(e -> e.rawText()).containsExactly("Picked up", "On FedEx vehicle for delivery");
        assertThat(shipment.status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(registry.shipment(Tenant.DEFAULT_ID, dhlId).orElseThrow().status()).isEqualTo(TrackingStatus.PICKED_UP);
        assertThat(SIMULATOR.requests("dhl")).as("DHL's API has no key: it is never asked").isZero();
        int asked = SIMULATOR.requests("seventeentrack");

        jdbc.update("update poll_state set next_poll_at = now() - interval '1 second'");
        poller.pollDue();
        assertThat(SIMULATOR.requests("seventeentrack")).as("registered once: the second round only asks").isEqualTo(asked + 1);
    }

    @Test
    void afterShipTrackingsReachTheTimeline() {
        String ups = "1Z999AA10123456784";
        long id = register("ups", ups);
        SIMULATOR.put(new SimulatedParcel("ups", ups, List.of(
                scan("Origin Scan", 0, "InTransit_002"), scan("DELIVERED", 30, "Delivered_001"))));

        poller.pollDue();

        var shipment = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
        assertThat(shipment.timeline()).extracting(e -> e.rawText()).containsExactly("Origin Scan", "DELIVERED");
        assertThat(shipment.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(SIMULATOR.requests("aftership")).isPositive();
    }

    @Test
    void amazonLogsInOnceAndReusesItsAccessToken() {
        long first = register("amazon_jp", "TBA000000000101");
        long second = register("amazon_jp", "TBA000000000102");
        SIMULATOR.put(new SimulatedParcel("amazon_jp", "TBA000000000101", List.of(
                scan("Shipment picked up from seller's facility.", 0, "EVENT_102"), scan("Out for delivery.", 20, "EVENT_302"))));
        SIMULATOR.put(new SimulatedParcel("amazon_jp", "TBA000000000102", List.of(
                scan("Shipment picked up from seller's facility.", 0, "EVENT_102"))));

        poller.pollDue();
        jdbc.update("update poll_state set next_poll_at = now() - interval '1 second'");
        poller.pollDue();

        assertThat(registry.shipment(Tenant.DEFAULT_ID, first).orElseThrow().status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(registry.shipment(Tenant.DEFAULT_ID, second).orElseThrow().status()).isEqualTo(TrackingStatus.PICKED_UP);
        assertThat(SIMULATOR.requests("amazon_mcf")).isGreaterThanOrEqualTo(4);
        assertThat(SIMULATOR.requests("lwa")).as("one token for every call until it expires").isEqualTo(1);
    }
}
