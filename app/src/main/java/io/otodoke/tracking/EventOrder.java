package io.otodoke.tracking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

/**
 * The one order in which a parcel's events are read, by the status derivation and by the
 * timeline: {@code occurredAt}, then {@code sourceSequence}, then {@code receivedAt}
 * (status-model.md "Deriving the shipment status", step 1; carriers.md §9 "Ordering").
 *
 * <p><b>Why a total order.</b> The derived status must not depend on the order in which events
 * arrive (status-model.md rule 4). A sort gives the same result for every input permutation only
 * if the comparator is a consistent total order, so after the three documented keys every other
 * field of the event breaks the tie, and {@code compare(a, b) == 0} exactly when
 * {@code a.equals(b)}.
 *
 * <p><b>Date-only rows.</b> Japan Post prints date-only rows among timed rows, and the source's own
 * list order is authoritative (carriers.md §9). Sorting a DAY-precision event at midnight would
 * move it before the timed rows the source printed above it. Comparing "DAY with MINUTE" specially
 * inside the comparator would not be transitive, so instead each event gets an <em>effective
 * time</em>, computed once from the whole set: a DAY-precision event takes the time of the
 * timed event of the same source on the same local date with the highest lower
 * {@code sourceSequence} (the row printed just above it); without one it stays at the start of
 * its day. Everything is then compared by that fixed key, which keeps the order transitive.
 *
 * <p>{@code sourceSequence} is read as the source's chronological order (ascending = older). A
 * connector for a newest-first source (Sagawa 2009, Amazon SP-API 2020-07-01) numbers its rows
 * from the oldest.
 */
public final class EventOrder implements Comparator<TrackingEvent> {

    private static final Comparator<EventLocation> LOCATION =
            comparing(EventLocation::name, nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(EventLocation::postalCode, nullsFirst(naturalOrder()))
                    .thenComparing(EventLocation::prefecture, nullsFirst(naturalOrder()))
                    .thenComparing(EventLocation::country, nullsFirst(naturalOrder()))
                    .thenComparing(EventLocation::latitude, nullsFirst(naturalOrder()))
                    .thenComparing(EventLocation::longitude, nullsFirst(naturalOrder()));

    /** Every field after the documented keys, so that different events never compare equal. */
    private static final Comparator<TrackingEvent> FINAL_TIE_BREAK =
            comparing(TrackingEvent::source)
                    .thenComparing(TrackingEvent::status)
                    .thenComparing(TrackingEvent::reason, nullsFirst(naturalOrder()))
                    .thenComparing(TrackingEvent::rawCode, nullsFirst(naturalOrder()))
                    .thenComparing(TrackingEvent::rawText, nullsFirst(naturalOrder()))
                    .thenComparing(TrackingEvent::location, LOCATION)
                    .thenComparing(e -> e.occurredAt().instant())
                    .thenComparing(e -> e.occurredAt().precision())
                    .thenComparing(e -> e.occurredAt().local())
                    .thenComparing(e -> e.occurredAt().zone().getId());

    private final Map<TrackingEvent, Instant> effectiveTimes;
    private final Comparator<TrackingEvent> order;

    private EventOrder(Map<TrackingEvent, Instant> effectiveTimes) {
        this.effectiveTimes = effectiveTimes;
        this.order = Comparator.<TrackingEvent, Instant>comparing(this::effectiveTime)
                .thenComparingInt(TrackingEvent::sourceSequence)
                .thenComparing(TrackingEvent::receivedAt)
                .thenComparing(FINAL_TIE_BREAK);
    }

    /** The order of {@code events}, with effective times computed from the whole set. */
    public static EventOrder of(Collection<TrackingEvent> events) {
        Map<String, List<TrackingEvent>> timedBySource = new HashMap<>();
        for (TrackingEvent e : events) {
            if (e.occurredAt().precision() == TimePrecision.MINUTE) {
                timedBySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
            }
        }
        Map<TrackingEvent, Instant> effective = new HashMap<>();
        for (TrackingEvent e : events) {
            effective.put(e, effectiveTime(e, timedBySource.getOrDefault(e.source(), List.of())));
        }
        return new EventOrder(effective);
    }

    /** {@code events} oldest first; duplicates are kept (they end up next to each other). */
    public static List<TrackingEvent> sort(Collection<TrackingEvent> events) {
        List<TrackingEvent> sorted = new ArrayList<>(events);
        sorted.sort(of(events));
        return sorted;
    }

    /**
     * The time this event is sorted by. An event outside the set this order was built from is
     * taken at its own time (start of day for a date-only event), which keeps the order total.
     */
    public Instant effectiveTime(TrackingEvent event) {
        Instant known = effectiveTimes.get(event);
        return known != null ? known : event.occurredAt().instant();
    }

    @Override
    public int compare(TrackingEvent a, TrackingEvent b) {
        return order.compare(a, b);
    }

    private static Instant effectiveTime(TrackingEvent event, List<TrackingEvent> timedOfSameSource) {
        EventTime time = event.occurredAt();
        if (time.precision() != TimePrecision.DAY) {
            return time.instant();
        }
        ZoneId zone = time.zone();
        TrackingEvent rowAbove = null;
        for (TrackingEvent candidate : timedOfSameSource) {
            boolean sameDate = candidate.occurredAt().instant().atZone(zone).toLocalDate().equals(time.date());
            if (sameDate && candidate.sourceSequence() < event.sourceSequence()
                    && (rowAbove == null || isBelow(candidate, rowAbove))) {
                rowAbove = candidate;
            }
        }
        return rowAbove != null ? rowAbove.occurredAt().instant() : time.instant();
    }

    /** Printed lower in the source's list; equal positions (a re-poll) fall back to the later time. */
    private static boolean isBelow(TrackingEvent a, TrackingEvent b) {
        if (a.sourceSequence() != b.sourceSequence()) {
            return a.sourceSequence() > b.sourceSequence();
        }
        return a.occurredAt().instant().isAfter(b.occurredAt().instant());
    }
}
