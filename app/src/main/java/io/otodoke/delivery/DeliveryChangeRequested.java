package io.otodoke.delivery;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when a change request is recorded (after it was applied to the own fleet's route, or
 * handed to an outside carrier): notifications and statistics (redeliveries avoided) react to it.
 *
 * @param carrierPageUrl the outside carrier's page where it confirms the change (the number filled in
 *                       where the carrier allows); null for the own fleet
 */
public record DeliveryChangeRequested(long changeId, long tenantId, long shipmentId, String carrier,
                                      String trackingNumber, ChangeKind kind, LocalDate date, String slot, Place place,
                                      Outcome outcome, Instant requestedAt, String carrierPageUrl) {
}
