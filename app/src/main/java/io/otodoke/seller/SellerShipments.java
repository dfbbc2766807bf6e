package io.otodoke.seller;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Seller;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.SellerOrders;
import io.otodoke.tracking.SellerOrders.OrderRef;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A seller's parcels (docs/sellers.md): tracking numbers checked by {@link NumberCheck} and stored
 * as outbound legs of the seller's orders, untracked dispatches with their expected window, and the
 * orders still waiting to be sent. A seller acts on its own orders only; an operator on the orders
 * of its tenant. Each row stands alone: a bad row is explained and never stops the good ones.
 */
@Service
public class SellerShipments {

    /** The most orders a list shows. */
    static final int MAX_LISTED = 500;

    private final SellerOrders orders;
    private final ShipmentRegistry registry;
    private final NumberCheck numbers;
    private final ShipByDeadline deadline;
    private final SellerProperties properties;
    private final Tenants tenants;

    SellerShipments(SellerOrders orders, ShipmentRegistry registry, NumberCheck numbers, ShipByDeadline deadline,
                    SellerProperties properties, Tenants tenants) {
        this.orders = orders;
        this.registry = registry;
        this.numbers = numbers;
        this.deadline = deadline;
        this.properties = properties;
        this.tenants = tenants;
    }

    /**
     * An order waiting to be sent.
     *
     * @param shipBy when it becomes late
     * @param late   past {@code shipBy} now
     */
    public record OrderLine(long id, String orderNumber, Long sellerId, String sellerName, String customerName,
                            Instant orderedAt, Instant shipBy, boolean late) {
    }

    /** The untracked methods and their windows in days, for forms and docs. */
    public Map<String, SellerProperties.Window> untrackedMethods() {
        Map<String, SellerProperties.Window> out = new java.util.LinkedHashMap<>();
        properties.untrackedMethods().keySet().forEach(m -> out.put(m, properties.window(m)));
        return out;
    }

    /** Stores each row that passes its checks; every row gets its result, in the order given. */
    public List<RowResult> add(Caller by, List<SellerShipment> rows) {
        long tenantId = tenantOf(by);
        Map<String, Integer> seenNumbers = new HashMap<>();
        List<RowResult> out = new ArrayList<>(rows.size());
        for (SellerShipment s : rows) {
            out.add(addOne(by, tenantId, s, seenNumbers));
        }
        return out;
    }

    private RowResult addOne(Caller by, long tenantId, SellerShipment s, Map<String, Integer> seenNumbers) {
        if (s.orderNumber() == null || s.orderNumber().isBlank()) {
            return RowResult.refused(s, "missing-order-number", "orderNumber", "orderNumber is required");
        }
        Optional<OrderRef> found = orders.order(tenantId, s.orderNumber().trim());
        if (found.isEmpty()) {
            return RowResult.refused(s, "unknown-order", "orderNumber", "no order '" + s.orderNumber() + "' in this shop");
        }
        OrderRef order = found.get();
        if (by.is(Role.SELLER) && !by.sellerId().equals(order.sellerId())) {
            return RowResult.refused(s, "order-of-another-seller", "orderNumber", "order '" + s.orderNumber()
                    + "' is not one of this seller's orders");
        }
        Instant now = deadline.now();
        Instant shippedAt = s.shippedAt() == null ? now : s.shippedAt();
        if (shippedAt.isAfter(now.plus(java.time.Duration.ofDays(1)))) {
            return RowResult.refused(s, "future-timestamp", "shippedAt", "shippedAt is more than a day in the future");
        }
        String method = s.shippingMethod() == null || s.shippingMethod().isBlank() ? null : s.shippingMethod().trim();
        boolean hasNumber = s.trackingNumber() != null && !s.trackingNumber().isBlank();
        SellerProperties.Window window = properties.window(method);
        if (window != null) {
            if (hasNumber) {
                return RowResult.refused(s, "number-with-untracked-method", "trackingNumber", "'" + method
                        + "' is sent without a tracking number; leave trackingNumber empty or give the tracked method");
            }
            return untracked(by, tenantId, order, s, method, window, shippedAt);
        }
        if (!hasNumber && method != null) {
            return RowResult.refused(s, "unknown-shipping-method", "shippingMethod", "'" + method + "' is not a method "
                    + "sent without a tracking number (" + String.join(", ", properties.untrackedMethods().keySet())
                    + "); give the tracking number");
        }
        NumberCheck.Result checked = numbers.check(s.carrier(), s.trackingNumber());
        if (checked.error() != null) {
            return new RowResult(s.row(), s.orderNumber(), RowResult.Outcome.REFUSED, null, null, null, null, null, null,
                    checked.error());
        }
        String key = checked.carrier() + ":" + checked.normalized();
        Integer earlier = seenNumbers.putIfAbsent(key, s.row());
        if (earlier != null) {
            return RowResult.refused(s, "duplicate", "trackingNumber", "row " + earlier + " has the same number");
        }
        RegistrationOutcome outcome = registry.register(tenantId, List.of(new ShipmentRegistration(checked.carrier(),
                s.trackingNumber(), ShipmentLeg.OUTBOUND, orderNumberOnly(order.orderNumber()), null, false,
                shippedAt))).getFirst();
        if (outcome.error() != null) {
            return RowResult.refused(s, outcome.error().code(), outcome.error().field(), outcome.error().detail());
        }
        if (!outcome.created()) {
            Long onOrder = registry.shipment(tenantId, outcome.shipmentId()).map(v -> v.orderId()).orElse(null);
            if (!Long.valueOf(order.id()).equals(onOrder)) {
                return RowResult.refused(s, "duplicate", "trackingNumber", checked.carrier() + " " + checked.normalized()
                        + " is already registered for another order");
            }
        }
        return new RowResult(s.row(), order.orderNumber(), outcome.created() ? RowResult.Outcome.STORED
                : RowResult.Outcome.ALREADY_STORED, outcome.shipmentId(), checked.carrier(), checked.normalized(),
                null, null, null, null);
    }

