package io.otodoke.tracking;

import java.time.Instant;

/**
 * Published (through the transactional outbox) when the staleness check finds a shipment stuck:
 * it had no stale reason, or another one, and now has {@code reason}. Not published while the
 * carrier's tracking cannot be read (an outage is not a stuck parcel), nor again for the same
 * reason on the next run.
 *
 * @param since when the check found it stale
 */
public record ShipmentStale(long shipmentId, long tenantId, StaleReason reason, Instant since) {
}
