package io.otodoke.notify.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.notify.Milestone;
import io.otodoke.notify.WebhookEndpoint;
import io.otodoke.notify.WebhookEndpoints;
import io.otodoke.notify.WebhookPoster;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop's webhook endpoints (role OPERATOR; an administrator reads every tenant's). Each receives
 * every milestone of the tenant's shipments, signed with its secret, which the answer to POST shows
 * once (docs/notifications.md, "Webhooks").
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@Tag(name = "Webhook endpoints", description = "URLs of the shop that receive its shipments' milestones as signed JSON")
class WebhookEndpointApi {

    private final WebhookEndpoints endpoints;

    WebhookEndpointApi(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** @param milestones default: all of them */
    record NewEndpoint(String url, List<String> milestones) {
    }

    record EndpointJson(long id, String url, Set<Milestone> milestones, boolean enabled, int consecutiveFailures,
                        String disabledReason, Instant disabledAt, Integer lastStatus, Instant lastFailureAt,
                        String createdBy, Instant createdAt, String secret) {

        static EndpointJson of(WebhookEndpoint e, String secret) {
            return new EndpointJson(e.id(), e.url(), new TreeSet<>(e.milestones()), e.enabled(), e.consecutiveFailures(),
                    e.disabledReason(), e.disabledAt(), e.lastStatus(), e.lastFailureAt(), e.createdBy(), e.createdAt(),
                    secret);
        }
    }

    /** @param status the receiver's HTTP status, null when it did not answer (then {@code error} says why) */
    record TestJson(boolean accepted, Integer status, String error) {
    }

    @PostMapping
    @Operation(summary = "Add an endpoint; the answer holds its signing secret, shown this once")
    ResponseEntity<EndpointJson> create(@RequestBody NewEndpoint body, Caller caller) {
        String url = body.url() == null ? "" : body.url().strip();
        String invalid = url.isEmpty() ? "url is required" : endpoints.invalidUrl(url);
        if (invalid != null) {
            throw ProblemType.invalidField("url", invalid);
        }
        WebhookEndpoints.Created c = endpoints.create(caller.tenantId(), url, milestones(body.milestones()), caller.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(EndpointJson.of(c.endpoint(), c.secret()));
    }

    @GetMapping
    @Operation(summary = "The tenant's endpoints with their state, newest first (never their secrets)")
    Map<String, List<EndpointJson>> list(Caller caller) {
        return Map.of("endpoints", endpoints.of(scope(caller)).stream().map(e -> EndpointJson.of(e, null)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint with its state")
    EndpointJson get(@PathVariable long id, Caller caller) {
        return endpoints.find(scope(caller), id).map(e -> EndpointJson.of(e, null))
                .orElseThrow(() -> ProblemType.notFound("Webhook endpoint " + id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an endpoint: messages not sent yet are not sent")
    ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
        if (!endpoints.delete(caller.tenantId(), id)) {
            throw ProblemType.notFound("Webhook endpoint " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send a 'test' event now and tell what the endpoint answered")
    TestJson test(@PathVariable long id, Caller caller) {
        WebhookPoster.Answer a = endpoints.sendTest(caller.tenantId(), id)
                .orElseThrow(() -> ProblemType.notFound("Webhook endpoint " + id));
        return new TestJson(a.accepted(), a.status(), a.error());
    }

    /** An administrator reads every tenant's endpoints. */
    private static Long scope(Caller caller) {
        return caller.is(Role.ADMIN) ? null : caller.tenantId();
    }

    static Set<Milestone> milestones(List<String> names) {
        if (names == null) {
            return EnumSet.allOf(Milestone.class);
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
