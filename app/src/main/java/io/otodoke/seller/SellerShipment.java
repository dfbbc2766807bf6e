package io.otodoke.seller;

import java.time.Instant;

/**
 * What a seller says about one order's parcel: a tracking number (carrier given or detected), or an
 * untracked shipping method such as {@code teikeigai} (定形外郵便).
 *
 * @param row            the row number in a CSV file (1 is the header), or 0 for a single request
 * @param shippingMethod an untracked method of {@code otodoke.seller.untracked-methods}, or any
 *                       name of a tracked service (kept for nobody, e.g. 宅急便), or null
 * @param shippedAt      when the parcel left; now when null
 */
public record SellerShipment(int row, String orderNumber, String carrier, String trackingNumber, String shippingMethod,
                             Instant shippedAt) {
}
