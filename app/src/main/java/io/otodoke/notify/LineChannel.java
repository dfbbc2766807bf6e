package io.otodoke.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * LINE through the Messaging API's push message: {@code POST /v2/bot/message/push} with the
 * channel access token, to a LINE user id, one text message with the subject, the guidance where
 * there is one, and the link (developers.line.biz/en/reference/messaging-api/#send-push-message).
 *
 * <p>Every push carries {@code X-Line-Retry-Key}, a UUID made from the notification's idempotency
 * key, so every try of one message has the same key: LINE accepts a key once and answers a repeat
 * with 409, which therefore means "already sent" (developers.line.biz/en/docs/messaging-api/
 * retrying-api-request/). Keys are kept by LINE for 24 hours, about as long as the dispatcher retries.
 *
 * <p>Without {@code otodoke.notify.line.channel-access-token} LINE is not available: no address is
 * accepted and messages already queued wait.
 */
@Component
class LineChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(LineChannel.class);
    /** A LINE user id: "U" and 32 hex digits (developers.line.biz/en/docs/messaging-api/getting-user-ids/). */
    private static final Pattern USER_ID = Pattern.compile("U[0-9a-f]{32}");
    /** The longest text message, counted in UTF-16 units as LINE counts (a surrogate pair is 2). */
    static final int MAX_TEXT = 5000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LineProperties properties;
    private final HttpClient http;

    LineChannel(LineProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public String code() {
        return "line";
    }

    @Override
    public String invalidAddress(String address) {
        if (!properties.configured()) {
            return "LINE is not set up on this server (otodoke.notify.line.channel-access-token)";
        }
        return USER_ID.matcher(address).matches() ? null
                : "give the LINE user id (U and 32 hex digits) that the official account's webhook received";
    }

    @Override
    public Delivery send(Notification n) {
        if (!properties.configured()) {
            return Delivery.retry("LINE not configured (otodoke.notify.line.channel-access-token)");
        }
        String body = JSON.writeValueAsString(Map.of("to", n.address(),
                "messages", List.of(Map.of("type", "text", "text", text(n)))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v2/bot/message/push"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + properties.channelAccessToken())
                .header("X-Line-Retry-Key", retryKey(n.idempotencyKey()).toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.info("LINE push of notification {} failed: {}", n.id(), e.getClass().getSimpleName());
            return Delivery.retry("LINE not reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
        return outcome(n.id(), status);
    }

    /**
     * Answers a message the user sent to the official account (developers.line.biz/en/reference/
     * messaging-api/#send-reply-message): a reply token works once, within a minute, and costs no
     * message of the monthly quota. True when LINE took it; a failed reply is only logged.
     */
    boolean reply(String replyToken, String text) {
        String body = JSON.writeValueAsString(Map.of("replyToken", replyToken,
                "messages", List.of(Map.of("type", "text", "text", text))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v2/bot/message/reply"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + properties.channelAccessToken())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.info("LINE refused a reply ({})", status);
            }
            return status / 100 == 2;
        } catch (IOException e) {
            log.info("LINE reply failed: {}", e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What LINE's answer means for this message (developers.line.biz/en/reference/messaging-api/#status-codes). */
    static Delivery outcome(long id, int status) {
        if (status / 100 == 2) {
            return Delivery.sent();
        }
        if (status == 409) {
            // the retry key was accepted before: an earlier try went through and its answer was lost
            return Delivery.sent();
        }
        if (status == 401 || status == 403) {
            // the server's token is wrong or revoked, not the user's fault: keep the message and tell the operator
            log.warn("LINE refused the channel access token ({}) for notification {}: check "
                    + "otodoke.notify.line.channel-access-token", status, id);
            return Delivery.retry("LINE refused the channel access token (" + status + "): a configuration problem");
        }
        if (status == 429) {
            return Delivery.retry("LINE rate limit or monthly message limit reached (429)");
        }
        if (status >= 500) {
            return Delivery.retry("LINE server error (" + status + ")");
        }
        // 400: a user id this channel does not know (another provider's, or none), or a message LINE will never take
        log.info("LINE rejected notification {} ({})", id, status);
        return Delivery.rejected("LINE rejected the message (" + status + "): user id unknown to this channel");
    }

    /** The same UUID for every try of a notification, in the hex form LINE asks for. */
    static UUID retryKey(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A chat message is short: the subject says what happened, then what to do, then the link. */
    static String text(Notification n) {
        ResourceBundle labels = ResourceBundle.getBundle("notify/messages",
                "en".equals(n.language()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> d = n.message().data();
        StringBuilder text = new StringBuilder(n.message().subject());
        String guidance = d.get("guidance");
        if (guidance != null) {
            text.append("\n").append(guidance);
        }
        text.append("\n\n").append(labels.getString(d.containsKey("redeliveryUrl") ? "line.redelivery" : "line.url"))
                .append(" ").append(n.message().url());
        text.append("\n").append(labels.getString("line.unsubscribe")).append(" ").append(n.unsubscribeUrl());
        if (text.length() > MAX_TEXT) {
            int end = MAX_TEXT - 1;
            // never cut a surrogate pair in half
            end = Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
            return text.substring(0, end) + "…";
        }
        return text.toString();
    }
}
