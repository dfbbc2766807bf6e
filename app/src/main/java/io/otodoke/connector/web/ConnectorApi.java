package io.otodoke.connector.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.connector.CarrierHealth;
import io.otodoke.connector.ConnectorHealth;
import io.otodoke.connector.webhook.WebhookSummary;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.UnknownWord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Connectors", description = "How the carrier and aggregator connectors are doing")
class ConnectorApi {

    static final int UNKNOWN_WORDS = 100;

    private final CarrierHealth health;
    private final ShipmentRegistry registry;
    private final WebhookSummary webhooks;

    ConnectorApi(CarrierHealth health, ShipmentRegistry registry, WebhookSummary webhooks) {
        this.health = health;
        this.registry = registry;
        this.webhooks = webhooks;
    }

    /** @param webhooks what became of the stored webhook deliveries (administrators only; else absent) */
    record Health(List<ConnectorHealth> connectors, List<UnknownWord> unknownWords, List<WebhookSummary.Source> webhooks) {
    }

    @GetMapping("/api/v1/connectors")
    @Operation(summary = "Each connector's success rate, latency, last success and circuit state, and the words no table maps yet",
            description = "Unknown words are those of the caller's shipments, most frequent first (at most 100).")
    Health health(Caller caller) {
        return new Health(health.all(), registry.unknownWords(caller, UNKNOWN_WORDS),
                caller.is(Role.ADMIN) ? webhooks.bySource() : null);
    }
}