    private RowResult untracked(Caller by, long tenantId, OrderRef order, SellerShipment s, String method,
                                SellerProperties.Window window, Instant shippedAt) {
        LocalDate sent = shippedAt.atZone(EventTime.TOKYO).toLocalDate();
        var u = new SellerOrders.UntrackedShipment(order.id(), method, shippedAt, sent.plusDays(window.minDays()),
                sent.plusDays(window.maxDays()));
        boolean created = orders.markUntracked(tenantId, u, by.actor());
        var stored = created ? u : orders.untracked(order.id()).orElse(u);
        return new RowResult(s.row(), order.orderNumber(), created ? RowResult.Outcome.STORED
                : RowResult.Outcome.ALREADY_STORED, null, null, null, stored.method(), stored.expectedFrom(),
                stored.expectedTo(), null);
    }

    /**
     * The operator registers a seller's order before it ships (idempotent on the order number): the
     * order then waits on the seller's page until a number or an untracked dispatch arrives.
     */
    public SellerOrders.CreatedOrder createOrder(Caller operator, OrderDetails details) {
        if (!operator.is(Role.OPERATOR) || operator.tenantId() == null) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The shop's operator registers orders.");
        }
        if (details == null || details.orderNumber() == null || details.orderNumber().isBlank()) {
            throw ProblemType.invalidField("orderNumber", "an order needs its orderNumber");
        }
        Seller seller = (details.seller() == null ? Optional.<Seller>empty() : tenants.seller(operator.tenantId(), details.seller()))
                .orElseThrow(() -> ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-seller", "Unknown seller",
                        "seller names a seller of this shop by its code"));
        return orders.createOrder(operator.tenantId(), details, seller.id());
    }

    /** An order of the caller's scope by id; any other id is not found. */
    public Optional<OrderRef> order(Caller by, long orderId) {
        return orders.order(tenantOf(by), orderId)
                .filter(o -> o.sellerId() != null && (!by.is(Role.SELLER) || by.sellerId().equals(o.sellerId())));
    }

    /** The caller's seller orders still waiting to be sent, oldest first, each with its late flag. */
    public List<OrderLine> awaiting(Caller by) {
        return lines(by, null);
    }

    /** The caller's seller orders past their ship-by deadline without a number or an untracked dispatch. */
    public List<OrderLine> late(Caller by) {
        return lines(by, deadline.lateIfOrderedBefore());
    }

    private List<OrderLine> lines(Caller by, Instant orderedBefore) {
        long tenantId = tenantOf(by);
        Long sellerOnly = by.is(Role.SELLER) ? by.sellerId() : null;
        Map<Long, String> names = new HashMap<>();
        tenants.sellers(tenantId).forEach(s -> names.put(s.id(), s.name()));
        return orders.awaiting(tenantId, sellerOnly, orderedBefore, MAX_LISTED).stream()
                .map(o -> new OrderLine(o.id(), o.orderNumber(), o.sellerId(), names.get(o.sellerId()),
                        o.customerName(), o.orderedAt(), deadline.shipBy(o.orderedAt()), deadline.late(o.orderedAt())))
                .toList();
    }

    /** The seller the caller acts for, when it is a seller. */
    public Optional<Seller> sellerOf(Caller by) {
        return by.is(Role.SELLER) ? tenants.seller(by.sellerId()) : Optional.empty();
    }

    private static long tenantOf(Caller by) {
        if (!(by.is(Role.SELLER) || by.is(Role.OPERATOR)) || by.tenantId() == null) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only a seller or its shop's operator adds a seller's shipments.");
        }
        return by.tenantId();
    }

    private static OrderDetails orderNumberOnly(String orderNumber) {
        return new OrderDetails(orderNumber, null, null, null, List.of(), null, false, null, null, null, false, false);
    }
}
