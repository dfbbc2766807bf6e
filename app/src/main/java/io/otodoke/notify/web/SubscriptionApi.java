package io.otodoke.notify.web;

import io.otodoke.account.Caller;
import io.otodoke.notify.Channel;
import io.otodoke.notify.Milestone;
import io.otodoke.notify.Subscription;
import io.otodoke.notify.Subscriptions;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop's subscriptions (role OPERATOR, see SecurityConfiguration): to one shipment or one order of
 * its tenant, for an address of the shop's customer. A shipment or order of another tenant is not
 * found, exactly like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Who is told about which shipment's milestones, and how")
class SubscriptionApi {

    private final Subscriptions subscriptions;
    private final ShipmentRegistry registry;
    private final Map<String, Channel> channels;

    SubscriptionApi(Subscriptions subscriptions, ShipmentRegistry registry, List<Channel> channels) {
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::code, Function.identity()));
    }

    /**
     * @param channel            "email" (default); more channels come later
     * @param language           "ja" (default) or "en"
     * @param milestones         default: every milestone but TRACKING_NUMBER_ISSUED
     * @param stopsAwayThreshold STOPS_AWAY fires when this many stops or fewer are left (default 3)
     */
    record NewSubscription(Long shipmentId, Long orderId, String channel, String address, String language,
                           List<String> milestones, Integer stopsAwayThreshold) {
    }

    record SubscriptionJson(long id, Long shipmentId, Long orderId, String channel, String address, String language,
                            Set<Milestone> milestones, int stopsAwayThreshold, String createdBy, Instant createdAt) {

        static SubscriptionJson of(Subscription s) {
            return new SubscriptionJson(s.id(), s.shipmentId(), s.orderId(), s.channel(), s.address(), s.language(),
                    new TreeSet<>(s.milestones()), s.stopsAwayThreshold(), s.createdBy(), s.createdAt());
        }
    }

    @PostMapping
    @Operation(summary = "Subscribe an address to a shipment's or an order's milestones",
            description = "Idempotent: the same target, channel and address give the existing subscription.")
    ResponseEntity<SubscriptionJson> subscribe(@RequestBody NewSubscription body, Caller caller) {
        if ((body.shipmentId() == null) == (body.orderId() == null)) {
            throw ProblemType.invalidField("shipmentId", "give either shipmentId or orderId");
        }
        if (body.shipmentId() != null && registry.shipment(caller, body.shipmentId()).isEmpty()) {
            throw ProblemType.notFound("Shipment " + body.shipmentId());
        }
        if (body.orderId() != null && registry.order(caller, body.orderId()).isEmpty()) {
            throw ProblemType.notFound("Order " + body.orderId());
        }
        String code = body.channel() == null ? "email" : body.channel();
        Channel channel = channels.get(code);
        if (channel == null) {
            throw ProblemType.invalidField("channel", "unknown channel '" + code + "'; one of " + new TreeSet<>(channels.keySet()));
        }
        String invalid = body.address() == null || body.address().isBlank() ? "address is required"
                : channel.invalidAddress(body.address().strip());
        if (invalid != null) {
            throw ProblemType.invalidField("address", invalid);
        }
        String language = body.language() == null ? "ja" : body.language();
        if (!language.equals("ja") && !language.equals("en")) {
            throw ProblemType.invalidField("language", "ja or en");
        }
        int threshold = body.stopsAwayThreshold() == null ? Subscription.DEFAULT_STOPS_AWAY : body.stopsAwayThreshold();
        if (threshold < 1 || threshold > 50) {
            throw ProblemType.invalidField("stopsAwayThreshold", "from 1 to 50");
        }
        Subscription s = subscriptions.subscribe(new Subscriptions.NewSubscription(caller.tenantId(), body.shipmentId(),
                body.orderId(), null, null, code, body.address().strip(), language, milestones(body.milestones()),
                threshold, caller.actor()));
        return ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionJson.of(s));
    }

    @GetMapping
    @Operation(summary = "The tenant's subscriptions, of one shipment or order when given, newest first")
    Map<String, List<SubscriptionJson>> list(@RequestParam(required = false) Long shipmentId,
                                             @RequestParam(required = false) Long orderId, Caller caller) {
        return Map.of("subscriptions", subscriptions.of(caller.tenantId(), shipmentId, orderId).stream()
                .map(SubscriptionJson::of).toList());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe: messages not sent yet are not sent")
    ResponseEntity<Void> unsubscribe(@PathVariable long id, Caller caller) {
        if (!subscriptions.unsubscribe(caller.tenantId(), id)) {
            throw ProblemType.notFound("Subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static Set<Milestone> milestones(List<String> names) {
        if (names == null) {
            return Milestone.defaults();
        }
        Set<Milestone> out = EnumSet.noneOf(Milestone.class);
        for (String n : names) {
            try {
                out.add(Milestone.valueOf(n));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemType.invalidField("milestones", "unknown milestone '" + n + "'; one of "
                        + List.of(Milestone.values()));
            }
        }
        if (out.isEmpty()) {
            throw ProblemType.invalidField("milestones", "choose at least one milestone");
        }
        return out;
    }
}
