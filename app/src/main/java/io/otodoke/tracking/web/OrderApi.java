package io.otodoke.tracking.web;

import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.Tenant;
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

    OrderApi(ShipmentRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An order with its shipments and their timelines")
    OrderView order(@PathVariable long id) {
        return registry.order(Tenant.DEFAULT_ID, id).orElseThrow(() -> ProblemType.notFound("Order " + id));
    }
}
