package io.otodoke.connector.dhl;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CodeTable;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.SourceTimes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * DHL Shipment Tracking – Unified API (carriers.md §5): {@code {shipments: [{id, events[]}]}},
 * or the RFC 7807 "No result found" problem, which is NOT_FOUND.
 *
 * <p>Times come without an offset (carriers.md §9: "local, zone unknown unless the location gives
 * it"). The zone is that of the event's country when the country has a single zone; else that of
 * the shipment when origin and destination lie in the same single-zone country (a parcel-de
 * parcel never leaves Germany); else {@link SourceTimes#UNKNOWN_ZONE}, which keeps the printed
 * digits. Guessing a zone from a place name would be wrong more often than right.
 */
@Component
public class DhlParser implements PayloadParser {

    static final String SOURCE = "dhl";
    static final CodeTable CODES = CodeTable.load("dhl-codes.tsv");
    private static final Pattern NUMBER_IN_URL = Pattern.compile("trackingNumber=([^&]+)");

    /** Countries with one zone only (a country with several, such as the US, gets none). */
    static final Map<String, ZoneId> SINGLE_ZONE = Map.ofEntries(
            Map.entry("DE", ZoneId.of("Europe/Berlin")), Map.entry("AT", ZoneId.of("Europe/Vienna")),
            Map.entry("CH", ZoneId.of("Europe/Zurich")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")), Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
            Map.entry("FR", ZoneId.of("Europe/Paris")), Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("CZ", ZoneId.of("Europe/Prague")),
            Map.entry("DK", ZoneId.of("Europe/Copenhagen")), Map.entry("SE", ZoneId.of("Europe/Stockholm")),
            Map.entry("GB", ZoneId.of("Europe/London")), Map.entry("IE", ZoneId.of("Europe/Dublin")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")), Map.entry("KR", ZoneId.of("Asia/Seoul")),
            Map.entry("CN", ZoneId.of("Asia/Shanghai")), Map.entry("HK", ZoneId.of("Asia/Hong_Kong")),
            Map.entry("SG", ZoneId.of("Asia/Singapore")));

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        JsonNode root = Payloads.jsonObject(payload, SOURCE);
        if (!root.has("shipments")) {
            if (root.has("title") && root.path("status").asInt(0) == 404) {
                return List.of(new ParsedShipment(numberFrom(Payloads.text(root, "instance")), null, true, List.of()));
            }
            throw Payloads.layout(SOURCE, "no 'shipments' and no 404 problem");
        }
        JsonNode shipments = Payloads.array(root, "shipments", SOURCE);
        if (shipments.isEmpty()) {
            // DHL answers an unknown number with the 404 problem, never with an empty list
            throw Payloads.layout(SOURCE, "'shipments' is empty");
        }
        List<ParsedShipment> result = new ArrayList<>();
        for (JsonNode s : shipments) {
            String id = Payloads.text(s, "id");
            if (id == null) {
                throw Payloads.layout(SOURCE, "a shipment without 'id'");
            }
            ZoneId shipmentZone = shipmentZone(s);
            List<JsonNode> raw = new ArrayList<>();
            Payloads.array(s, "events", SOURCE).forEach(raw::add);
            if (raw.isEmpty() && Payloads.text(Payloads.object(s, "status", SOURCE), "timestamp") != null) {
                // a shipment with its current status only: that status is the one event known
                raw.add(Payloads.object(s, "status", SOURCE));
            }
            List<EventTime> times = new ArrayList<>();
            List<ZoneId> zones = new ArrayList<>();
            for (JsonNode e : raw) {
                JsonNode address = Payloads.object(Payloads.object(e, "location", SOURCE), "address", SOURCE);
                ZoneId zone = zone(Payloads.text(address, "countryCode"), shipmentZone);
                zones.add(zone);
                times.add(SourceTimes.flexible(Payloads.text(e, "timestamp"), zone, SOURCE));
            }
            // The API lists events newest first; sourceSequence counts from the oldest.
            boolean newestFirst = raw.size() > 1 && times.getFirst().instant().isAfter(times.getLast().instant());
            List<TrackingEvent> events = new ArrayList<>();
            for (int k = 0; k < raw.size(); k++) {
                int i = newestFirst ? raw.size() - 1 - k : k;
                events.add(event(raw.get(i), times.get(i), k, context));
            }
            result.add(new ParsedShipment(TrackingNumbers.normalize(id), carrier(Payloads.text(s, "service")), false, events));
        }
        return result;
    }

    private static TrackingEvent event(JsonNode e, EventTime time, int sequence, ParseContext context) {
        String code = Payloads.text(e, "statusCode");
        String text = Payloads.text(e, "description");
        if (text == null) {
            text = Payloads.text(e, "status");
        }
        CodeTable.Row row = null;
        if (code != null && text != null) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String key : CODES.keys()) {
                if (key.startsWith(code + "|") && lower.contains(key.substring(code.length() + 1).toLowerCase(Locale.ROOT))) {
                    row = CODES.get(key).orElseThrow();
                    break;
                }
            }
        }
        if (row == null) {
            row = CODES.get(code).orElse(new CodeTable.Row(TrackingStatus.UNKNOWN, null));
        }
        JsonNode address = Payloads.object(Payloads.object(e, "location", SOURCE), "address", SOURCE);
        EventLocation location = new EventLocation(Payloads.text(address, "addressLocality"), Payloads.text(address, "postalCode"),
                null, Payloads.text(address, "countryCode"), null, null);
        return new TrackingEvent(SOURCE, code, text, row.status(), row.reason(), time, location, sequence, context.receivedAt());
    }

    private static ZoneId shipmentZone(JsonNode s) {
        String origin = Payloads.text(Payloads.object(Payloads.object(s, "origin", SOURCE), "address", SOURCE), "countryCode");
        String destination = Payloads.text(Payloads.object(Payloads.object(s, "destination", SOURCE), "address", SOURCE), "countryCode");
        return origin != null && origin.equals(destination) ? SINGLE_ZONE.get(origin) : null;
    }

    private static ZoneId zone(String country, ZoneId shipmentZone) {
        ZoneId zone = country == null ? null : SINGLE_ZONE.get(country.toUpperCase(Locale.ROOT));
        return zone != null ? zone : shipmentZone != null ? shipmentZone : SourceTimes.UNKNOWN_ZONE;
    }

    private static String carrier(String service) {
        if (service == null) {
            return null;
        }
        return service.equals("express") ? "dhl_express" : service.startsWith("ecommerce") ? "dhl_ecommerce" : null;
    }

    private static String numberFrom(String instance) {
        if (instance == null) {
            return null;
        }
        Matcher m = NUMBER_IN_URL.matcher(instance);
        return m.find() ? TrackingNumbers.normalize(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : null;
    }
}
