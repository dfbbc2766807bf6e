package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/** An order with its shipments. */
public record OrderView(long id, long tenantId, String orderNumber, String customerEmail, String customerName,
                        Instant orderedAt, List<OrderItem> items, Long totalYen, boolean gift, String giverName,
                        String giftMessage, Long sellerId, boolean giftShowGiver, boolean giftShowItems,
                        List<ShipmentView> shipments) {
}
