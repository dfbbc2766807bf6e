package io.otodoke.connector.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.connector.CarrierHealth;
import io.otodoke.connector.ConnectorHealth;
import io.otodoke.connector.webhook.WebhookSummary;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.UnknownWord;
import io.otodoke.web.PageController;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operators' view of the connectors: health per source, and words the tables do not know yet. */
@PageController
class ConnectorPage {

    private final CarrierHealth health;
    private final ShipmentRegistry registry;
    private final WebhookSummary webhooks;

    ConnectorPage(CarrierHealth health, ShipmentRegistry registry, WebhookSummary webhooks) {
        this.health = health;
        this.registry = registry;
        this.webhooks = webhooks;
    }

    /** Times in Japan time. */
    record Row(ConnectorHealth health, LocalDateTime lastSuccess, LocalDateTime lastFailure) {
    }

    /** @param webhooks null unless the caller is an administrator (webhooks serve the whole installation) */
    record Page(List<Row> connectors, List<UnknownWord> unknownWords, List<WebhookSummary.Source> webhooks) {
    }

    @GetMapping("/connectors")
    String connectors(Caller caller, Model model) {
        model.addAttribute("page", new Page(health.all().stream()
                .map(h -> new Row(h, japan(h.lastSuccess()), japan(h.lastFailure()))).toList(),
                registry.unknownWords(caller, ConnectorApi.UNKNOWN_WORDS), caller.is(Role.ADMIN) ? webhooks.bySource() : null));
        return "connector/connectors";
    }

    private static LocalDateTime japan(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }
}
