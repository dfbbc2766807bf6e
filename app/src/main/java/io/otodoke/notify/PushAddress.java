package io.otodoke.notify;

import com.interaso.webpush.CryptoKt;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A browser's push subscription, the address of the Web Push channel: what
 * {@code PushSubscription.toJSON()} gives, {@code {"endpoint": …, "keys": {"p256dh": …, "auth": …}}}
 * (W3C Push API). The endpoint is the push service's URL for this one browser; p256dh and auth are
 * the browser's key and secret the message is encrypted for (RFC 8291).
 */
public record PushAddress(String endpoint, String p256dh, String auth) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any real one (FCM's are about 200 characters), far below what a column should hold. */
    private static final int MAX_LENGTH = 2048;

    /** The subscription in a browser's JSON, or an {@link IllegalArgumentException} saying what is wrong. */
    public static PushAddress parse(String json) {
        if (json == null || json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a push subscription");
        }
        try {
            JsonNode node = JSON.readTree(json);
            PushAddress a = new PushAddress(text(node.path("endpoint")), text(node.path("keys").path("p256dh")),
                    text(node.path("keys").path("auth")));
            if (a.endpoint() == null || a.p256dh() == null || a.auth() == null) {
                throw new IllegalArgumentException("a push subscription needs endpoint, keys.p256dh and keys.auth");
            }
            return a;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a push subscription");
        }
    }

    /** The endpoint of a JSON that has one (all an unsubscribe needs), else null. */
    public static String endpointOf(String json) {
        if (json == null || json.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return text(JSON.readTree(json).path("endpoint"));
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * What is wrong with this subscription for a channel with these settings, or null. The browser's
     * key must be a P-256 point and its secret 16 bytes (RFC 8291 section 3), the endpoint an HTTPS
     * URL of a known push service.
     */
    String problem(WebPushProperties settings) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return "the endpoint is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && settings.allowHttp())) {
            return "the endpoint must be an https URL";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!settings.endpointHosts().isEmpty()
                && settings.endpointHosts().stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            return "the endpoint is not a known push service";
        }
        try {
            byte[] key = Base64.getUrlDecoder().decode(p256dh);
            if (key.length != 65 || key[0] != 4) {
                return "keys.p256dh is not an uncompressed P-256 key";
            }
            CryptoKt.generatePublicKeyFromUncompressedBytes(key); // throws when the point is not on the curve
            if (Base64.getUrlDecoder().decode(auth).length != 16) {
                return "keys.auth is not 16 bytes";
            }
        } catch (RuntimeException e) {
            return "keys.p256dh or keys.auth is not a valid base64url key";
        }
        return null;
    }

    /**
     * The subscription as stored: only the three fields, in one order, so that the same browser
     * subscribing twice (its JSON may also carry {@code expirationTime}) is one subscription.
     */
    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("endpoint", endpoint);
        node.putObject("keys").put("p256dh", p256dh).put("auth", auth);
        return node.toString();
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }
}
