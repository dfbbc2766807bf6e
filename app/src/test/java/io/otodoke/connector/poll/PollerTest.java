package io.otodoke.connector.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import io.otodoke.connector.CarrierHealth;
import io.otodoke.connector.simulator.CarrierSimulator;
import io.otodoke.connector.simulator.SimulatedParcel;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The poll → parse → ingest path against the local carrier simulator, never the internet: a
 * Yamato page's scans reach the timeline; when the simulated carrier fails, the circuit opens and
 * the shopper's page says the carrier's tracking is unavailable; when it recovers, the circuit
 * closes and the scans flow again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.connector.circuit-minimum-calls=2",
        "otodoke.connector.circuit-open-for=2s",
        "otodoke.connector.sources.yamato.requests-per-second=50"})
class PollerTest {

    static final CarrierSimulator SIMULATOR = CarrierSimulator.start(0);

    @DynamicPropertySource
    static void pointYamatoAtTheSimulator(DynamicPropertyRegistry registry) {
        registry.add("otodoke.connector.sources.yamato.base-url", () -> SIMULATOR.baseUrl("yamato"));
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Poller poller;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    CarrierHealth health;
    @Autowired
    JdbcTemplate jdbc;

    long register(String number) {
        return registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration("yamato", number, ShipmentLeg.OUTBOUND,
                null, null, false, null))).getFirst().shipmentId();
    }

    void dueNow() {
        jdbc.update("update poll_state set next_poll_at = now() - interval '1 second'");
    }

    String trackingPage(String number) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/track?lang=ja&numbers=" + number)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void scansFlowTheCircuitOpensDuringAnOutageAndClosesAfter() throws Exception {
        String number = "491234567890";
        long id = register(number);
        LocalDateTime start = LocalDateTime.now().minusDays(1).withSecond(0).withNano(0);
        List<SimulatedParcel.Scan> scans = new ArrayList<>(List.of(
                new SimulatedParcel.Scan("荷物受付", start, false, "東京中央支店"),
                new SimulatedParcel.Scan("発送済み", start.plusMinutes(30), false, "東京中央支店")));
        SIMULATOR.put(new SimulatedParcel("yamato", number, scans));

        assertThat(poller.pollDue()).isEqualTo(1);
        var shipment = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
        assertThat(shipment.timeline()).extracting(e -> e.rawText()).containsExactly("荷物受付", "発送済み");
        assertThat(shipment.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(health.of("yamato").circuit()).isEqualTo("CLOSED");
        assertThat(poller.pollDue()).as("not due again yet").isZero();

        SIMULATOR.failing(true);
        // Most of the recent calls must fail: 2 after a clean start, more after the other test's successes.
        for (int i = 0; i < 10 && !health.of("yamato").circuit().equals("OPEN"); i++) {
            dueNow();
            poller.pollDue();
        }
        assertThat(health.of("yamato").circuit()).isEqualTo("OPEN");
        assertThat(health.of("yamato").lastError()).contains("503");
        assertThat(health.trackingUnavailable("yamato")).isTrue();
        int requestsWhileOpen = SIMULATOR.requests();
        dueNow();
        assertThat(poller.pollDue()).as("an open circuit lets no call through").isZero();
        assertThat(SIMULATOR.requests()).isEqualTo(requestsWhileOpen);
        assertThat(trackingPage(number)).contains("ヤマト運輸（クロネコヤマト）の追跡サービスに一時的につながりません",
                "お荷物が止まっているわけではありません");

        SIMULATOR.failing(false);
        scans.add(new SimulatedParcel.Scan("配達店到着", start.plusHours(10), false, "大阪北支店"));
        SIMULATOR.put(new SimulatedParcel("yamato", number, scans));
        Thread.sleep(2_100); // otodoke.connector.circuit-open-for
        dueNow();
        assertThat(poller.pollDue()).isEqualTo(1);
        assertThat(health.of("yamato").circuit()).isEqualTo("CLOSED");
        assertThat(registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow().status())
                .isEqualTo(TrackingStatus.ARRIVED_AT_DELIVERY_BASE);
        assertThat(trackingPage(number)).doesNotContain("追跡サービスに一時的につながりません");
    }

    @Test
    void aNumberTheCarrierDoesNotKnowIsNotFoundOnceItsLabelIsNoLongerFresh() {
        long fresh = register("491234567901");
        long old = registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration("yamato", "491234567912",
                ShipmentLeg.OUTBOUND, null, null, false, java.time.Instant.now().minus(java.time.Duration.ofDays(3)))))
                .getFirst().shipmentId();
        jdbc.update("update poll_state set next_poll_at = now() + interval '1 day'"); // only the two new ones are due
        poller.pollDue();
        dueNow();
        poller.pollDue();

        assertThat(registry.shipment(Tenant.DEFAULT_ID, fresh).orElseThrow().status())
                .as("a fresh label stays LABEL_CREATED (48 h grace)").isEqualTo(TrackingStatus.LABEL_CREATED);
        var unknown = registry.shipment(Tenant.DEFAULT_ID, old).orElseThrow();
        assertThat(unknown.status()).isEqualTo(TrackingStatus.NOT_FOUND);
        assertThat(unknown.timeline()).as("asked twice the same day: one line").singleElement()
                .satisfies(e -> assertThat(e.sources()).containsExactly("yamato"));
    }
}
