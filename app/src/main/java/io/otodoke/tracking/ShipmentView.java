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
                           String staleReason, Recipient recipient, List<TimelineEntry> timeline, Handling handling,
                           DeliveryEstimate estimate) {

    public ShipmentView {
        handling = handling == null ? Handling.NONE : handling;
    }

    public ShipmentView(long id, long tenantId, Long orderId, ShipmentLeg leg, String carrier, String trackingNumber,
                        TrackingStatus status, StatusReason reason, Instant createdAt, Instant lastEventAt,
                        String staleReason, Recipient recipient, List<TimelineEntry> timeline) {
        this(id, tenantId, orderId, leg, carrier, trackingNumber, status, reason, createdAt, lastEventAt, staleReason,
                recipient, timeline, Handling.NONE, null);
    }
}
