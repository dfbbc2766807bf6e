package io.otodoke.tracking;

/**
 * An event on its way in, addressed to a shipment by id or by carrier and tracking number.
 *
 * @param sourceEventId the source's own id for the event, if it has one: the idempotency key
 */
public record IncomingEvent(Long shipmentId, String carrier, String trackingNumber, String sourceEventId,
                            TrackingEvent event) {
}
