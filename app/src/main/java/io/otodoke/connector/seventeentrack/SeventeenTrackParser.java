package io.otodoke.connector.seventeentrack;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 17TRACK (carriers.md §6.1). Reads, telling them apart by shape:
 * <ul>
 * <li>the webhook push {@code {event, data: {number, carrier, track_info}}};</li>
 * <li>{@code gettrackinfo} v2/v2.2: {@code data.accepted[].track_info};</li>
 * <li>{@code gettrackinfo} v1 (legacy, the only real captures): {@code data.accepted[].track} with
 * the integer status {@code e} and event lists {@code z1}/{@code z2} of {@code {a, c, d, z}};</li>
 * <li>{@code register}: accepted numbers become shipments without events; rejected ones are
 * mapped by their error code, and an unknown error code is a ParseException.</li>
 * <li>the consumer web list (buyer web, unofficial; what py17track's {@code packages()} reads):
 * {@code {pageInfo, Json: [{FTrackNo, FLastEvent, FPackageState?, FTrackStateType, …}]}}, whose
 * {@code FLastEvent} is a JSON string {@code {a, c, d, z}}: each package's one, latest, event.</li>
 * </ul>
 */
@Component
public class SeventeenTrackParser implements PayloadParser {

    static final String SOURCE = "seventeentrack";
    static final CodeTable CODES = CodeTable.load("seventeentrack-codes.tsv");
    private static final CodeTable.Row UNKNOWN = new CodeTable.Row(TrackingStatus.UNKNOWN, null);

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        if (root.has("event") && root.has("data")) {
            return List.of(webhook(root, context));
        }
        if (root.has("Json") && !root.has("data")) {
            return buyerWeb(root, context);
        }
        if (!root.has("code") || !root.has("data")) {
            throw Payloads.layout(SOURCE, "neither an API answer {code, data} nor a webhook {event, data}");
        }
        if (root.path("code").asInt(-1) != 0) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "17TRACK answered with code "
                    + root.path("code").asString() + ": " + root.path("data").path("errors").path(0).path("message").asString(""));
        }
        JsonNode data = Payloads.object(root, "data", SOURCE);
        if (!data.has("accepted") && !data.has("rejected")) {
            throw Payloads.layout(SOURCE, "data has neither 'accepted' nor 'rejected'");
        }
        List<ParsedShipment> result = new ArrayList<>();
        for (JsonNode item : Payloads.array(data, "accepted", SOURCE)) {
            String number = Payloads.text(item, "number");
            if (number == null) {
                throw Payloads.layout(SOURCE, "an accepted item without 'number'");
            }
            if (item.has("track_info")) {
                result.add(v2(number, Payloads.object(item, "track_info", SOURCE), context));
            } else if (item.has("track")) {
                result.add(v1(number, Payloads.object(item, "track", SOURCE), context));
            } else if (item.has("origin") || item.has("carrier")) {
                result.add(new ParsedShipment(TrackingNumbers.normalize(number), null, false, List.of()));
            } else {
                throw Payloads.layout(SOURCE, "an accepted item with neither track_info, track nor a registration");
            }
        }
        for (JsonNode item : Payloads.array(data, "rejected", SOURCE)) {
            result.add(rejected(item));
        }
        return result;
    }

    private static ParsedShipment rejected(JsonNode item) {
        String number = Payloads.text(item, "number");
        JsonNode error = Payloads.object(item, "error", SOURCE);
        String code = error.path("code").asString("");
        CodeTable.Row row = CODES.get("ERR:" + code).orElseThrow(() -> new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                "17TRACK rejected " + number + " with error " + code + ": " + Payloads.text(error, "message")));
        if (number == null) {
            throw Payloads.layout(SOURCE, "a rejected item without 'number'");
        }
        return new ParsedShipment(TrackingNumbers.normalize(number), null, row.status() == TrackingStatus.NOT_FOUND, List.of());
    }

    private static ParsedShipment webhook(JsonNode root, ParseContext context) {
        String event = Payloads.text(root, "event");
        JsonNode data = Payloads.object(root, "data", SOURCE);
        String number = Payloads.text(data, "number");
        if (number == null) {
            throw Payloads.layout(SOURCE, "a webhook without data.number");
        }
        if ("TRACKING_STOPPED".equals(event)) {
            // 17TRACK stopped tracking (30 days without update / 15 after delivery): EXPIRED [design, carriers.md §6.1].
            // The push names no time; the moment Otodoke received it is the best one known.
            EventTime time = EventTime.of(context.receivedAt(), java.time.ZoneOffset.UTC);
            TrackingEvent stopped = new TrackingEvent(SOURCE, event, null, TrackingStatus.EXPIRED, null, time,
                    EventLocation.NONE, 0, context.receivedAt());
            return new ParsedShipment(TrackingNumbers.normalize(number), null, false, List.of(stopped));
        }
        if (!data.has("track_info")) {
            throw Payloads.layout(SOURCE, "a " + event + " webhook without data.track_info");
        }
        return v2(number, Payloads.object(data, "track_info", SOURCE), context);
    }

    private record Timed(JsonNode node, EventTime time, int providerOrder) {
    }

    private static ParsedShipment v2(String number, JsonNode info, ParseContext context) {
        JsonNode latest = Payloads.object(info, "latest_status", SOURCE);
        List<Timed> timed = new ArrayList<>();
        int order = 0;
        for (JsonNode provider : Payloads.array(Payloads.object(info, "tracking", SOURCE), "providers", SOURCE)) {
            for (JsonNode e : Payloads.array(provider, "events", SOURCE)) {
                String iso = Payloads.text(e, "time_iso");
                EventTime time = iso != null ? SourceTimes.withOffset(iso, SOURCE)
                        : SourceTimes.withOffset(Payloads.text(e, "time_utc"), SOURCE);
                timed.add(new Timed(e, time, order++));
            }
        }
        JsonNode latestEvent = Payloads.object(info, "latest_event", SOURCE);
        if (timed.isEmpty() && (Payloads.text(latestEvent, "time_iso") != null || Payloads.text(latestEvent, "time_utc") != null)) {
            // no provider list (a trimmed push): the latest event is the one event known
            String iso = Payloads.text(latestEvent, "time_iso");
            timed.add(new Timed(latestEvent, SourceTimes.withOffset(iso != null ? iso : Payloads.text(latestEvent, "time_utc"), SOURCE), 0));
        }
        // 17TRACK lists each provider's events newest first; with several providers (origin and
        // destination carrier) the lists are merged by instant, the source's order breaking ties.
        timed.sort(Comparator.comparing((Timed t) -> t.time().instant()).thenComparing(Timed::providerOrder, Comparator.reverseOrder()));
        List<TrackingEvent> events = new ArrayList<>();
        for (Timed t : timed) {
            JsonNode e = t.node();
            String sub = Payloads.text(e, "sub_status");
            String stage = Payloads.text(e, "stage");
            CodeTable.Row row = status(sub).orElseGet(() -> CODES.get("STAGE:" + stage).orElse(UNKNOWN));
            JsonNode a = Payloads.object(e, "address", SOURCE);
            String name = Payloads.text(a, "city") != null ? Payloads.text(a, "city") : Payloads.text(e, "location");
            EventLocation location = new EventLocation(name, Payloads.text(a, "postal_code"), Payloads.text(a, "state"),
                    Payloads.text(a, "country"), null, null);
            events.add(new TrackingEvent(SOURCE, sub != null ? sub : stage, Payloads.text(e, "description"), row.status(),
                    row.reason(), t.time(), location, events.size(), context.receivedAt()));
        }
        String main = Payloads.text(latest, "status");
        if ("Expired".equals(main)) {
            // 17TRACK itself stopped tracking: the aggregator's own event, placed after the last scan.
            String sub = Payloads.text(latest, "sub_status");
            EventTime time = events.isEmpty() ? EventTime.of(context.receivedAt(), java.time.ZoneOffset.UTC) : events.getLast().occurredAt();
            events.add(new TrackingEvent(SOURCE, sub != null ? sub : main, Payloads.text(latest, "sub_status_descr"),
                    TrackingStatus.EXPIRED, null, time, EventLocation.NONE, events.size(), context.receivedAt()));
        }
        boolean notFound = "NotFound".equals(main) && events.isEmpty();
        return new ParsedShipment(TrackingNumbers.normalize(number), null, notFound, events);
    }

    /** Sub-status first; an unknown sub-status falls back to its main status (the part before '_'). */
    private static java.util.Optional<CodeTable.Row> status(String sub) {
        if (sub == null) {
            return java.util.Optional.empty();
        }
        int cut = sub.indexOf('_');
        return CODES.get(sub).or(() -> cut > 0 ? CODES.get(sub.substring(0, cut)) : java.util.Optional.empty());
    }

    private static ParsedShipment v1(String number, JsonNode track, ParseContext context) {
        String e = track.path("e").asString("");
        List<Timed> timed = new ArrayList<>();
        int order = 0;
        for (String list : List.of("z1", "z2")) {
            for (JsonNode z : Payloads.array(track, list, SOURCE)) {
                String a = Payloads.text(z, "a");
                if (a == null) {
                    // an event without a time cannot be placed on a timeline (seen in a real v1 answer)
                    order++;
                    continue;
                }
                // v1 times are the place's wall clock without an offset, and "c"/"d" are free text
                timed.add(new Timed(z, SourceTimes.flexible(a, SourceTimes.UNKNOWN_ZONE, SOURCE), order++));
            }
        }
        timed.sort(Comparator.comparing((Timed t) -> t.time().instant()).thenComparing(Timed::providerOrder, Comparator.reverseOrder()));
        CodeTable.Row overall = CODES.get("V1:" + e).orElse(UNKNOWN);
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < timed.size(); i++) {
            JsonNode z = timed.get(i).node();
            boolean newest = i == timed.size() - 1;
            // v1 events carry no code: the track's status "e" describes the newest event only;
            // a not-found "e" never labels a real scan (carriers.md §2).
            boolean labelled = newest && overall.status() != TrackingStatus.NOT_FOUND && overall.status() != TrackingStatus.EXPIRED;
            EventLocation location = new EventLocation(Payloads.text(z, "c"), null, null, Payloads.text(z, "d"), null, null);
            events.add(new TrackingEvent(SOURCE, labelled ? e : null, Payloads.text(z, "z"),
                    labelled ? overall.status() : TrackingStatus.UNKNOWN, labelled ? overall.reason() : null,
                    timed.get(i).time(), location, i, context.receivedAt()));
        }
        if (overall.status() == TrackingStatus.EXPIRED) {
            // e=20: 17TRACK stopped tracking; its own event after the last scan, as for v2
            EventTime time = events.isEmpty() ? EventTime.of(context.receivedAt(), java.time.ZoneOffset.UTC) : events.getLast().occurredAt();
            events.add(new TrackingEvent(SOURCE, e, null, TrackingStatus.EXPIRED, null, time, EventLocation.NONE, events.size(),
                    context.receivedAt()));
        }
        boolean notFound = overall.status() == TrackingStatus.NOT_FOUND && events.isEmpty();
        return new ParsedShipment(TrackingNumbers.normalize(number), null, notFound, events);
    }

    /**
     * The consumer web list. Its status field is {@code FPackageState} (py17track reads it as the
     * package's status with the same 0/10/20/30/35/40/50 codes as v1's {@code e}); py17track reads
     * {@code FTrackStateType} as the package <em>type</em>, not a status, so it maps nothing. A list
     * without {@code FPackageState} (the only capture) gives UNKNOWN events with the raw text and
     * place kept. The time {@code a} is local without an offset, as in v1.
     */
    private static List<ParsedShipment> buyerWeb(JsonNode root, ParseContext context) {
        List<ParsedShipment> result = new ArrayList<>();
        for (JsonNode item : Payloads.array(root, "Json", SOURCE)) {
            String number = Payloads.text(item, "FTrackNo");
            if (number == null) {
                throw Payloads.layout(SOURCE, "a consumer-list entry without 'FTrackNo'");
            }
            JsonNode state = item.get("FPackageState");
            String code = state == null || state.isNull() || state.isContainer() ? null : state.asString();
            CodeTable.Row overall = code == null ? UNKNOWN : CODES.get("V1:" + code).orElse(UNKNOWN);
            String last = Payloads.text(item, "FLastEvent");
            JsonNode event = last == null ? null
                    : Payloads.jsonObject(last.getBytes(java.nio.charset.StandardCharsets.UTF_8), SOURCE + " FLastEvent");
            List<TrackingEvent> events = new ArrayList<>();
            String a = Payloads.text(event, "a");
            if (a != null) {
                // as in v1: a not-found or expired state never labels a real scan (carriers.md §2)
                boolean labelled = overall.status() != TrackingStatus.NOT_FOUND && overall.status() != TrackingStatus.EXPIRED
                        && overall.status() != TrackingStatus.UNKNOWN;
                EventLocation location = new EventLocation(Payloads.text(event, "c"), null, null, Payloads.text(event, "d"), null, null);
                events.add(new TrackingEvent(SOURCE, code, Payloads.text(event, "z"),
                        labelled ? overall.status() : TrackingStatus.UNKNOWN, labelled ? overall.reason() : null,
                        SourceTimes.flexible(a, SourceTimes.UNKNOWN_ZONE, SOURCE), location, 0, context.receivedAt()));
            }
            if (overall.status() == TrackingStatus.EXPIRED) {
                EventTime time = events.isEmpty() ? EventTime.of(context.receivedAt(), java.time.ZoneOffset.UTC) : events.getLast().occurredAt();
                events.add(new TrackingEvent(SOURCE, code, null, TrackingStatus.EXPIRED, null, time, EventLocation.NONE, events.size(),
                        context.receivedAt()));
            }
            boolean notFound = overall.status() == TrackingStatus.NOT_FOUND && events.isEmpty();
            result.add(new ParsedShipment(TrackingNumbers.normalize(number), null, notFound, events));
        }
        return result;
    }
}
