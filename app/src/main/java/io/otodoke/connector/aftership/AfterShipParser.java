package io.otodoke.connector.aftership;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * AfterShip Tracking (carriers.md §6.2): {@code GET /trackings} ({@code data.trackings[]}),
 * {@code GET /trackings/{id}} ({@code data.tracking}, or the tracking itself as {@code data} in
 * newer versions) and the webhook body ({@code {ts, event, event_id, msg: tracking}}).
 */
@Component
public class AfterShipParser implements PayloadParser {

    static final String SOURCE = "aftership";
    static final CodeTable CODES = CodeTable.load("aftership-codes.tsv");
    /** AfterShip slugs that are carrier codes of carriers.tsv. */
    private static final Set<String> SLUGS = Set.of("fedex", "ups", "usps", "dpd", "yamato", "sagawa", "japanpost", "4px", "yanwen");
    private static final Map<String, String> SLUG_ALIASES = Map.of("japan-post", "japanpost", "dhl", "dhl_express",
            "dhl-global-mail", "dhl_ecommerce", "sf-express", "sf_express", "yamato-jp", "yamato", "sagawa-jp", "sagawa");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        List<JsonNode> trackings = new ArrayList<>();
        if (root.has("msg") && root.has("event")) {
            trackings.add(Payloads.object(root, "msg", SOURCE));
        } else if (root.has("data") && root.has("meta")) {
            JsonNode data = Payloads.object(root, "data", SOURCE);
            if (data.has("trackings")) {
                Payloads.array(data, "trackings", SOURCE).forEach(trackings::add);
            } else if (data.has("tracking")) {
                trackings.add(Payloads.object(data, "tracking", SOURCE));
            } else if (data.has("tracking_number")) {
                trackings.add(data);
            } else {
                throw Payloads.layout(SOURCE, "data has no trackings, tracking or tracking_number");
            }
        } else {
            throw Payloads.layout(SOURCE, "neither an API answer {meta, data} nor a webhook {event, msg}");
        }
        List<ParsedShipment> result = new ArrayList<>();
        for (JsonNode t : trackings) {
            result.add(tracking(t, context));
        }
        return result;
    }

    private ParsedShipment tracking(JsonNode t, ParseContext context) {
        String number = Payloads.text(t, "tracking_number");
        if (number == null) {
            throw Payloads.layout(SOURCE, "a tracking without tracking_number");
        }
        List<JsonNode> checkpoints = new ArrayList<>();
        Payloads.array(t, "checkpoints", SOURCE).forEach(checkpoints::add);
        List<EventTime> times = new ArrayList<>();
        for (JsonNode c : checkpoints) {
            times.add(SourceTimes.flexible(Payloads.text(c, "checkpoint_time"), SourceTimes.UNKNOWN_ZONE, SOURCE));
        }
        if (checkpoints.size() > 1 && times.getFirst().instant().isAfter(times.getLast().instant())) {
            checkpoints = checkpoints.reversed();
            times = times.reversed();
        }
        // AfterShip/aftership-sdk-ios #4: every checkpoint may come twice, one copy without city or
        // country. One event per (time, normalised message), keeping the copy that says more.
        List<TrackingEvent> events = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> hashes = new java.util.HashSet<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            JsonNode c = checkpoints.get(i);
            // 2026-07 adds checkpoints[].hash "which can be used for deduplication"
            String hash = Payloads.text(c, "hash");
            if (hash != null && !hashes.add(hash)) {
                continue;
            }
            TrackingEvent e = event(c, times.get(i), events.size(), context);
            String key = times.get(i).instant() + "|" + normalise(e.rawText());
            Integer earlier = seen.get(key);
            if (earlier == null) {
                seen.put(key, events.size());
                events.add(e);
            } else if (detail(e.location()) > detail(events.get(earlier).location())) {
                TrackingEvent old = events.get(earlier);
                events.set(earlier, new TrackingEvent(SOURCE, old.rawCode(), old.rawText(), old.status(), old.reason(),
                        old.occurredAt(), e.location(), old.sourceSequence(), old.receivedAt()));
            }
        }
        String tag = Payloads.text(t, "tag");
        if ("Expired".equals(tag)) {
            // AfterShip stopped tracking: its own event, at its last update, after the last checkpoint.
            String when = Payloads.text(t, "last_updated_at") != null ? Payloads.text(t, "last_updated_at") : Payloads.text(t, "updated_at");
            EventTime time = when != null ? SourceTimes.flexible(when, SourceTimes.UNKNOWN_ZONE, SOURCE)
                    : EventTime.of(context.receivedAt(), java.time.ZoneOffset.UTC);
            String subtag = Payloads.text(t, "subtag");
            events.add(new TrackingEvent(SOURCE, subtag != null ? subtag : tag, Payloads.text(t, "subtag_message"),
                    TrackingStatus.EXPIRED, null, time, EventLocation.NONE, events.size(), context.receivedAt()));
        }
        boolean notFound = "Pending".equals(tag) && events.isEmpty();
        return new ParsedShipment(TrackingNumbers.normalize(number), carrier(Payloads.text(t, "slug")), notFound, events,
                expected(Payloads.text(t, "expected_delivery")));
    }

    private static TrackingEvent event(JsonNode c, EventTime time, int sequence, ParseContext context) {
        String tag = Payloads.text(c, "tag");
        String subtag = Payloads.text(c, "subtag");
        CodeTable.Row row = CODES.get(subtag).or(() -> CODES.get(tag))
                .orElse(new CodeTable.Row(TrackingStatus.UNKNOWN, null));
        String country = Payloads.text(c, "country_iso3") != null ? Payloads.text(c, "country_iso3") : Payloads.text(c, "country_region");
        String name = Payloads.text(c, "city") != null ? Payloads.text(c, "city") : Payloads.text(c, "location");
        EventLocation location = new EventLocation(name, Payloads.text(c, "zip"), Payloads.text(c, "state"), country, null, null);
        return new TrackingEvent(SOURCE, subtag != null ? subtag : tag, Payloads.text(c, "message"), row.status(), row.reason(),
                time, location, sequence, context.receivedAt());
    }

    private static String normalise(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int detail(EventLocation l) {
        int n = 0;
        for (Object o : new Object[] {l.name(), l.postalCode(), l.prefecture(), l.country()}) {
            n += o == null ? 0 : 1;
        }
        return n;
    }

    private static String carrier(String slug) {
        if (slug == null) {
            return null;
        }
        return SLUGS.contains(slug) ? slug : SLUG_ALIASES.get(slug);
    }

    /** {@code expected_delivery}: a date, or a date and time in the destination's local time; null when absent or unreadable. */
    private static DeliveryEstimate expected(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return new DeliveryEstimate(java.time.LocalDate.parse(value.substring(0, 10)), null);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
