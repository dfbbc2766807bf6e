package io.otodoke.safety.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.safety.ExpectedParcels;
import io.otodoke.tracking.ShipmentRegistry;
import org.springframework.stereotype.Component;

/**
 * The parcels a signed-in shopper expects: the shipments of their own orders (design/safety.md
 * §4.2). Nobody else gets the check: an operator's scope is the shop's parcels, not the ones a
 * message to them could be about.
 */
@Component
class YourParcels {

    /** The newest shipments looked at; a shopper with more has older ones finished anyway. */
    static final int LIMIT = 500;

    private final ShipmentRegistry registry;

    YourParcels(ShipmentRegistry registry) {
        this.registry = registry;
    }

    /** Whether the caller's parcels are compared: a signed-in shopper. */
    static boolean applies(Caller caller) {
        return caller != null && caller.is(Role.SHOPPER);
    }

    /** Null when the caller is not a signed-in shopper. */
    ExpectedParcels of(Caller caller) {
        if (!applies(caller)) {
            return null;
        }
        return new ExpectedParcels(registry.shipments(caller, null, null, LIMIT).stream()
                .map(s -> new ExpectedParcels.Parcel(s.carrier(), s.trackingNumber(), !s.status().isFinished()))
                .toList());
    }
}
