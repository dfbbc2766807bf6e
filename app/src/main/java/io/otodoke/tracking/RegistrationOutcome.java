package io.otodoke.tracking;

/**
 * What became of one shipment registration: created, already there (idempotent), or rejected.
 */
public record RegistrationOutcome(int index, Long shipmentId, boolean created, ItemError error) {
}
