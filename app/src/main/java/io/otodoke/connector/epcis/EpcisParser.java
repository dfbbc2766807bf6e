package io.otodoke.connector.epcis;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GS1 EPCIS 2.0 JSON-LD (carriers.md §7): an EPCISDocument ({@code epcisBody.eventList}), an
 * EPCISQueryDocument ({@code epcisBody.queryResults.resultsBody.eventList}) or one bare event.
 *
 * <p>Which identifier is the "tracking number" is not settled by §7 [design]: the logistic
 * unit an event names in {@code parentID} (an SSCC on an AggregationEvent), else each EPC of
 * {@code epcList}/{@code childEPCs} (so one event about two items is an event of both), else
 * the {@code bizTransaction} of a {@code bol} or {@code desadv}. Events are ordered per object by
 * {@code eventTime}, since an EPCIS capture need not be chronological.
 */
@Component
public class EpcisParser implements PayloadParser {

    static final String SOURCE = "epcis";
    static final CodeTable CODES = CodeTable.load("epcis-codes.tsv");
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    @Override
    public String source() {
        return SOURCE;
    }

    private record Found(JsonNode event, EventTime time, int order) {
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        String type = type(root);
        JsonNode list;
        if ("EPCISDocument".equals(type)) {
            list = Payloads.array(Payloads.object(root, "epcisBody", SOURCE), "eventList", SOURCE);
        } else if ("EPCISQueryDocument".equals(type)) {
            list = Payloads.array(Payloads.object(Payloads.object(Payloads.object(root, "epcisBody", SOURCE),
                    "queryResults", SOURCE), "resultsBody", SOURCE), "eventList", SOURCE);
        } else if (EVENT_TYPES.contains(type)) {
            list = null;
        } else {
            throw Payloads.layout(SOURCE, "type '" + type + "' is neither an EPCIS document nor an EPCIS event");
        }
        List<JsonNode> raw = new ArrayList<>();
        if (list == null) {
            raw.add(root);
        } else {
            list.forEach(raw::add);
        }
        Map<String, List<Found>> byObject = new LinkedHashMap<>();
        Set<String> destinations = new HashSet<>();
        int order = 0;
        for (JsonNode e : raw) {
            if (!EVENT_TYPES.contains(type(e))) {
                throw Payloads.layout(SOURCE, "an eventList entry of type '" + type(e) + "'");
            }
            for (JsonNode d : Payloads.array(e, "destinationList", SOURCE)) {
                String id = Payloads.text(d, "destination");
                if (id != null) {
                    destinations.add(id);
                }
            }
            Found found = new Found(e, time(e), order++);
            for (String id : objects(e)) {
                byObject.computeIfAbsent(id, k -> new ArrayList<>()).add(found);
            }
        }
        List<ParsedShipment> result = new ArrayList<>();
        for (var entry : byObject.entrySet()) {
            List<Found> found = new ArrayList<>(entry.getValue());
            found.sort(Comparator.comparing((Found f) -> f.time().instant()).thenComparingInt(Found::order));
            List<TrackingEvent> events = new ArrayList<>();
            for (Found f : found) {
                events.add(event(f, destinations, events.size(), context));
            }
            result.add(new ParsedShipment(TrackingNumbers.normalize(entry.getKey()), null, false, events));
        }
        return result;
    }

    private static TrackingEvent event(Found f, Set<String> destinations, int sequence, ParseContext context) {
        JsonNode e = f.event();
        String bizStep = Payloads.text(e, "bizStep");
        String disposition = Payloads.text(e, "disposition");
        String step = bare(bizStep);
        String disp = bare(disposition);
        String bizLocation = Payloads.text(Payloads.object(e, "bizLocation", SOURCE), "id");
        String readPoint = Payloads.text(Payloads.object(e, "readPoint", SOURCE), "id");
        CodeTable.Row row = CODES.get("|" + disp)
                .or(() -> bizLocation != null && destinations.contains(bizLocation) ? CODES.get(step + "|@destination") : java.util.Optional.empty())
                .or(() -> CODES.get(step + "|" + disp))
                .or(() -> CODES.get(step + "|"))
                .orElse(new CodeTable.Row(TrackingStatus.UNKNOWN, null));
        String rawCode = (bizStep == null ? "" : bizStep) + (disposition == null ? "" : " " + disposition);
        EventLocation location = EventLocation.named(bizLocation != null ? bizLocation : readPoint);
        return new TrackingEvent(SOURCE, rawCode.strip().isEmpty() ? null : rawCode.strip(), Payloads.text(e, "eventID"),
                row.status(), row.reason(), f.time(), location, sequence, context.receivedAt());
    }

    /** The instant of eventTime, shown at eventTimeZoneOffset: the offset where the event happened. */
    private static EventTime time(JsonNode e) {
        String time = Payloads.text(e, "eventTime");
        String offset = Payloads.text(e, "eventTimeZoneOffset");
        try {
            OffsetDateTime t = OffsetDateTime.parse(time);
            return EventTime.of(offset == null ? t : t.withOffsetSameInstant(ZoneOffset.of(offset)));
        } catch (DateTimeException | NullPointerException ex) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "an EPCIS event with eventTime '" + time
                    + "' and eventTimeZoneOffset '" + offset + "'", ex);
        }
    }

    private static List<String> objects(JsonNode e) {
        String parent = Payloads.text(e, "parentID");
        if (parent != null) {
            return List.of(parent);
        }
        List<String> ids = new ArrayList<>();
        for (String field : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
            for (JsonNode epc : Payloads.array(e, field, SOURCE)) {
                if (epc.isString() && !epc.asString().isBlank()) {
                    ids.add(epc.asString());
                }
            }
        }
        if (ids.isEmpty()) {
            for (JsonNode bt : Payloads.array(e, "bizTransactionList", SOURCE)) {
                String btType = bare(Payloads.text(bt, "type"));
                if ("bol".equals(btType) || "desadv".equals(btType)) {
                    ids.add(Payloads.text(bt, "bizTransaction"));
                }
            }
        }
        ids.removeIf(java.util.Objects::isNull);
        if (ids.isEmpty()) {
            throw Payloads.layout(SOURCE, "an event names no parentID, EPC or bill of lading");
        }
        return ids;
    }

    private static String type(JsonNode node) {
        String type = Payloads.text(node, "type");
        return type != null ? type : Payloads.text(node, "isA");
    }

    /** {@code urn:epcglobal:cbv:bizstep:shipping} and {@code https://ref.gs1.org/cbv/BizStep-shipping} → {@code shipping}. */
    static String bare(String value) {
        if (value == null) {
            return "";
        }
        int cut = Math.max(value.lastIndexOf(':'), Math.max(value.lastIndexOf('/'), value.lastIndexOf('-')));
        String word = value.contains(":") || value.contains("/") ? value.substring(cut + 1) : value;
        return word;
    }
}
