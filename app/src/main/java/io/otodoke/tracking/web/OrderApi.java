package io.otodoke.tracking.web;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderApi {

    private final ShipmentRegistry registry;
    private final AuditLog audit;

    OrderApi(ShipmentRegistry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An order with its shipments and their timelines",
            description = "Only orders the key may see; any other id is 404. Reading recipients' addresses is audited.")
    OrderView order(@PathVariable long id, Caller caller) {
        OrderView order = registry.order(caller, id).orElseThrow(() -> ProblemType.notFound("Order " + id));
        if (order.shipments().stream().anyMatch(s -> s.recipient() != null)) {
            audit.record(caller, order.tenantId(), AuditLog.ADDRESS_VIEWED, "order:" + id);
        }
        return order;
    }
}
