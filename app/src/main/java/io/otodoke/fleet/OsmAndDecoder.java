package io.otodoke.fleet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OsmAnd protocol, as Traccar Client and OsmAnd send it (design/last-mile.md): the parameters of
 * a GET query or a form POST, or the JSON body of Traccar Client's newer versions, decoded to a
 * {@link PositionReport}, or an {@link InvalidPosition} that says what is wrong.
 *
 * <p>The request forms follow traccar/traccar {@code OsmAndProtocolDecoder} and its test: {@code id}
 * or {@code deviceid}; {@code lat} and {@code lon} or {@code location=lat,lon}; {@code timestamp} in
 * unix seconds or milliseconds, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss} (UTC); {@code speed} in
 * <b>knots</b>; {@code bearing} or {@code heading}; {@code altitude}; {@code accuracy}; {@code batt}
 * in percent. Without a timestamp the position is taken as of now, as Traccar does. In the JSON
 * body (the transistorsoft background-geolocation format) speed is in m/s, -1 means unknown, and
 * battery is a fraction.
 */
public final class OsmAndDecoder {

    /** 1 knot = 1852 m per hour. */
    static final double METRES_PER_SECOND_PER_KNOT = 1852.0 / 3600.0;
    /** Unix times above this (year 5138 in seconds) are milliseconds. */
    private static final long MILLISECONDS_FROM = 100_000_000_000L;
    /** Compiled once: {@code String.matches} would compile its pattern on every request. */
    private static final Pattern UNIX_TIME = Pattern.compile("\\d{1,15}(\\.\\d+)?");
    private static final Pattern WITH_OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Keys read into the report; every other key is kept as an attribute. */
    private static final Set<String> KNOWN = Set.of("id", "deviceid", "lat", "lon", "location", "timestamp", "speed",
            "bearing", "heading", "altitude", "accuracy", "batt");
    private static final int MAX_ATTRIBUTES = 50, MAX_ATTRIBUTE_LENGTH = 500;

    private OsmAndDecoder() {
    }

