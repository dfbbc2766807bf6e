package io.otodoke.delivery;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change request as recorded, with its outcome.
 *
 * @param slot        the slot's code ({@code AM}, {@code 18-20}); null for a change of place
 * @param requestedBy who asked, as the audit log names callers
 */
public record DeliveryChange(long id, long tenantId, long shipmentId, ChangeKind kind, LocalDate date, String slot,
                             Place place, SafePlaceSpot safePlaceSpot, String pickupPoint, Outcome outcome,
                             String requestedBy, Instant createdAt) {
}
