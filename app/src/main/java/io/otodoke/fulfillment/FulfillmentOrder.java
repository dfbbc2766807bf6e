package io.otodoke.fulfillment;

import io.otodoke.tracking.ShipmentView;
import java.time.Instant;
import java.util.List;

/** A fulfilment order with its packages and what tracking says of each. */
public record FulfillmentOrder(long id, long tenantId, FulfillmentOrderRequest request, Instant receivedAt,
                               List<Package> packages, Instant cancelledAt, Instant updatedAt) {

    public FulfillmentOrder {
        packages = List.copyOf(packages);
    }

    /** Cancelled by the shop (MCF's {@code Cancelled}). */
    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** A parcel the shop's warehouse attached, and its tracked shipment (with timeline). */
    public record Package(long packageNumber, String carrier, String trackingNumber, String fulfillmentCenterId,
                          Instant shippingDate, Instant createdAt, ShipmentView shipment) {
    }
}
