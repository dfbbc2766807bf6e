package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ingest path on the real database: idempotent, and correct when batches race for one parcel. */
@OtodokeTest
class TrackingIngestTest {

    @Autowired
    TrackingIngest ingest;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    long register(String number) {
        var outcome = registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration("yamato", number,
                ShipmentLeg.OUTBOUND, null, null, false, Instant.parse("2026-11-01T00:00:00Z")))).getFirst();
        return outcome.shipmentId();
    }

    static IncomingEvent event(long shipmentId, String source, TrackingStatus status, String text, LocalDateTime at, int seq) {
        return new IncomingEvent(shipmentId, null, null, null, new TrackingEvent(source, null, text, status, null,
                EventTime.local(at, EventTime.TOKYO), EventLocation.NONE, seq, Instant.now()));
    }

    @Test
    void aBatchThatWaitedForAnotherBatchDerivesFromBothBatchesEvents() throws Exception {
        long id = register("555000000017");
        var arrived = event(id, "yamato", TrackingStatus.ARRIVED_AT_DELIVERY_BASE, "配達店到着", LocalDateTime.of(2026, 11, 2, 12, 0), 1);
        var earlier = event(id, "yamato", TrackingStatus.IN_TRANSIT, "輸送中", LocalDateTime.of(2026, 11, 2, 9, 0), 0);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            // The first batch stays uncommitted, holding the shipment's lock, until released.
            Future<?> first = pool.submit(() -> tx.executeWithoutResult(status -> {
                ingest.ingest(Tenant.DEFAULT_ID, List.of(arrived));
                firstHoldsTheLock.countDown();
                await(release);
            }));
            if (!firstHoldsTheLock.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                first.get(); // the first batch failed: show why
            }
            Future<IngestResult> second = pool.submit(() -> ingest.ingest(Tenant.DEFAULT_ID, List.of(earlier)));
            Thread.sleep(300); // the second batch is now waiting for the lock
            release.countDown();
            first.get();
            assertThat(second.get().accepted()).isEqualTo(1);
        }
        ShipmentView view = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
        assertThat(view.timeline()).hasSize(2);
        assertThat(view.status()).isEqualTo(TrackingStatus.ARRIVED_AT_DELIVERY_BASE);
        assertThat(jdbc.queryForObject("select event_count from shipments where id = ?", Integer.class, id)).isEqualTo(2);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anEventIngestedAgainIsADuplicateAndChangesNothing() {
        long id = register("555000000028");
        var first = List.of(event(id, "yamato", TrackingStatus.PICKED_UP, "荷物受付", LocalDateTime.of(2026, 11, 3, 9, 0), 0),
                event(id, "yamato", TrackingStatus.IN_TRANSIT, "輸送中", LocalDateTime.of(2026, 11, 3, 18, 0), 1));
        assertThat(ingest.ingest(Tenant.DEFAULT_ID, first).accepted()).isEqualTo(2);
        ShipmentView before = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();

        IngestResult again = ingest.ingest(Tenant.DEFAULT_ID, List.of(first.get(1), first.get(0), first.get(1)));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        ShipmentView after = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(after.timeline()).isEqualTo(before.timeline());
    }

    @Test
    void rawTextIsKeptExactlyWhateverCharactersItHas() {
        long id = register("555000000039");
        String raw = "持戻（ご不在）\tタブ\\バックスラッシュ\n改行\r\\N";
        ingest.ingest(Tenant.DEFAULT_ID, List.of(event(id, "yamato", TrackingStatus.DELIVERY_ATTEMPTED, raw,
                LocalDateTime.of(2026, 11, 4, 19, 0), 0)));
        assertThat(registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow().timeline().getFirst().rawText()).isEqualTo(raw);
    }

    /**
     * The stored status does not depend on how events arrive: in any order and batching, with late
     * and date-only scans mixed in, it equals the status derived from all events at once.
     */
    @Test
    void theStoredStatusIsTheDerivationOfAllEventsWhateverTheArrivalOrder() {
        var random = new java.util.Random(20261129);
        TrackingStatus[] statuses = {TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.ARRIVED_AT_DELIVERY_BASE,
                TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERY_ATTEMPTED, TrackingStatus.HELD_FOR_PICKUP,
                TrackingStatus.DELIVERED, TrackingStatus.RETURNING_TO_SENDER, TrackingStatus.EXCEPTION, TrackingStatus.UNKNOWN,
                TrackingStatus.NOT_FOUND, TrackingStatus.LABEL_CREATED};
        for (int parcel = 0; parcel < 40; parcel++) {
            long id = register(String.format("5560%08d", parcel));
            List<IncomingEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TrackingStatus status = statuses[random.nextInt(statuses.length)];
                LocalDateTime at = LocalDateTime.of(2026, 11, 5, 8, 0).plusMinutes(90L * random.nextInt(40));
                EventTime time = random.nextInt(5) == 0 ? EventTime.day(at.toLocalDate(), EventTime.TOKYO)
                        : EventTime.local(at, EventTime.TOKYO);
                StatusReason reason = random.nextInt(4) == 0 ? StatusReason.RESCHEDULED : null;
                events.add(new IncomingEvent(id, null, null, null, new TrackingEvent(random.nextBoolean() ? "yamato" : "aftership",
                        null, status.name(), status, reason, time, EventLocation.NONE, random.nextInt(6),
                        Instant.parse("2026-11-06T00:00:00Z").plusSeconds(random.nextInt(3) * 3600L))));
            }
            List<IncomingEvent> arrival = new java.util.ArrayList<>(events);
            java.util.Collections.shuffle(arrival, random);
            for (int from = 0; from < arrival.size(); ) {
                int to = Math.min(arrival.size(), from + 1 + random.nextInt(3));
                ingest.ingest(Tenant.DEFAULT_ID, arrival.subList(from, to));
                from = to;
            }
            var expected = StatusDerivation.deriveWithReason(events.stream().map(IncomingEvent::event).toList(),
                    Instant.parse("2026-11-01T00:00:00Z"));
            ShipmentView stored = registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
            assertThat(stored.status()).as("parcel %d", parcel).isEqualTo(expected.status());
            assertThat(stored.reason()).as("parcel %d", parcel).isEqualTo(expected.reason());
        }
    }
}
