package io.otodoke.tracking;

import java.util.List;

/**
 * The public lookup of one number: every tracked shipment with that number (a number can be
 * used by more than one carrier), or none.
 *
 * @param query          the number exactly as given
 * @param trackingNumber its normalised form
 */
public record LookupResult(String query, String trackingNumber, List<PublicShipment> shipments) {

    public boolean found() {
        return !shipments.isEmpty();
    }
}
