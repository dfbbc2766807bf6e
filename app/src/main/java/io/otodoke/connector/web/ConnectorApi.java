package io.otodoke.connector.web;

import io.otodoke.account.Caller;
import io.otodoke.connector.CarrierHealth;
import io.otodoke.connector.ConnectorHealth;
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

    ConnectorApi(CarrierHealth health, ShipmentRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    record Health(List<ConnectorHealth> connectors, List<UnknownWord> unknownWords) {
    }

    @GetMapping("/api/v1/connectors")
    @Operation(summary = "Each connector's success rate, latency, last success and circuit state, and the words no table maps yet",
            description = "Unknown words are those of the caller's shipments, most frequent first (at most 100).")
    Health health(Caller caller) {
        return new Health(health.all(), registry.unknownWords(caller, UNKNOWN_WORDS));
    }
}
