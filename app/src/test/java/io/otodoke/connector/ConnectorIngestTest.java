package io.otodoke.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.DeliveryEstimateMoved;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A source's events reach every shipment with the number, in any tenant, of the carrier it names. */
@OtodokeTest
@org.springframework.test.context.event.RecordApplicationEvents
class ConnectorIngestTest {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents published;

    @Autowired
    ConnectorIngest connector;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    JdbcClient jdbc;

    static final Instant RECEIVED = Instant.parse("2026-11-21T00:00:00Z");

    static TrackingEvent event(String source, String text, String at) {
        return new TrackingEvent(source, null, text, TrackingStatus.IN_TRANSIT, null,
                EventTime.of(OffsetDateTime.parse(at)), null, 0, RECEIVED);
    }

    long tenant() {
        return jdbc.sql("insert into tenants (code, name) values (?, 'Another shop') returning id")
                .param("shop-" + ThreadLocalRandom.current().nextLong(1L << 40)).query(Long.class).single();
    }

    long register(long tenant, String carrier, String number) {
        return registry.register(tenant, List.of(new ShipmentRegistration(carrier, number, null, null, null, false,
                Instant.parse("2026-11-20T00:00:00Z")))).getFirst().shipmentId();
    }

    int events(long tenant, long shipment) {
        return registry.shipment(tenant, shipment).orElseThrow().timeline().size();
    }

    static String number() {
        return "CI" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    @Test
    void anAggregatorsEventsReachTheNumberInEveryTenant() {
        String number = number();
        long other = tenant();
        long mine = register(1, "fedex", number);
        long theirs = register(other, "fedex", number);
        long otherCarrier = register(1, "ups", number);

        var result = connector.ingest("aftership", List.of(
                new ParsedShipment(number.toLowerCase(), "FedEx", false,
                        List.of(event("aftership", "Departure Scan", "2026-11-20T10:00:00+09:00"))),
                new ParsedShipment(number(), "fedex", false,
                        List.of(event("aftership", "Arrival Scan", "2026-11-20T11:00:00+09:00"),
                                event("aftership", "Departure Scan", "2026-11-20T12:00:00+09:00")))));

        assertThat(result.shipments()).isEqualTo(2);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.untrackedNumbers()).isEqualTo(1);
        assertThat(result.dropped()).isEqualTo(2);
        assertThat(events(1, mine)).isEqualTo(1);
        assertThat(events(other, theirs)).isEqualTo(1);
        assertThat(events(1, otherCarrier)).as("the aggregator named another carrier").isZero();

        var again = connector.ingest("aftership", List.of(new ParsedShipment(number, "fedex", false,
                List.of(event("aftership", "Departure Scan", "2026-11-20T10:00:00+09:00")))));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void aForecastIsStoredAndMovingItToAnotherDayIsAnEventButNotOnceDelivered() {
        String number = number();
        long id = register(1, "sagawa", number);
        var first = new DeliveryEstimate(java.time.LocalDate.of(2026, 11, 22), "18～21時");
        connector.ingest("sagawa", List.of(new ParsedShipment(number, null, false,
                List.of(event("sagawa", "輸送中", "2026-11-20T10:00:00+09:00")), first)));
        assertThat(registry.shipment(1, id).orElseThrow().estimate()).isEqualTo(first);
        assertThat(moved(id)).as("a first forecast moves nothing").isEmpty();

        var later = new DeliveryEstimate(java.time.LocalDate.of(2026, 11, 24), null);
        connector.ingest("sagawa", List.of(new ParsedShipment(number, null, false,
                List.of(event("sagawa", "輸送中", "2026-11-20T10:00:00+09:00")), later)));
        connector.ingest("sagawa", List.of(new ParsedShipment(number, null, false, List.of(), later)));
        assertThat(moved(id)).singleElement().satisfies(e -> {
            assertThat(e.previous()).isEqualTo(first.date());
            assertThat(e.current()).isEqualTo(later);
            assertThat(e.tenantId()).isEqualTo(1);
        });

        TrackingEvent delivered = new TrackingEvent("sagawa", null, "配達完了", TrackingStatus.DELIVERED, null,
                EventTime.of(OffsetDateTime.parse("2026-11-23T15:00:00+09:00")), null, 1, RECEIVED);
        connector.ingest("sagawa", List.of(new ParsedShipment(number, null, false, List.of(delivered),
                new DeliveryEstimate(java.time.LocalDate.of(2026, 11, 26), null))));
        assertThat(registry.shipment(1, id).orElseThrow().estimate()).as("delivered: the forecast stays").isEqualTo(later);
        assertThat(moved(id)).hasSize(1);
    }

    private List<DeliveryEstimateMoved> moved(long shipmentId) {
        return published.stream(DeliveryEstimateMoved.class).filter(e -> e.shipmentId() == shipmentId).toList();
    }

    @Test
    void aCarrierNameWeCannotMapMatchesTheNumberAlone() {
        String number = number();
        long yamato = register(1, "yamato", number);
        long sagawa = register(1, "sagawa", number);

        var result = connector.ingest("seventeentrack", List.of(new ParsedShipment(number, "190271", false,
                List.of(event("seventeentrack", "In transit", "2026-11-20T10:00:00+09:00")))));

        assertThat(result.shipments()).isEqualTo(2);
        assertThat(events(1, yamato)).isEqualTo(1);
        assertThat(events(1, sagawa)).isEqualTo(1);
    }

    @Test
    void aCarriersOwnPageSpeaksForThatCarrierOnly() {
        String number = number();
        long yamato = register(1, "yamato", number);
        long sagawa = register(1, "sagawa", number);

        var result = connector.ingest("sagawa", List.of(new ParsedShipment(number, null, false,
                List.of(event("sagawa", "輸送中", "2026-11-20T10:00:00+09:00")))));

        assertThat(result.shipments()).isEqualTo(1);
        assertThat(events(1, sagawa)).isEqualTo(1);
        assertThat(events(1, yamato)).isZero();
        assertThat(result.summary()).startsWith("1 event(s) stored, 0 duplicate(s), 0 rejected, into 1 shipment(s)");
    }

    @Test
    void eventsTrackingRefusesAreCountedWithTheirReason() {
        String number = number();
        register(1, "yamato", number);
        var result = connector.ingest("generic", List.of(new ParsedShipment(number, "yamato", false,
                List.of(event("generic", "from the future", "2099-01-01T00:00:00+09:00")))));
        assertThat(result.accepted()).isZero();
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.errors()).singleElement().asString().startsWith("future-timestamp");
    }
}
