package io.otodoke.connector.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers of the tracking APIs for simulated parcels, in the shapes carriers.md §4–6 documents and
 * the synthetic samples under carrier-samples/synthetic show: 17TRACK {@code gettrackinfo} and
 * {@code register}, AfterShip {@code GET /trackings}, DHL's Unified API and Amazon MCF's
 * {@code getPackageTrackingDetails}. Each lists events newest first, as the real APIs do.
 */
final class ApiAnswers {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ApiAnswers() {
    }

    /** gettrackinfo: registered parcels with scans are accepted; others rejected with "no tracking information" (-18019909). */
    static String seventeenTrack(List<String> numbers, java.util.function.Function<String, SimulatedParcel> parcels,
                                 java.util.function.Predicate<String> registered) {
        List<Object> accepted = new ArrayList<>();
        List<Object> rejected = new ArrayList<>();
        for (String number : numbers) {
            SimulatedParcel p = parcels.apply(number);
            if (p == null || p.scans().isEmpty() || !registered.test(number)) {
                rejected.add(map("number", number, "error", map("code", -18019909, "message", "No tracking information at this time.")));
                continue;
            }
            List<Object> events = new ArrayList<>();
            for (SimulatedParcel.Scan s : p.scans().reversed()) {
                OffsetDateTime at = s.at().atOffset(JAPAN);
                events.add(map("time_iso", at.toString(), "time_utc", at.withOffsetSameInstant(ZoneOffset.UTC).toString(),
                        "description", s.words(), "location", s.office(), "stage", null, "sub_status", s.code(),
                        "address", map("country", "JP", "city", s.office())));
            }
            SimulatedParcel.Scan last = p.scans().getLast();
            String main = last.code() == null ? null : last.code().replaceAll("_.*", "");
            accepted.add(map("number", number, "carrier", 0, "tag", null, "track_info", map(
                    "latest_status", map("status", main, "sub_status", last.code()),
                    "tracking", map("providers", List.of(map("provider", map("key", 0, "name", p.carrier()), "events", events))))));
        }
        return json(map("code", 0, "data", map("accepted", accepted, "rejected", rejected)));
    }

    /** register: new numbers accepted (auto-detected, origin 1); numbers registered before rejected with -18019901. */
    static String seventeenTrackRegister(List<String> fresh, List<String> again) {
        List<Object> accepted = fresh.stream().<Object>map(n -> map("origin", 1, "number", n, "carrier", 0, "tag", null)).toList();
        List<Object> rejected = again.stream().<Object>map(n -> map("number", n, "error", map("code", -18019901,
                "message", "The tracking number '" + n + "' has been registered, don't need to repeat registration."))).toList();
        return json(map("code", 0, "data", map("accepted", accepted, "rejected", rejected)));
    }

    /** GET /trackings?tracking_numbers=: the account's trackings among those numbers (AfterShip lists no others). */
    static String afterShip(List<SimulatedParcel> parcels) {
        List<Object> trackings = new ArrayList<>();
        for (SimulatedParcel p : parcels) {
            List<Object> checkpoints = new ArrayList<>();
            for (SimulatedParcel.Scan s : p.scans()) {
                checkpoints.add(map("slug", p.carrier(), "checkpoint_time", s.at().atOffset(JAPAN).toString(), "message", s.words(),
                        "tag", tag(s.code()), "subtag", s.code(), "city", s.office(), "country_iso3", "JPN"));
            }
            String subtag = p.scans().isEmpty() ? "Pending_001" : p.scans().getLast().code();
            trackings.add(map("id", "sim-" + p.trackingNumber(), "tracking_number", p.trackingNumber(), "slug", p.carrier(),
                    "tag", tag(subtag), "subtag", subtag, "checkpoints", checkpoints));
        }
        return json(map("meta", map("code", 200), "data", map("trackings", trackings)));
    }

    /** The Unified API's shipment, or null for the 404 problem of an unknown number. */
    static String dhl(SimulatedParcel p) {
        List<Object> events = new ArrayList<>();
        for (SimulatedParcel.Scan s : p.scans().reversed()) {
            // DHL prints local times without an offset (carriers.md §5); the country gives the zone.
            events.add(map("timestamp", LOCAL.format(s.at()), "location", map("address", map("addressLocality", s.office(),
                    "countryCode", "JP")), "statusCode", s.code(), "status", s.words(), "description", s.words()));
        }
        return json(map("shipments", List.of(map("id", p.trackingNumber(), "service", "express", "events", events))));
    }

    static String dhlNotFound(String number) {
        return json(map("title", "No result found", "status", 404,
                "detail", "No shipment with given tracking number found.", "instance", "/track/shipments?trackingNumber=" + number));
    }

    /** getPackageTrackingDetails for the package asked; its tracking number is the simulated parcel's. */
    static String amazonMcf(String packageNumber, SimulatedParcel p) {
        List<Object> events = new ArrayList<>();
        for (SimulatedParcel.Scan s : p.scans().reversed()) {
            events.add(map("eventDate", s.at().atOffset(JAPAN).toString(), "eventAddress", map("city", s.office(), "country", "JP"),
                    "eventCode", s.code(), "eventDescription", s.words()));
        }
        return json(map("payload", map("packageNumber", packageNumber, "trackingNumber", p.trackingNumber(),
                "carrierCode", "AMZN_JP", "trackingEvents", events)));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String tag(String subtag) {
        return subtag == null ? null : subtag.replaceAll("_.*", "");
    }

    /** A JSON object in the given key order; values may be null. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
