package io.otodoke.notify.web;

import io.otodoke.account.Caller;
import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.notify.Channel;
import io.otodoke.notify.Milestone;
import io.otodoke.notify.PreferenceStore;
import io.otodoke.notify.Preferences;
import io.otodoke.notify.PushAddress;
import io.otodoke.notify.PushKeys;
import io.otodoke.notify.Subscription;
import io.otodoke.notify.Subscriptions;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browsers subscribing to Web Push on a tracking page ({@code static/js/push.js}): the VAPID public
 * key they subscribe with (public), and their {@code PushSubscription} posted for a signed-in
 * shopper's order (session and CSRF token, role SHOPPER; someone else's order is not found) or for
 * the shipment of a share link (the token is the credential, see SecurityConfiguration). The same
 * browser subscribing twice is one subscription; DELETE with the same endpoint ends it.
 */
@RestController
class PushSubscriptionApi {

    static final String CHANNEL = "webpush";
    /** A share link is anonymous: enough for a family's phones and laptops, not for filling the outbox. */
    static final int MAX_PER_SHARED_SHIPMENT = 20;

    private final PushKeys keys;
    private final Subscriptions subscriptions;
    private final PreferenceStore preferences;
    private final ShipmentRegistry registry;
    private final ShareLinks shareLinks;
    private final Channel webPush;

    PushSubscriptionApi(PushKeys keys, Subscriptions subscriptions, PreferenceStore preferences,
                        ShipmentRegistry registry, ShareLinks shareLinks, List<Channel> channels) {
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.registry = registry;
        this.shareLinks = shareLinks;
        this.webPush = channels.stream().filter(c -> c.code().equals(CHANNEL)).findFirst().orElseThrow();
    }

    record PublicKey(String publicKey) {
    }

    @GetMapping("/api/v1/push/vapid-public-key")
    PublicKey publicKey() {
        return new PublicKey(keys.publicKey());
    }

    @PostMapping(path = "/orders/{orderId}/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> subscribeOrder(@PathVariable String orderId, @RequestBody String body,
                                                       Caller shopper) {
        OrderView order = own(orderId, shopper);
        PushAddress address = address(body);
        Preferences p = preferences.of(shopper.userId());
        Subscription s = subscriptions.subscribe(new Subscriptions.NewSubscription(order.tenantId(), null, order.id(),
                shopper.userId(), shopper.email(), CHANNEL, address.json(), p.language(), p.milestones(),
                p.stopsAwayThreshold(), shopper.actor()));
        return subscribed(s);
    }

    @DeleteMapping(path = "/orders/{orderId}/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unsubscribeOrder(@PathVariable String orderId, @RequestBody String body, Caller shopper) {
        OrderView order = own(orderId, shopper);
        return unsubscribe(order.tenantId(), null, order.id(), endpointOf(body));
    }

    @PostMapping(path = "/s/{token}/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> subscribeShared(@PathVariable String token, @RequestBody String body,
                                                        Locale locale) {
        ShareLink link = active(token);
        PushAddress address = address(body);
        List<Subscription> existing = pushSubscriptions(link.tenantId(), link.shipmentId(), null);
        if (existing.size() >= MAX_PER_SHARED_SHIPMENT && existing.stream().noneMatch(sameEndpoint(address.endpoint()))) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "too-many-push-subscriptions", "Too many subscriptions",
                    "This shipment already has " + MAX_PER_SHARED_SHIPMENT + " browsers subscribed.");
        }
        // The holder has no account and no preferences: the installation's defaults, in the page's language.
        Subscription s = subscriptions.subscribe(new Subscriptions.NewSubscription(link.tenantId(), link.shipmentId(),
                null, null, null, CHANNEL, address.json(), "en".equals(locale.getLanguage()) ? "en" : "ja",
                Milestone.defaults(), Subscription.DEFAULT_STOPS_AWAY, "share-link:" + link.id()));
        return subscribed(s);
    }

    @DeleteMapping(path = "/s/{token}/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unsubscribeShared(@PathVariable String token, @RequestBody String body) {
        ShareLink link = active(token);
        return unsubscribe(link.tenantId(), link.shipmentId(), null, endpointOf(body));
    }

    private PushAddress address(String body) {
        String problem = webPush.invalidAddress(body);
        if (problem != null) {
            throw ProblemType.invalidField("subscription", problem);
        }
        return PushAddress.parse(body);
    }

    /** Only the endpoint is needed to unsubscribe; knowing it is proof enough that this is the browser. */
    private static String endpointOf(String body) {
        String endpoint = PushAddress.endpointOf(body);
        if (endpoint == null) {
            throw ProblemType.invalidField("endpoint", "give the subscription's endpoint");
        }
        return endpoint;
    }

    private ResponseEntity<Void> unsubscribe(long tenantId, Long shipmentId, Long orderId, String endpoint) {
        pushSubscriptions(tenantId, shipmentId, orderId).stream().filter(sameEndpoint(endpoint))
                .forEach(s -> subscriptions.unsubscribe(tenantId, s.id()));
        return ResponseEntity.noContent().build();
    }

    private List<Subscription> pushSubscriptions(long tenantId, Long shipmentId, Long orderId) {
        return subscriptions.of(tenantId, shipmentId, orderId).stream().filter(s -> s.channel().equals(CHANNEL)).toList();
    }

    private static Predicate<Subscription> sameEndpoint(String endpoint) {
        return s -> {
            try {
                return PushAddress.parse(s.address()).endpoint().equals(endpoint);
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }

    private static ResponseEntity<Map<String, Object>> subscribed(Subscription s) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("subscribed", true, "subscriptionId", s.id()));
    }

    private OrderView own(String id, Caller shopper) {
        try {
            if (shopper.userId() == null) {
                throw ProblemType.notFound("Order " + id);
            }
            return registry.order(shopper, Long.parseLong(id)).orElseThrow(() -> ProblemType.notFound("Order " + id));
        } catch (NumberFormatException e) {
            throw ProblemType.notFound("Order " + id);
        }
    }

    /** An expired or revoked link subscribes nobody; it looks like one that never existed. */
    private ShareLink active(String token) {
        return shareLinks.find(token).filter(l -> l.state(shareLinks.now()) == ShareLink.State.ACTIVE)
                .orElseThrow(() -> ProblemType.notFound("Share link"));
    }
}