    /** The parameters of a query string or form (first value of each key). */
    public static PositionReport decode(Map<String, String> parameters, Instant now) {
        String id = first(parameters, "id", "deviceid");
        if (id == null || id.isBlank()) {
            throw new InvalidPosition("id", "The device id (id) is missing.");
        }
        String lat = parameters.get("lat"), lon = parameters.get("lon");
        String location = parameters.get("location");
        if ((lat == null || lon == null) && location != null) {
            String[] parts = location.split(",", -1);
            if (parts.length != 2) {
                throw new InvalidPosition("location", "location must be 'lat,lon', not '" + cut(location) + "'.");
            }
            lat = parts[0];
            lon = parts[1];
        }
        if (lat == null || lat.isBlank()) {
            throw new InvalidPosition("lat", "The latitude (lat) is missing.");
        }
        if (lon == null || lon.isBlank()) {
            throw new InvalidPosition("lon", "The longitude (lon) is missing.");
        }
        String timestamp = parameters.get("timestamp");
        Double knots = number(parameters, "speed");
        Double battery = number(parameters, "batt");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var e : parameters.entrySet()) {
            if (!KNOWN.contains(e.getKey()) && e.getValue() != null && attributes.size() < MAX_ATTRIBUTES) {
                attributes.put(cut(e.getKey()), cut(e.getValue()));
            }
        }
        return new PositionReport(id.strip(), timestamp == null || timestamp.isBlank() ? now : time(timestamp),
                parse("lat", lat), parse("lon", lon),
                knots == null || knots < 0 ? null : knots * METRES_PER_SECOND_PER_KNOT,
                unknownIfNegative(number(parameters, parameters.containsKey("bearing") ? "bearing" : "heading")),
                number(parameters, "altitude"), unknownIfNegative(number(parameters, "accuracy")),
                battery == null || battery < 0 ? null : battery, attributes).check(now);
    }

    /** Traccar Client's JSON body: {@code {"device_id": …, "location": {"coords": {…}, "timestamp": …, "battery": {…}}}}. */
    public static PositionReport decodeJson(String body, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new InvalidPosition("body", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPosition("body", "The body must be a JSON object with device_id and location.");
        }
        String id = text(root, "device_id");
        if (id == null || id.isBlank()) {
            throw new InvalidPosition("device_id", "The device id (device_id) is missing.");
        }
        JsonNode location = root.path("location");
        JsonNode coords = location.path("coords");
        if (!coords.isObject()) {
            throw new InvalidPosition("location.coords", "location.coords is missing.");
        }
        String timestamp = text(location, "timestamp");
        Double speed = jsonNumber(coords, "speed");
        Double level = jsonNumber(location.path("battery"), "level");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : new String[] {"event", "is_moving", "odometer", "uuid", "mock"}) {
            String value = text(location, key);
            if (value != null) {
                attributes.put(key, cut(value));
            }
        }
        String activity = text(location.path("activity"), "type");
        if (activity != null) {
            attributes.put("activity", cut(activity));
        }
        if (location.path("battery").has("is_charging")) {
            attributes.put("charging", String.valueOf(location.path("battery").path("is_charging").asBoolean()));
        }
        for (var e : location.path("extras").properties()) {
            if (attributes.size() < MAX_ATTRIBUTES && e.getValue().isValueNode()) {
                attributes.put(cut(e.getKey()), cut(e.getValue().asString()));
            }
        }
        return new PositionReport(id.strip(), timestamp == null ? now : time(timestamp),
                requiredNumber(coords, "latitude"), requiredNumber(coords, "longitude"),
                speed == null || speed < 0 ? null : speed, unknownIfNegative(jsonNumber(coords, "heading")),
                jsonNumber(coords, "altitude"), unknownIfNegative(jsonNumber(coords, "accuracy")),
                level == null || level < 0 ? null : level * 100, attributes).check(now);
    }

    /** Parameters of a query string or an {@code application/x-www-form-urlencoded} body; the first value of a key wins. */
    public static Map<String, String> parameters(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return into;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidPosition("query", "The parameters are not URL-encoded correctly.");
            }
        }
        return into;
    }

    /** Unix seconds or milliseconds, ISO-8601 with or without offset (UTC), or {@code yyyy-MM-dd HH:mm:ss} (UTC). */
    static Instant time(String value) {
        String v = value.strip();
        try {
            if (UNIX_TIME.matcher(v).matches()) {
                double n = Double.parseDouble(v);
                return n >= MILLISECONDS_FROM ? Instant.ofEpochMilli((long) n)
                        : Instant.ofEpochMilli(Math.round(n * 1000));
            }
            if (v.length() > 19 && (v.endsWith("Z") || WITH_OFFSET.matcher(v).matches())) {
                return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            try {
                return LocalDateTime.parse(v, SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new InvalidPosition("timestamp", "The timestamp '" + cut(value)
                        + "' is neither unix seconds or milliseconds nor an ISO-8601 time.");
            }
        }
    }

    private static String first(Map<String, String> parameters, String... keys) {
        for (String key : keys) {
            if (parameters.get(key) != null) {
                return parameters.get(key);
            }
        }
        return null;
    }

    private static Double number(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        return value == null || value.isBlank() ? null : parse(key, value);
    }

    private static double parse(String field, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidPosition(field, field + " is not a number: '" + cut(value) + "'.");
    }

    private static Double jsonNumber(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isString()) {
            return parse(key, v.asString());
        }
        throw new InvalidPosition(key, key + " is not a number.");
    }

    private static double requiredNumber(JsonNode node, String key) {
        Double v = jsonNumber(node, key);
        if (v == null) {
            throw new InvalidPosition(key, "location.coords." + key + " is missing.");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isValueNode() && !v.isNull() ? v.asString() : null;
    }

    private static Double unknownIfNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }

    private static String cut(String s) {
        return s.length() <= MAX_ATTRIBUTE_LENGTH ? s : s.substring(0, MAX_ATTRIBUTE_LENGTH);
    }
}
