package io.otodoke.demo;

import io.otodoke.account.DemoUsers;
import io.otodoke.account.Tenant;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.SellerOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo seller's orders that wait for it (docs/sellers.md): one past its ship-by deadline, so
 * the seller's page and the operator's {@code /sellers/late} show a late flag, and two fresh ones to
 * add a number or a 定形外郵便 dispatch to. Created once; a restarted demo keeps them.
 */
final class DemoSellerOrders {

    private DemoSellerOrders() {
    }

    static void create(Tenants tenants, SellerOrders orders, Clock clock) {
        var seller = tenants.seller(Tenant.DEFAULT_ID, DemoUsers.SELLER_CODE).orElse(null);
        if (seller == null) {
            return;
        }
        Instant now = clock.instant();
        order(orders, seller.id(), "YE-LATE-1", now.minus(Duration.ofDays(4)), "抹茶 30g");
        order(orders, seller.id(), "YE-NEW-1", now.minus(Duration.ofHours(3)), "煎茶 100g");
        order(orders, seller.id(), "YE-NEW-2", now.minus(Duration.ofHours(1)), "ほうじ茶 200g");
    }

    private static void order(SellerOrders orders, long sellerId, String number, Instant at, String item) {
        orders.createOrder(Tenant.DEFAULT_ID, new OrderDetails(number, "hanako@example.jp", "山田 花子", at,
                List.of(new OrderItem(item, 1, 1200)), 1200L, false, null, null, null, false, false), sellerId);
    }
}
