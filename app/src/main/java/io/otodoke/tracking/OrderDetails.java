package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/**
 * The order a shipment belongs to, as the shop registers it. {@code orderNumber} is the shop's
 * own number and the natural key within a tenant.
 *
 * @param seller        on a marketplace tenant, the code of the seller whose order it is
 * @param giftShowGiver the giver lets the recipient's share link show the giver's name
 * @param giftShowItems the giver lets the recipient's share link show what is in the parcel (never the prices)
 */
public record OrderDetails(String orderNumber, String customerEmail, String customerName, Instant orderedAt,
                           List<OrderItem> items, Long totalYen, boolean gift, String giverName,
                           String giftMessage, String seller, boolean giftShowGiver, boolean giftShowItems) {

    public OrderDetails {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
