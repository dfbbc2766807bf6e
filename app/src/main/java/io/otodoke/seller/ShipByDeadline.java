package io.otodoke.seller;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When a seller's order is late: it has neither a valid tracking number nor an untracked dispatch
 * {@code otodoke.seller.ship-within} after it was ordered. Orders carry no ship-by date of their
 * own (nothing in the order APIs sets one), so the deadline is the same for every order.
 */
@Component
public class ShipByDeadline {

    private final Clock clock;
    private final SellerProperties properties;

    public ShipByDeadline(Clock clock, SellerProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public Instant shipBy(Instant orderedAt) {
        return orderedAt.plus(properties.shipWithin());
    }

    /** True when an order placed at {@code orderedAt} and not sent yet is past its deadline now. */
    public boolean late(Instant orderedAt) {
        return clock.instant().isAfter(shipBy(orderedAt));
    }

    /** Orders placed before this instant and still unsent are late now. */
    public Instant lateIfOrderedBefore() {
        return clock.instant().minus(properties.shipWithin());
    }

    public Instant now() {
        return clock.instant();
    }
}
