package io.otodoke.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Outbound webhooks: a signed JSON POST per message to a shop's endpoint (docs/notifications.md,
 * "Webhooks"). The subscription's address is the endpoint's id; only {@link WebhookEndpoints}
 * makes such subscriptions, for the endpoint's own tenant. 2xx is sent; 410 Gone disables the
 * endpoint; anything else, or no answer within the timeout, is tried again with the dispatcher's
 * backoff for {@code retry-for} (24 h).
 */
@Component
class WebhookChannel implements Channel {

    static final String CODE = "webhook";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    /** In {@code data}: what {@code shipment} and {@code order} already say. */
    private static final Set<String> NOT_DATA = Set.of("shipmentId", "carrier", "trackingNumber", "status", "orderNumber");

    private final WebhookEndpoints endpoints;
    private final WebhookPoster poster;
    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookChannel(WebhookEndpoints endpoints, WebhookPoster poster, WebhookProperties properties, ObjectMapper json,
                   Clock clock) {
        this.endpoints = endpoints;
        this.poster = poster;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    /** An endpoint subscribes itself to its tenant when it is made; there is nothing to subscribe by hand. */
    @Override
    public String invalidAddress(String address) {
        return "webhook endpoints receive every shipment of the shop: create one with POST /api/v1/webhook-endpoints";
    }

    /** The receiver reads the data; the templates for people are not rendered. */
    @Override
    public boolean readsText() {
        return false;
    }

    @Override
    public Duration retryFor() {
        return properties.retryFor();
    }

    @Override
    public Delivery send(Notification n) {
        return send(List.of(n)).getFirst();
    }

    /**
     * Looks the batch's endpoints up at once, posts each message on its own virtual thread, then
     * records each endpoint's health once: its successes reset its failures, then its failures of
     * this batch are counted (so a batch that failed all through moves it towards disabling, and
     * one with mixed answers is counted as it ended, with the failures).
     */
    @Override
    public List<Delivery> send(List<Notification> batch) {
        Map<Long, WebhookEndpoints.Target> targets = endpoints.targets(
                batch.stream().map(n -> endpointId(n.address())).flatMap(Optional::stream).distinct().toList());
        Map<Long, Integer> succeeded = new ConcurrentHashMap<>();
        Map<Long, List<Integer>> failed = new ConcurrentHashMap<>();
        List<Delivery> out = Channel.concurrently(batch, n -> {
            WebhookEndpoints.Target t = endpointId(n.address()).map(targets::get).orElse(null);
            if (t == null) {
                return Delivery.rejected("webhook endpoint deleted");
            }
            if (!t.enabled()) {
                return Delivery.rejected("webhook endpoint disabled");
            }
            WebhookPoster.Answer answer = poster.post(t.url(), t.secret(), n.idempotencyKey(), body(n));
            if (answer.accepted()) {
                succeeded.put(t.id(), answer.status());
                return Delivery.sent();
            }
            if (answer.status() != null && answer.status() == 410) {
                endpoints.gone(t.id());
                return Delivery.rejected("endpoint answered 410 Gone: disabled");
            }
            failed.computeIfAbsent(t.id(), k -> Collections.synchronizedList(new ArrayList<>())).add(answer.status());
            String why = answer.status() != null ? "endpoint answered " + answer.status() : answer.error();
            log.debug("Webhook of notification {} to endpoint {} not accepted: {}", n.id(), t.id(), why);
            return Delivery.retry(why);
        });
        // written only when it changes the row: every message of a tenant goes to the same row
        succeeded.forEach((id, status) -> {
            if (targets.get(id).changedBy(status)) {
                endpoints.succeeded(id, status);
            }
        });
        failed.forEach((id, statuses) -> endpoints.failed(id, statuses.getLast(), statuses.size()));
        return out;
    }

    /**
     * The body: the shipment's identity and status, the order number, the milestone's facts. No
     * recipient's name, address or e-mail: a shop that needs them has them under the order number.
     */
    byte[] body(Notification n) {
        Map<String, String> data = n.message().data();
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("id", Long.parseLong(data.get("shipmentId")));
        shipment.put("carrier", data.get("carrier"));
        shipment.put("trackingNumber", data.get("trackingNumber"));
        shipment.put("status", data.get("status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", n.idempotencyKey());
        body.put("type", "milestone");
        body.put("occurredAt", clock.instant().toString());
        body.put("milestone", n.milestone().name());
        body.put("shipment", shipment);
        body.put("order", data.containsKey("orderNumber") ? Map.of("number", data.get("orderNumber")) : null);
        Map<String, String> rest = new LinkedHashMap<>(data);
        rest.keySet().removeAll(NOT_DATA);
        body.put("data", rest);
        return json.writeValueAsBytes(body);
    }

    private static Optional<Long> endpointId(String address) {
        try {
            return Optional.of(Long.parseLong(address));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
