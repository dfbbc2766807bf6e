package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A shipment with its timeline, as its shop or its recipient may see it.
 *
 * @param estimate the carrier's delivery forecast, or null
 */
public record ShipmentView(long id, long tenantId, Long orderId, ShipmentLeg leg, String carrier, String trackingNumber,
                           TrackingStatus status, StatusReason reason, Instant createdAt, Instant lastEventAt,
                           String staleReason, Recipient recipient, List<TimelineEntry> timeline,
                           DeliveryEstimate estimate) {
}
