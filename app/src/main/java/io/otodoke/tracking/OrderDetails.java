package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/**
 * The order a shipment belongs to, as the shop registers it. {@code orderNumber} is the shop's
 * own number and the natural key within a tenant.
 */
public record OrderDetails(String orderNumber, String customerEmail, String customerName, Instant orderedAt,
                           List<OrderItem> items, Long totalYen, boolean gift, String giverName,
                           String giftMessage) {

    public OrderDetails {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
