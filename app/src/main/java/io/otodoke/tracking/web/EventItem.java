package io.otodoke.tracking.web;

import org.springframework.modulith.NamedInterface;

/**
 * One event as a client posts it to {@code POST /api/v1/events}. Status, reason and times are
 * strings here so that a bad value rejects that item only, with a reason, and not the batch.
 * Public (named interface {@code event-items}) because it is also the {@code generic} connector's
 * webhook format: one event format, read by one parser.
 */
@NamedInterface("event-items")
public record EventItem(Long shipmentId, String carrier, String trackingNumber, String source, String eventId, String status,
                 String reason, String rawCode, String rawText, String occurredAt, String occurredLocal, String zone,
                 String precision, LocationItem location, Integer sourceSequence) {

    public record LocationItem(String name, String postalCode, String prefecture, String country, Double latitude,
                        Double longitude) {
    }
}
