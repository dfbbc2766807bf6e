package io.otodoke.tracking;

import java.time.LocalDate;

/**
 * Published (through the transactional outbox) when the carrier's forecast for a parcel moves to
 * another day; not for the first forecast, a change of the time slot alone, or a parcel already
 * delivered or given up.
 */
public record DeliveryEstimateMoved(long shipmentId, long tenantId, LocalDate previous, DeliveryEstimate current) {
}
