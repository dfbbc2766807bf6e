package io.otodoke.tracking;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;

/**
 * Who is looking at an order or shipment, and so what of it they may see (docs/security.md,
 * design/last-mile.md). A gift has two people: the giver who bought it and the recipient who
 * receives it, and each is kept from the other's private details.
 */
public enum Audience {
    /** the shop's staff: operator, seller of the order, administrator (address and photo views are audited) */
    STAFF,
    /** the signed-in shopper who bought the order for themselves */
    BUYER,
    /** the signed-in shopper who bought the order as a gift */
    GIFT_GIVER,
    /** whoever holds a share link: the recipient, or someone they forwarded it to */
    SHARE_LINK;

    public static Audience of(Caller caller, boolean gift) {
        if (caller.is(Role.SHOPPER)) {
            return gift ? GIFT_GIVER : BUYER;
        }
        return STAFF;
    }

    /** Street, postal code, phone and name of the recipient; otherwise the city at most. */
    public boolean seesFullAddress() {
        return this == STAFF || this == BUYER;
    }

    /**
     * The delivery photo shows the recipient's door: never to a gift's giver (design/last-mile.md).
     * The photos themselves arrive with the fleet module, which asks this.
     */
    public boolean seesDeliveryPhoto() {
        return this != GIFT_GIVER;
    }

    /** The recipient as this audience may see it: whole, or only where it is going (prefecture and city). */
    public Recipient recipient(Recipient r) {
        if (r == null || seesFullAddress()) {
            return r;
        }
        return new Recipient(null, null, r.prefecture(), r.city(), null, null);
    }

    /** What a share link shows of the order's items and giver: a gift's giver decides. */
    public boolean seesItems(OrderView order) {
        return this != SHARE_LINK || !order.gift() || order.giftShowItems();
    }

    public boolean seesGiverName(OrderView order) {
        return this != SHARE_LINK || order.giftShowGiver();
    }
}
