package io.otodoke.tracking;

/**
 * Which shipment a tracking number belongs to, without anything personal: enough for a connector
 * to address events to it.
 */
public record ShipmentRef(long id, long tenantId, String carrier, String trackingNumber) {
}
