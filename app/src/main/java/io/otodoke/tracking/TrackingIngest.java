package io.otodoke.tracking;

import io.otodoke.carrier.TrackingNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way events enter Otodoke, whatever their source: an idempotent append to
 * {@code tracking_events}, then the shipment's status derived again from all its events
 * (status-model.md). One batch is one transaction: the caller is acknowledged only after commit.
 */
@Service
public class TrackingIngest {

    /** "never put an event in the future by more than a day" (status-model.md). */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Statuses that say nothing about the parcel being in the carrier's hands. */
    private static final Set<TrackingStatus> NOT_A_SCAN = Set.of(TrackingStatus.PREPARING, TrackingStatus.LABEL_CREATED,
            TrackingStatus.NOT_FOUND, TrackingStatus.UNKNOWN);

    private final ShipmentStore shipments;
    private final EventStore events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TrackingIngest(ShipmentStore shipments, EventStore events, ApplicationEventPublisher publisher, Clock clock) {
        this.shipments = shipments;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public IngestResult ingest(long tenantId, List<IncomingEvent> batch) {
        Instant now = clock.instant();
        List<ItemError> errors = new ArrayList<>();
        Map<String, List<Integer>> byNumber = new LinkedHashMap<>();
        Map<Long, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingEvent in = batch.get(i);
            Instant at = in.event().occurredAt().instant();
            if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new ItemError(i, "future-timestamp", "occurredAt",
                        "occurredAt " + in.event().occurredAt().offsetDateTime() + " is more than a day in the future"));
            } else if (at.isBefore(EARLIEST)) {
                errors.add(new ItemError(i, "timestamp-out-of-range", "occurredAt",
                        "occurredAt " + in.event().occurredAt().offsetDateTime() + " is before 2000-01-01"));
            } else if (in.shipmentId() != null) {
                byId.computeIfAbsent(in.shipmentId(), k -> new ArrayList<>()).add(i);
            } else if (in.carrier() == null || in.carrier().isBlank() || in.trackingNumber() == null
                    || TrackingNumbers.normalize(in.trackingNumber()).isEmpty()) {
                errors.add(new ItemError(i, "missing-shipment", "trackingNumber",
                        "give shipmentId, or carrier and trackingNumber"));
            } else {
                String key = in.carrier() + '\u001f' + TrackingNumbers.normalize(in.trackingNumber());
                byNumber.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }

        String[] carriers = new String[byNumber.size()];
        String[] numbers = new String[byNumber.size()];
        int k = 0;
        for (String key : byNumber.keySet()) {
            int sep = key.indexOf('\u001f');
            carriers[k] = key.substring(0, sep);
            numbers[k++] = key.substring(sep + 1);
        }
        List<ShipmentStore.Locked> locked = byNumber.isEmpty() && byId.isEmpty() ? List.of()
                : shipments.lockWithHistory(tenantId, carriers, numbers, byId.keySet().toArray(Long[]::new));

        // Keys stored already, or seen earlier in this batch, are duplicates: ingesting again changes nothing.
        List<EventStore.Row> fresh = new ArrayList<>();
        List<ShipmentStore.Locked> changed = new ArrayList<>();
        int duplicates = 0;
        for (ShipmentStore.Locked l : locked) {
            ShipmentStore.ShipmentRow s = l.shipment();
            List<Integer> items = byId.remove(s.id());
            List<Integer> byItsNumber = byNumber.remove(s.carrier() + '\u001f' + s.trackingNumber());
            if (items == null) {
                items = byItsNumber;
            } else if (byItsNumber != null) {
                items.addAll(byItsNumber);
            }
            if (items == null) {
                continue;
            }
            int before = fresh.size();
            for (int i : items) {
                IncomingEvent in = batch.get(i);
                UUID key = EventKey.of(in.sourceEventId(), in.event());
                if (l.keys().add(key)) {
                    fresh.add(new EventStore.Row(s.id(), key, in.sourceEventId(), in.event()));
                    l.events().add(in.event());
                } else {
                    duplicates++;
                }
            }
            if (fresh.size() > before) {
                changed.add(l);
            }
        }
        byNumber.values().forEach(items -> items.forEach(i -> errors.add(new ItemError(i, "unknown-shipment",
                "trackingNumber", "no shipment " + batch.get(i).carrier() + " " + batch.get(i).trackingNumber()
                        + " is registered; register it with POST /api/v1/shipments first"))));
        byId.values().forEach(items -> items.forEach(i -> errors.add(new ItemError(i, "unknown-shipment",
                "shipmentId", "no shipment with id " + batch.get(i).shipmentId()))));
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));

        if (!fresh.isEmpty()) {
            events.insert(fresh);
            rederive(changed, now);
        }
        return new IngestResult(fresh.size(), duplicates, errors);
    }

    private void rederive(List<ShipmentStore.Locked> changed, Instant now) {
        List<ShipmentStore.Derived> derived = new ArrayList<>(changed.size());
        for (ShipmentStore.Locked l : changed) {
            ShipmentStore.ShipmentRow s = l.shipment();
            List<TrackingEvent> list = l.events();
            StatusDerivation.Derived d = StatusDerivation.deriveWithReason(list, s.createdAt());
            Instant lastEvent = null;
            Instant lastScan = null;
            for (TrackingEvent e : list) {
                Instant at = e.occurredAt().instant();
                if (lastEvent == null || at.isAfter(lastEvent)) {
                    lastEvent = at;
                }
                if (!NOT_A_SCAN.contains(e.status()) && (lastScan == null || at.isAfter(lastScan))) {
                    lastScan = at;
                }
            }
            boolean statusChanged = d.status() != s.status();
            derived.add(new ShipmentStore.Derived(s.id(), d.status(), d.reason(), statusChanged, lastEvent, lastScan, list.size()));
            if (statusChanged || d.reason() != s.reason()) {
                publisher.publishEvent(new ShipmentStatusChanged(s.id(), s.tenantId(), s.carrier(), s.trackingNumber(),
                        s.status(), d.status(), d.reason(), now));
            }
        }
        shipments.updateDerived(derived, now);
    }
}
