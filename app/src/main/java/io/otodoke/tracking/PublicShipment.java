package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/**
 * What anyone who knows a tracking number may see: status and timeline, and no personal data —
 * no names, addresses, phone numbers or order contents.
 */
public record PublicShipment(String carrier, String trackingNumber, ShipmentLeg leg, TrackingStatus status,
                             StatusReason reason, Instant lastEventAt, String staleReason,
                             List<TimelineEntry> timeline, DeliveryEstimate estimate) {
}
