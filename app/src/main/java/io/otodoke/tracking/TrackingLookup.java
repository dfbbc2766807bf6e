package io.otodoke.tracking;

import io.otodoke.carrier.TrackingNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The public lookup by tracking number: status and timeline, no personal data. */
@Service
public class TrackingLookup {

    /** As many numbers as the big Japanese carriers' own pages accept at once. */
    public static final int MAX_NUMBERS = 40;

    private final ShipmentStore store;
    private final EventStore events;

    TrackingLookup(ShipmentStore store, EventStore events) {
        this.store = store;
        this.events = events;
    }

    /** Looks up at most {@link #MAX_NUMBERS} numbers; one result per input, in input order. */
    public List<LookupResult> lookup(List<String> queries) {
        if (queries.size() > MAX_NUMBERS) {
            throw new IllegalArgumentException("at most " + MAX_NUMBERS + " numbers per lookup");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        for (String q : queries) {
            normalized.put(q, TrackingNumbers.normalize(q));
        }
        List<ShipmentStore.ShipmentRow> rows = store.shipmentsByNumbers(normalized.values().stream()
                .filter(n -> !n.isEmpty()).distinct().toList());
        var timelines = events.eventsOf(ShipmentStore.ids(rows));
        Map<String, List<PublicShipment>> byNumber = new LinkedHashMap<>();
        for (var s : rows) {
            byNumber.computeIfAbsent(s.trackingNumber(), k -> new ArrayList<>()).add(new PublicShipment(s.carrier(),
                    s.trackingNumber(), s.leg(), s.status(), s.reason(), s.lastEventAt(), s.staleReason(),
                    Timeline.of(withoutNotes(timelines.getOrDefault(s.id(), List.of()))), s.estimate()));
        }
        List<LookupResult> results = new ArrayList<>(queries.size());
        for (String q : queries) {
            String n = normalized.get(q);
            results.add(new LookupResult(q, n, byNumber.getOrDefault(n, List.of())));
        }
        return results;
    }

    /**
     * Whoever knows a number may look it up, so Otodoke's notes stay out: a request says when
     * someone will be home or that the parcel will be left at the door (置き配).
     */
    private static List<TrackingEvent> withoutNotes(List<TrackingEvent> events) {
        return events.stream().filter(e -> !e.isNote()).toList();
    }

    /** Splits what people paste into numbers: one per line, or separated by spaces or commas. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[\\s\\u3000,、，;]+")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
