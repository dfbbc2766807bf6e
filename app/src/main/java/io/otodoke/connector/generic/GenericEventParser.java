package io.otodoke.connector.generic;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.PayloadParser;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.web.EventItem;
import io.otodoke.tracking.web.EventItemParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Otodoke's own event format pushed by webhook (source {@code generic}): a JSON array of the
 * items {@code POST /api/v1/events} takes, read by the same {@link EventItemParser}. Two
 * differences, because a webhook is not sent by a tenant: an item names its shipment by
 * {@code trackingNumber} (and {@code carrier}), never by a tenant's {@code shipmentId}; and an item
 * without {@code source} is from {@code generic}.
 *
 * <p>A payload with any invalid item is refused whole, with every reason: nobody is waiting for a
 * per-item answer to a webhook, and a payload stored with its error can be fixed and sent again
 * as one, while half-ingested ones could not be told apart.
 */
@Component
public class GenericEventParser implements PayloadParser {

    public static final String SOURCE = "generic";
    private static final int MAX_REASONS = 5;

    private final ObjectMapper json;

    public GenericEventParser(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "not JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isArray()) {
            throw new ParseException(ParseException.Kind.MALFORMED,
                    "a generic payload is a JSON array of events, as POST /api/v1/events takes");
        }
        List<String> errors = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (node.isObject() && !node.has("source")) {
                ((ObjectNode) node).put("source", SOURCE);
            }
            EventItem item;
            try {
                item = json.treeToValue(node, EventItem.class);
            } catch (JacksonException e) {
                errors.add("[" + i + "] not an event: " + firstLine(e.getOriginalMessage()));
                continue;
            }
            if (item == null) {
                errors.add("[" + i + "] the item is null");
                continue;
            }
            if (item.shipmentId() != null) {
                errors.add("[" + i + "] shipmentId belongs to one tenant; a webhook names trackingNumber (and carrier)");
                continue;
            }
            String number = TrackingNumbers.normalize(item.trackingNumber());
            if (number.isEmpty()) {
                errors.add("[" + i + "] trackingNumber is required");
                continue;
            }
            EventItemParser.Parsed parsed = EventItemParser.parse(i, item, context.receivedAt());
            if (parsed.error() != null) {
                errors.add("[" + i + "] " + parsed.error().code() + ": " + parsed.error().detail());
                continue;
            }
            String carrier = item.carrier() == null || item.carrier().isBlank() ? null : item.carrier().trim();
            groups.computeIfAbsent(carrier + "\u001f" + number, k -> new Group(number, carrier, new ArrayList<>()))
                    .events().add(parsed.event().event());
        }
        if (!errors.isEmpty()) {
            throw new ParseException(ParseException.Kind.MALFORMED, errors.size() + " of " + root.size()
                    + " events are invalid, so none was ingested: "
                    + String.join("; ", errors.subList(0, Math.min(MAX_REASONS, errors.size())))
                    + (errors.size() > MAX_REASONS ? "; …" : ""));
        }
        return groups.values().stream().map(g -> new ParsedShipment(g.number(), g.carrier(), false, g.events())).toList();
    }

    private record Group(String number, String carrier, List<TrackingEvent> events) {
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
