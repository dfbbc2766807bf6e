package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.tracking.Attention;
import io.otodoke.tracking.CarrierAvailability;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The attention list for a shop's own systems: the same shipments, filters and counts as the /attention page. */
@RestController
@Tag(name = "Shipments")
class AttentionApi {

    private final ShipmentRegistry registry;
    private final CarrierAvailability availability;

    AttentionApi(ShipmentRegistry registry, CarrierAvailability availability) {
        this.registry = registry;
        this.availability = availability;
    }

    /** The list as answered; {@code degradedCarriers} are those whose tracking cannot be read right now. */
    record AttentionResponse(List<Attention.Item> shipments, Map<String, Long> byReason, Map<String, Long> byCarrier,
                             long total, List<String> degradedCarriers) {
    }

    @GetMapping("/api/v1/shipments/attention")
    @Operation(summary = "Stale and exception shipments the key may see, longest waiting first",
            description = "'reason' is NO_CARRIER_SCAN, NO_UPDATE, NOT_DELIVERED_TODAY or EXCEPTION; 'carrier' a carrier "
                    + "code; 'sinceDays' keeps shipments that have needed attention for at least that many days (0 to 365). "
                    + "byReason counts ignore the reason filter and byCarrier counts the carrier filter, so they can "
                    + "be used as facets. At most 500 shipments are listed; 'total' counts all.")
    AttentionResponse attention(@RequestParam(required = false) String reason,
                                @RequestParam(required = false) String carrier,
                                @RequestParam(required = false) Integer sinceDays, Caller caller) {
        Attention.Filter filter;
        try {
            filter = AttentionFilters.of(reason, carrier, sinceDays);
        } catch (IllegalArgumentException e) {
            throw ProblemType.invalidField(e.getMessage(), "reason".equals(e.getMessage())
                    ? "reason is one of " + String.join(", ", Attention.REASONS)
                    : "sinceDays is 0 to " + AttentionFilters.MAX_SINCE_DAYS);
        }
        Attention a = registry.attention(caller, filter);
        List<String> degraded = a.byCarrier().keySet().stream().filter(availability::trackingUnavailable).toList();
        return new AttentionResponse(a.shipments(), a.byReason(), a.byCarrier(), a.total(), degraded);
    }
}
