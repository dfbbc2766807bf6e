package io.otodoke.tracking;

import io.otodoke.carrier.TrackingNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
                : shipments.lock(tenantId, carriers, numbers, byId.keySet().toArray(Long[]::new));
        Map<Long, Set<UUID>> stored = locked.isEmpty() ? Map.of()
                : events.keysOf(locked.stream().map(ShipmentStore.Locked::id).toList());

        // Keys stored already, or seen earlier in this batch, are duplicates: ingesting again changes nothing.
        List<EventStore.Row> fresh = new ArrayList<>();
        Map<Long, List<TrackingEvent>> added = new LinkedHashMap<>();
        Map<Long, ShipmentStore.Locked> lockedById = new java.util.HashMap<>();
        int duplicates = 0;
        for (ShipmentStore.Locked s : locked) {
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
            lockedById.put(s.id(), s);
            Set<UUID> keys = stored.getOrDefault(s.id(), new HashSet<>());
            for (int i : items) {
                IncomingEvent in = batch.get(i);
                UUID key = EventKey.of(in.sourceEventId(), in.event());
                if (keys.add(key)) {
                    fresh.add(new EventStore.Row(s.id(), key, in.sourceEventId(), in.event()));
                    added.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(in.event());
                } else {
                    duplicates++;
                }
            }
        }
        byNumber.values().forEach(items -> items.forEach(i -> errors.add(new ItemError(i, "unknown-shipment",
                "trackingNumber", "no shipment " + batch.get(i).carrier() + " " + batch.get(i).trackingNumber()
                        + " is registered; register it with POST /api/v1/shipments first"))));
        byId.values().forEach(items -> items.forEach(i -> errors.add(new ItemError(i, "unknown-shipment",
                "shipmentId", "no shipment with id " + batch.get(i).shipmentId()))));
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));

        if (!fresh.isEmpty()) {
            rederive(added, lockedById, now);
            events.append(fresh);
        }
        return new IngestResult(fresh.size(), duplicates, errors);
    }

    /**
     * The new status of each shipment that got events. When the new scans all come after the
     * stored ones, the rules go on from the stored progress; otherwise (late or date-only scans,
     * or no status yet) the shipment's whole history is read and derived again.
     */
    private void rederive(Map<Long, List<TrackingEvent>> added, Map<Long, ShipmentStore.Locked> lockedById, Instant now) {
        Set<Long> needHistory = new HashSet<>();
        added.forEach((id, newEvents) -> {
            ShipmentStore.Locked l = lockedById.get(id);
            if (l.eventCount() > 0 && !continuesFrom(l, newEvents)) {
                needHistory.add(id);
            }
        });
        Map<Long, List<TrackingEvent>> history = needHistory.isEmpty() ? Map.of() : events.eventsOf(needHistory);

        List<ShipmentStore.Derived> derived = new ArrayList<>(added.size());
        added.forEach((id, newEvents) -> {
            ShipmentStore.Locked s = lockedById.get(id);
            StatusDerivation.Progress progress;
            TrackingStatus status;
            StatusReason reason;
            if (s.eventCount() > 0 && !needHistory.contains(id)) {
                progress = StatusDerivation.resume(s.progress(), newEvents);
                status = progress.status();
                reason = progress.reason();
            } else {
                List<TrackingEvent> all = new ArrayList<>(history.getOrDefault(id, List.of()));
                all.addAll(newEvents);
                StatusDerivation.Derived d = StatusDerivation.deriveWithReason(all, s.createdAt());
                progress = d.progress();
                status = d.status();
                reason = d.reason();
            }
            boolean dateOnly = s.dateOnlyEvents();
            Instant lastEvent = s.lastEventAt();
            Instant lastScan = s.lastCarrierScanAt();
            for (TrackingEvent e : newEvents) {
                if (e.isNote()) {
                    continue; // a request is no news of the parcel: staleness goes on
                }
                Instant at = e.occurredAt().instant();
                dateOnly |= e.occurredAt().precision() == TimePrecision.DAY;
                lastEvent = lastEvent == null || at.isAfter(lastEvent) ? at : lastEvent;
                if (!NOT_A_SCAN.contains(e.status()) && (lastScan == null || at.isAfter(lastScan))) {
                    lastScan = at;
                }
            }
            boolean statusChanged = status != s.status();
            derived.add(new ShipmentStore.Derived(id, progress, status, reason, statusChanged, dateOnly, lastEvent,
                    lastScan, s.eventCount() + newEvents.size()));
            if (statusChanged || reason != s.reason()) {
                publisher.publishEvent(new ShipmentStatusChanged(id, s.tenantId(), s.carrier(), s.trackingNumber(),
                        s.status(), status, reason, now));
            }
        });
        shipments.updateDerived(derived, now);
    }

    /**
     * Whether the stored progress can simply go on: a status exists, no date-only scan is stored
     * (its place in the order depends on its neighbours), and every new scan is timed and strictly
     * later than every stored one, so it sorts after all of them in {@link EventOrder}.
     */
    private static boolean continuesFrom(ShipmentStore.Locked l, List<TrackingEvent> newEvents) {
        Instant last = l.lastEventAt();
        if (l.progress().status() == null || l.dateOnlyEvents() || last == null) {
            return false;
        }
        for (TrackingEvent e : newEvents) {
            if (e.isNote()) {
                continue; // never moves the status, so its place in the order does not matter
            }
            if (e.occurredAt().precision() != TimePrecision.MINUTE || !e.occurredAt().instant().isAfter(last)) {
                return false;
            }
        }
        return true;
    }
}
