package io.otodoke.connector.amazonmcf;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Multi-Channel Fulfillment (carriers.md §4.1): {@code getPackageTrackingDetails}
 * (2020-07-01, {@code {payload: PackageTrackingDetails}} or the bare object), and the 2026-07-04
 * {@code Package}, which has no event list: its {@code status} becomes one event only when the
 * package says when it happened ({@code deliveryTime}).
 */
@Component
public class AmazonMcfParser implements PayloadParser {

    static final String SOURCE = "amazon_mcf";
    static final CodeTable CODES = CodeTable.load("amazon_mcf-codes.tsv");

    /** Amazon's carrierCode values that name a carrier of carriers.tsv; others stay null. */
    private static final Map<String, String> CARRIERS = Map.of("UPS", "ups", "USPS", "usps", "FEDEX", "fedex",
            "DHL", "dhl_express", "AMZN_JP", "amazon_jp");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        if (!root.has("payload") && root.has("errors")) {
            JsonNode error = root.path("errors").path(0);
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                    "Amazon answered with an error: " + Payloads.text(error, "code") + ": " + Payloads.text(error, "message"));
        }
        JsonNode details = root.has("payload") ? Payloads.object(root, "payload", SOURCE) : root;
        if (details.has("trackingEvents") || details.has("packageNumber")) {
            return List.of(trackingDetails(details, context));
        }
        if (details.has("packageId") && details.has("tracking")) {
            return List.of(pkg(details, context));
        }
        throw Payloads.layout(SOURCE, "neither PackageTrackingDetails (trackingEvents) nor a Package (packageId, tracking)");
    }

    private ParsedShipment trackingDetails(JsonNode details, ParseContext context) {
        String number = Payloads.text(details, "trackingNumber");
        if (number == null) {
            throw Payloads.layout(SOURCE, "PackageTrackingDetails without trackingNumber");
        }
        StatusReason place = CODES.get("PLACE:" + Payloads.text(details, "additionalLocationInfo"))
                .map(CodeTable.Row::reason).orElse(null);
        // The model's example lists events newest first; sourceSequence counts from the oldest.
        List<JsonNode> raw = new ArrayList<>();
        Payloads.array(details, "trackingEvents", SOURCE).forEach(raw::add);
        List<JsonNode> oldestFirst = raw.reversed();
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode e : oldestFirst) {
            String code = Payloads.text(e, "eventCode");
            CodeTable.Row row = CODES.get(code).orElse(new CodeTable.Row(TrackingStatus.UNKNOWN, null));
            StatusReason reason = row.reason() == null && row.status() == TrackingStatus.DELIVERED ? place : row.reason();
            JsonNode address = Payloads.object(e, "eventAddress", SOURCE);
            EventLocation location = new EventLocation(Payloads.text(address, "city"), Payloads.text(address, "postalCode"),
                    Payloads.text(address, "state"), Payloads.text(address, "country"), null, null);
            events.add(new TrackingEvent(SOURCE, code, Payloads.text(e, "eventDescription"), row.status(), reason,
                    SourceTimes.withOffset(Payloads.text(e, "eventDate"), SOURCE), location, events.size(),
                    context.receivedAt()));
        }
        return new ParsedShipment(TrackingNumbers.normalize(number), carrier(Payloads.text(details, "carrierCode")), false, events);
    }

    private ParsedShipment pkg(JsonNode pkg, ParseContext context) {
        JsonNode tracking = Payloads.object(pkg, "tracking", SOURCE);
        JsonNode carrier = Payloads.object(tracking, "carrier", SOURCE);
        JsonNode amazon = Payloads.object(tracking, "amazon", SOURCE);
        String number = Payloads.text(carrier, "trackingNumber");
        if (number == null) {
            number = Payloads.text(amazon, "trackingNumber");
        }
        if (number == null) {
            throw Payloads.layout(SOURCE, "Package without a tracking number");
        }
        String status = Payloads.text(pkg, "status");
        String time = Payloads.text(pkg, "deliveryTime");
        List<TrackingEvent> events = new ArrayList<>();
        if (status != null && time != null && "DELIVERED".equals(status)) {
            CodeTable.Row row = CODES.get("STATUS:" + status).orElseThrow();
            StatusReason place = CODES.get("PLACE:" + Payloads.text(Payloads.object(tracking, "dropOffLocation", SOURCE), "type"))
                    .map(CodeTable.Row::reason).orElse(null);
            events.add(new TrackingEvent(SOURCE, status, null, row.status(), place,
                    SourceTimes.withOffset(time, SOURCE), EventLocation.NONE, 0, context.receivedAt()));
        }
        return new ParsedShipment(TrackingNumbers.normalize(number), carrier(Payloads.text(carrier, "carrierCode")), false, events);
    }

    private static String carrier(String code) {
        return code == null ? null : CARRIERS.get(code.toUpperCase(Locale.ROOT));
    }
}
