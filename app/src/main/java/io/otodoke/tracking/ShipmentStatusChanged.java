package io.otodoke.tracking;

import java.time.Instant;

/** Published (through the transactional outbox) when a shipment's derived status changes. */
public record ShipmentStatusChanged(long shipmentId, long tenantId, String carrier, String trackingNumber,
                                    TrackingStatus previous, TrackingStatus current, StatusReason reason,
                                    Instant changedAt) {
}
