package io.otodoke.tracking;

import java.time.Instant;

/** A shipment whose carrier may still have news of it: what a poller needs, no personal data. */
public record PollTarget(long id, long tenantId, String carrier, String trackingNumber, TrackingStatus status,
                         Instant createdAt, Instant statusChangedAt) {
}
