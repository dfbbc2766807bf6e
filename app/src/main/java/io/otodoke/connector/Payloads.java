package io.otodoke.connector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading a payload's bytes the one strict way every API parser shares. */
public final class Payloads {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Payloads() {
    }

    /** Strict UTF-8 (a BOM is dropped): a Shift_JIS or Latin-1 file is refused, never read as mojibake. */
    public static String utf8(byte[] payload, String source) {
        if (payload == null || payload.length == 0) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the " + source + " payload is empty");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ParseException(ParseException.Kind.MALFORMED,
                    "the " + source + " payload is not UTF-8 text", e);
        }
    }

    /** The payload as one JSON object; anything else (broken, truncated, an array, a scalar) is MALFORMED or LAYOUT_CHANGED. */
    public static JsonNode jsonObject(byte[] payload, String source) {
        String text = utf8(payload, source);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the " + source + " payload is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw layout(source, "the payload is not a JSON object");
        }
        return root;
    }

    public static ParseException layout(String source, String what) {
        return new ParseException(ParseException.Kind.LAYOUT_CHANGED, "not a " + source + " payload: " + what);
    }

    /** The string at {@code field}, or null when missing, null, not a string, or blank. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String s = value.asString();
        return s == null || s.isBlank() ? null : s;
    }

    /** The array at {@code field}; a missing field is an empty array, any other type a layout change. */
    public static JsonNode array(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JSON.createArrayNode();
        }
        if (!value.isArray()) {
            throw layout(source, "'" + field + "' is not an array");
        }
        return value;
    }

    /** The object at {@code field}; missing or null gives a missing node (every lookup on it is null). */
    public static JsonNode object(JsonNode node, String field, String source) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return JSON.createObjectNode();
        }
        if (!value.isObject()) {
            throw layout(source, "'" + field + "' is not an object");
        }
        return value;
    }
}
