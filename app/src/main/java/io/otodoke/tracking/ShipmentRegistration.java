package io.otodoke.tracking;

import java.time.Instant;

/**
 * A shipment to track: the carrier code and the tracking number as given (normalised on
 * registration). Registering the same carrier and number again returns the existing shipment.
 *
 * @param createdAt when the label was created; now when null
 * @param handling  cash on delivery, cool, signature required; none when null
 */
public record ShipmentRegistration(String carrier, String trackingNumber, ShipmentLeg leg, OrderDetails order,
                                   Recipient recipient, boolean international, Instant createdAt, Handling handling) {

    public ShipmentRegistration {
        handling = handling == null ? Handling.NONE : handling;
    }

    public ShipmentRegistration(String carrier, String trackingNumber, ShipmentLeg leg, OrderDetails order,
                                Recipient recipient, boolean international, Instant createdAt) {
        this(carrier, trackingNumber, leg, order, recipient, international, createdAt, Handling.NONE);
    }
}
