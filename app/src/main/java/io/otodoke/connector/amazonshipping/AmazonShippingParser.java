package io.otodoke.connector.amazonshipping;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Shipping API v2 {@code getTracking} (carriers.md §4.2). The schema wraps the result in
 * {@code payload}; the specification's example does not (and the stored example keeps the
 * {@code application/json} key of the examples map), so all three forms are read. Events come
 * oldest first; both legs (FORWARD, RETURNS) stay on the one tracking id.
 */
@Component
public class AmazonShippingParser implements PayloadParser {

    static final String SOURCE = "amazon_shipping";
    static final CodeTable CODES = CodeTable.load("amazon_shipping-codes.tsv");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        if (!root.has("payload") && root.has("errors")) {
            JsonNode error = root.path("errors").path(0);
            throw new io.otodoke.connector.ParseException(io.otodoke.connector.ParseException.Kind.LAYOUT_CHANGED,
                    "Amazon answered with an error: " + Payloads.text(error, "code") + ": " + Payloads.text(error, "message"));
        }
        JsonNode result = root.has("payload") ? Payloads.object(root, "payload", SOURCE)
                : root.has("application/json") ? Payloads.object(root, "application/json", SOURCE) : root;
        String number = Payloads.text(result, "trackingId");
        if (number == null || !result.has("eventHistory")) {
            throw Payloads.layout(SOURCE, "no GetTrackingResult (trackingId, eventHistory)");
        }
        List<TrackingEvent> events = new ArrayList<>();
        int lastForward = -1;
        int lastReturns = -1;
        for (JsonNode e : Payloads.array(result, "eventHistory", SOURCE)) {
            String code = Payloads.text(e, "eventCode");
            boolean returns = "RETURNS".equals(Payloads.text(e, "shipmentType"));
            CodeTable.Row row = (returns ? CODES.get("RETURNS:" + code) : java.util.Optional.<CodeTable.Row>empty())
                    .or(() -> CODES.get(code))
                    .filter(r -> r.status() != null)
                    .orElse(new CodeTable.Row(TrackingStatus.UNKNOWN, null));
            JsonNode l = Payloads.object(e, "location", SOURCE);
            EventLocation location = new EventLocation(Payloads.text(l, "city"), Payloads.text(l, "postalCode"),
                    Payloads.text(l, "stateOrRegion"), Payloads.text(l, "countryCode"), null, null);
            if (returns) {
                lastReturns = events.size();
            } else {
                lastForward = events.size();
            }
            events.add(new TrackingEvent(SOURCE, code, null, row.status(), row.reason(),
                    SourceTimes.withOffset(Payloads.text(e, "eventTime"), SOURCE), location, events.size(), context.receivedAt()));
        }
        JsonNode codes = Payloads.object(Payloads.object(result, "summary", SOURCE), "trackingDetailCodes", SOURCE);
        refine(events, lastForward, Payloads.array(codes, "forward", SOURCE));
        refine(events, lastReturns, Payloads.array(codes, "returns", SOURCE));
        return List.of(new ParsedShipment(TrackingNumbers.normalize(number), null, false, events));
    }

    /** The leg's detail codes describe its current state: they refine the leg's last event. */
    private static void refine(List<TrackingEvent> events, int index, JsonNode detailCodes) {
        if (index < 0) {
            return;
        }
        TrackingEvent e = events.get(index);
        var status = e.status();
        var reason = e.reason();
        for (JsonNode c : detailCodes) {
            CodeTable.Row row = CODES.get("DETAIL:" + c.asString()).orElse(null);
            if (row == null) {
                continue;
            }
            if (row.status() != null && status == TrackingStatus.IN_TRANSIT) {
                status = row.status();
            }
            if (reason == null && row.reason() != null) {
                reason = row.reason();
            }
        }
        events.set(index, new TrackingEvent(e.source(), e.rawCode(), e.rawText(), status, reason, e.occurredAt(),
                e.location(), e.sourceSequence(), e.receivedAt()));
    }
}
