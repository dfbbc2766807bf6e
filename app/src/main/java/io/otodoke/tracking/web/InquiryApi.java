package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The support inquiry kit for a shop's own systems (issue 7, item 5): what to tell the carrier or the shop. */
@RestController
@Tag(name = "Shipments")
class InquiryApi {

    private final ShipmentRegistry registry;
    private final InquiryKits kits;

    InquiryApi(ShipmentRegistry registry, InquiryKits kits) {
        this.registry = registry;
        this.kits = kits;
    }

    @GetMapping("/api/v1/shipments/{id}/inquiry")
    @Operation(summary = "What a customer needs to ask about a shipment",
            description = "Order and tracking number, the carrier's customer service (or the shop for its own vans), "
                    + "the current status and since when, the stale reason, what to do next, and a Japanese text "
                    + "to copy. Texts follow Accept-Language (Japanese by default); copyText is always Japanese. "
                    + "Never contains the recipient's address or phone, nor prices. Another key's shipment is 404.")
    InquiryKit inquiry(@PathVariable long id, Caller caller, Locale locale) {
        ShipmentView s = registry.shipment(caller, id).orElseThrow(() -> ProblemType.notFound("Shipment " + id));
        OrderView order = s.orderId() == null ? null : registry.order(caller, s.orderId()).orElse(null);
        return kits.of(s, order, Audience.STAFF, locale);
    }
}
