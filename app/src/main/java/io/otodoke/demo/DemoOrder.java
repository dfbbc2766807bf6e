package io.otodoke.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An order of the demo shop おとどけ商店 (デモ).
 *
 * @param orderedBefore how long before the world's origin (see {@link DemoWorld}) the order was
 *                      placed, in simulated time; the shipments' scripts start at that moment
 * @param totalYen      what the customer paid: the items plus shipping
 *                      ({@link DemoWorld#SHIPPING_FEE_YEN} below {@link DemoWorld#FREE_SHIPPING_FROM_YEN})
 * @param gift          the parcel goes to someone else than the customer (ギフト)
 */
public record DemoOrder(String orderNumber, String customerEmail, String customerName,
                        Duration orderedBefore, List<DemoItem> items, long totalYen, boolean gift,
                        List<DemoShipment> shipments) {

    public DemoOrder {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(orderedBefore, "orderedBefore");
        items = List.copyOf(items);
        shipments = List.copyOf(shipments);
        if (orderedBefore.isNegative()) {
            throw new IllegalArgumentException("orders are placed before the origin: " + orderedBefore);
        }
    }

    public long itemsTotalYen() {
        return items.stream().mapToLong(DemoItem::lineTotalYen).sum();
    }
}
