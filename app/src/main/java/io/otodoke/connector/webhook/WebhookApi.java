package io.otodoke.connector.webhook;

import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Receives pushed deliveries (docs/api.md, "Webhooks"). The order of the checks is the point:
 * a source we know, a secret configured for it, a body within the limit, a valid signature — and
 * only then is anything stored. The answer comes as soon as the raw body is committed;
 * {@link WebhookDrain} parses and ingests it afterwards.
 */
@RestController
@Tag(name = "Webhooks", description = "Signed pushes from aggregators and senders of Otodoke's own formats")
class WebhookApi {

    /** Far above a real push (one AfterShip tracking, one 17TRACK number); a bigger one is not one. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final WebhookInbox inbox;
    private final WebhookDrain drain;
    private final Environment environment;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookApi(WebhookInbox inbox, WebhookDrain drain, Environment environment, ObjectMapper json, Clock clock) {
        this.inbox = inbox;
        this.drain = drain;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/webhooks/{source}")
    @Operation(summary = "Receive a signed webhook delivery",
            description = "Sources: seventeentrack (header sign), aftership (header aftership-hmac-sha256), "
                    + "generic, epcis, csv (header Otodoke-Signature). 202 when stored, 200 when the same "
                    + "delivery was stored before; events are ingested right after.")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String source, HttpServletRequest request)
            throws IOException {
        WebhookSource from = WebhookSource.of(source).orElseThrow(() -> ProblemType.exception(HttpStatus.NOT_FOUND,
                "unknown-webhook-source", "Unknown webhook source", "There is no webhook for '" + clip(source)
                        + "'; the sources are " + Arrays.stream(WebhookSource.values()).map(s -> s.code).toList() + "."));
        String secret = environment.getProperty(from.secretProperty, "");
        if (secret.isBlank()) {
            // Unsigned data is never accepted: without a secret there is no webhook.
            throw ProblemType.exception(HttpStatus.NOT_FOUND, "webhook-not-configured", "Webhook not configured",
                    "The " + from.code + " webhook is not configured on this installation.");
        }
        byte[] body = readBody(request);
        Instant now = clock.instant();
        WebhookSignatures.Verdict verdict = switch (from) {
            case SEVENTEENTRACK -> WebhookSignatures.seventeenTrack(body, secret, request.getHeader("sign"));
            case AFTERSHIP -> WebhookSignatures.afterShip(body, secret, request.getHeader("aftership-hmac-sha256"));
            case GENERIC, EPCIS, CSV -> WebhookSignatures.otodoke(body, secret, request.getHeader("Otodoke-Signature"), now);
        };
        if (!verdict.valid()) {
            throw ProblemType.exception(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
                    verdict.reason() + " Nothing was stored.");
        }
        var id = inbox.store(from.code, dedupeKey(from, body), body, now);
        if (id.isEmpty()) {
            return ResponseEntity.ok(Map.of("status", "duplicate"));
        }
        drain.wake();
        return ResponseEntity.accepted().body(Map.of("status", "accepted", "id", id.get()));
    }

    /**
     * What makes two deliveries the same: AfterShip's {@code event_id} (design/carriers.md §6.2);
     * for the others, the body itself. 17TRACK and our own senders retry with the same bytes, and
     * our signature time is outside the body, so a re-signed retry is still the same delivery.
     */
    private String dedupeKey(WebhookSource from, byte[] body) {
        if (from == WebhookSource.AFTERSHIP) {
            try {
                JsonNode eventId = json.readTree(body).path("event_id");
                if (eventId.isString() && !eventId.asString().isBlank()) {
                    return "event_id:" + clip(eventId.asString());
                }
            } catch (JacksonException e) {
                // not JSON: stored by its hash, and the drain records why it cannot be read
            }
        }
        return "sha256:" + HexFormat.of().formatHex(WebhookSignatures.sha256(body));
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static RuntimeException tooLarge() {
        return ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "A webhook body has at most " + MAX_BODY_BYTES + " bytes. Nothing was stored.");
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
