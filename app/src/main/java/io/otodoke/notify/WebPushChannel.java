package io.otodoke.notify;

import com.interaso.webpush.WebPush;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Web Push (RFC 8030) to a browser that subscribed on a tracking page: the message is a small JSON
 * {@code {title, body, url, tag}}, encrypted for the browser's key (aes128gcm, RFC 8291) and signed
 * with the installation's VAPID key (RFC 8292) by {@code com.interaso:webpush}; the request itself
 * goes out on the JDK's HTTP client, so that the push service's status decides the outcome here.
 * The service worker ({@code static/sw.js}) shows it.
 *
 * <p>A push service answers 404 or 410 when the browser has unsubscribed or the subscription
 * expired (RFC 8030 section 7.3): it will never work again, so the subscription ends here.
 */
@Component
class WebPushChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(WebPushChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Push services must accept 4096 bytes of body (RFC 8030 section 7.2); the encryption adds 86. */
    private static final int MAX_TEXT = 240;

    private final PushKeys keys;
    private final WebPushProperties settings;
    private final NotifyProperties notify;
    private final Subscriptions subscriptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile WebPush webPush;

    WebPushChannel(PushKeys keys, WebPushProperties settings, NotifyProperties notify, Subscriptions subscriptions) {
        this.keys = keys;
        this.settings = settings;
        this.notify = notify;
        this.subscriptions = subscriptions;
    }

    @Override
    public String code() {
        return "webpush";
    }

    @Override
    public String invalidAddress(String address) {
        try {
            return PushAddress.parse(address).problem(settings);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public Delivery send(Notification n) {
        PushAddress to;
        try {
            to = PushAddress.parse(n.address());
        } catch (IllegalArgumentException e) {
            return Delivery.rejected("not a push subscription");
        }
        String problem = to.problem(settings);
        if (problem != null) {
            return Delivery.rejected(problem);
        }
        WebPush push = webPush();
        byte[] body = push.getBody(payload(n), Base64.getUrlDecoder().decode(to.p256dh()),
                Base64.getUrlDecoder().decode(to.auth()));
        Map<String, String> headers = push.getHeaders(to.endpoint(), ttlSeconds(n.milestone()), topic(n.idempotencyKey()),
                urgency(n.milestone()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.endpoint())).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // Never the endpoint in the log: it identifies one person's browser.
            log.info("Web Push of notification {} not sent: {}", n.id(), e.getClass().getSimpleName());
            return Delivery.retry(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
        return outcome(n, status);
    }

    /** What the push service's answer means (RFC 8030 sections 5 and 7, RFC 8292 section 4). */
    private Delivery outcome(Notification n, int status) {
        if (status >= 200 && status < 300) {
            return Delivery.sent();
        }
        log.info("Web Push of notification {} answered {}", n.id(), status);
        if (status == 404 || status == 410) {
            // The browser unsubscribed or the subscription expired: no message will ever reach it.
            subscriptions.find(n.subscriptionId()).ifPresent(s -> subscriptions.unsubscribe(s.tenantId(), s.id()));
            return Delivery.rejected("push subscription gone (" + status + "): unsubscribed");
        }
        if (status == 429 || status >= 500) {
            return Delivery.retry("push service answered " + status);
        }
        // 400 malformed, 401/403 the VAPID key is not the one the browser subscribed with, 413 too large:
        // sending the same again cannot succeed.
        return Delivery.rejected("push service refused (" + status + ")");
    }

    /** The JSON the service worker shows; the tag makes a message sent again replace itself in the browser. */
    private static byte[] payload(Notification n) {
        ObjectNode json = JSON.createObjectNode();
        json.put("title", cut(n.message().subject()));
        json.put("body", cut(firstLine(n.message().text())));
        json.put("url", n.message().url());
        json.put("tag", n.idempotencyKey());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text's first line is the headline ("お荷物は本日配達中です。"); the rest is for e-mail. */
    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    /** Delivery-day news is worth little an hour later; the rest is kept for an offline browser. */
    private int ttlSeconds(Milestone m) {
        Duration ttl = m == Milestone.STOPS_AWAY || m == Milestone.ARRIVING_SOON
                ? min(settings.ttl(), Duration.ofHours(1)) : settings.ttl();
        return (int) Math.min(ttl.toSeconds(), Integer.MAX_VALUE);
    }

    /** The van is on its way: a phone in power saving still gets these at once (RFC 8030 section 5.3). */
    static WebPush.Urgency urgency(Milestone m) {
        return switch (m) {
            case OUT_FOR_DELIVERY, STOPS_AWAY, ARRIVING_SOON -> WebPush.Urgency.High;
            default -> WebPush.Urgency.Normal;
        };
    }

    /**
     * The Topic header (RFC 8030 section 5.4, at most 32 base64url characters): a message sent again
     * after a crash replaces the first one while the push service still holds it, so an offline
     * browser gets it once. The idempotency key itself when it fits, else a hash of it.
     */
    static String topic(String idempotencyKey) {
        if (idempotencyKey.length() <= 32 && idempotencyKey.matches("[A-Za-z0-9_-]+")) {
            return idempotencyKey;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebPush webPush() {
        WebPush w = webPush;
        if (w == null) {
            w = new WebPush(subject(), keys.keys());
            webPush = w;
        }
        return w;
    }

    /** RFC 8292 section 2.1: a contact for the push service's operator. */
    private String subject() {
        if (settings.subject() != null) {
            return settings.subject();
        }
        try {
            return "mailto:" + new InternetAddress(notify.mail().from()).getAddress();
        } catch (AddressException e) {
            return "mailto:noreply@localhost";
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
