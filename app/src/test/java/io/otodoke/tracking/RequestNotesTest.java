package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Otodoke's own notes in a timeline (a change request and its outcome, {@link TrackingEvent#isNote()}):
 * shown, but never moving the status, never merged with a scan and never counted as news of the parcel.
 */
@OtodokeTest
class RequestNotesTest {

    @Autowired
    TrackingIngest ingest;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    TrackingLookup lookup;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static TrackingEvent scan(TrackingStatus status, String text, LocalDateTime at) {
        return new TrackingEvent("yamato", null, text, status, null, EventTime.local(at, EventTime.TOKYO),
                EventLocation.NONE, 0, Instant.parse("2026-11-20T00:00:00Z"));
    }

    /** A note written while the shipment was attempted: it carries that status, as a request acknowledgement does. */
    static TrackingEvent note(TrackingStatus statusThen, LocalDateTime at) {
        return new TrackingEvent("otodoke.delivery", "REQUESTED", "再配達のご依頼：12月1日 19時〜21時", statusThen,
                StatusReason.RESCHEDULED, EventTime.local(at, EventTime.TOKYO), EventLocation.NONE, 0,
                Instant.parse("2026-11-20T03:00:00Z"));
    }

    @Test
    void aNoteNeverMovesTheStatusEvenWhenAScanArrivesLaterWithAnEarlierTime() {
        List<TrackingEvent> events = new ArrayList<>(List.of(
                scan(TrackingStatus.DELIVERY_ATTEMPTED, "持戻（ご不在）", LocalDateTime.of(2026, 11, 20, 10, 0)),
                note(TrackingStatus.DELIVERY_ATTEMPTED, LocalDateTime.of(2026, 11, 20, 12, 0))));
        // The carrier's 保管中 stamped 11:00 is read only now: it sorts before the note.
        events.add(scan(TrackingStatus.HELD_FOR_PICKUP, "保管中（ご指定店）", LocalDateTime.of(2026, 11, 20, 11, 0)));
        assertThat(StatusDerivation.derive(events, Instant.parse("2026-11-19T00:00:00Z")))
                .isEqualTo(TrackingStatus.HELD_FOR_PICKUP);
        // A note with a status the parcel never had moves nothing either.
        assertThat(StatusDerivation.derive(List.of(note(TrackingStatus.DELIVERED, LocalDateTime.of(2026, 11, 20, 12, 0))),
                Instant.parse("2026-11-19T00:00:00Z"))).isEqualTo(TrackingStatus.LABEL_CREATED);
    }

    @Test
    void aNoteIsItsOwnLineEvenBesideAScanOfTheSameStatusAndMinute() {
        LocalDateTime at = LocalDateTime.of(2026, 11, 20, 10, 0);
        List<TimelineEntry> timeline = Timeline.of(List.of(scan(TrackingStatus.DELIVERY_ATTEMPTED, "持戻（ご不在）", at),
                note(TrackingStatus.DELIVERY_ATTEMPTED, at.plusMinutes(1))));
        assertThat(timeline).extracting(TimelineEntry::rawText)
                .containsExactly("持戻（ご不在）", "再配達のご依頼：12月1日 19時〜21時");
        assertThat(timeline.get(1).sources()).containsExactly("otodoke.delivery");
    }

    @Test
    void ingestingANoteKeepsStatusLastEventAndLastScanAsTheScansLeftThem() {
        long id = registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration("yamato", "555000000101",
                ShipmentLeg.OUTBOUND, null, null, false, Instant.parse("2026-11-19T00:00:00Z")))).getFirst().shipmentId();
        assertThat(ingest.ingest(Tenant.DEFAULT_ID, List.of(new IncomingEvent(id, null, null, null,
                scan(TrackingStatus.DELIVERY_ATTEMPTED, "持戻（ご不在）", LocalDateTime.of(2026, 11, 20, 10, 0)))))
                .accepted()).isEqualTo(1);
        OffsetDateTime lastEvent = jdbc.queryForObject("select last_event_at from shipments where id = ?",
                OffsetDateTime.class, id);

        assertThat(ingest.ingest(Tenant.DEFAULT_ID, List.of(new IncomingEvent(id, null, null, "delivery-change:1:requested",
                note(TrackingStatus.DELIVERY_ATTEMPTED, LocalDateTime.of(2026, 11, 20, 12, 0))))).accepted()).isEqualTo(1);

        ShipmentView view = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
        assertThat(view.status()).isEqualTo(TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(view.timeline()).hasSize(2);
        assertThat(jdbc.queryForObject("select last_event_at from shipments where id = ?", OffsetDateTime.class, id))
                .as("staleness counts from the carrier's last word, not from the request").isEqualTo(lastEvent);
        assertThat(jdbc.queryForObject("select last_carrier_scan_at from shipments where id = ?", OffsetDateTime.class, id))
                .isEqualTo(lastEvent);

        // The public lookup (anyone with the number) does not show what was asked.
        assertThat(lookup.lookup(List.of("555000000101")).getFirst().shipments().getFirst().timeline())
                .extracting(TimelineEntry::rawText).containsExactly("持戻（ご不在）");

        // A later scan goes on from there as usual.
        ingest.ingest(Tenant.DEFAULT_ID, List.of(new IncomingEvent(id, null, null, null,
                scan(TrackingStatus.OUT_FOR_DELIVERY, "配達中", LocalDateTime.of(2026, 11, 20, 18, 30)))));
        assertThat(registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow().status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
    }
}
