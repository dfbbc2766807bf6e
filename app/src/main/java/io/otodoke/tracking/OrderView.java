package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/** An order with its shipments. */
public record OrderView(long id, String orderNumber, String customerEmail, String customerName, Instant orderedAt,
                        List<OrderItem> items, Long totalYen, boolean gift, String giverName, String giftMessage,
                        List<ShipmentView> shipments) {
}
