package io.otodoke.tracking.web;

/**
 * One event as a client posts it to {@code POST /api/v1/events}. Status, reason and times are
 * strings here so that a bad value rejects that item only, with a reason, and not the batch.
 */
record EventItem(Long shipmentId, String carrier, String trackingNumber, String source, String eventId, String status,
                 String reason, String rawCode, String rawText, String occurredAt, String occurredLocal, String zone,
                 String precision, LocationItem location, Integer sourceSequence) {

    record LocationItem(String name, String postalCode, String prefecture, String country, Double latitude,
                        Double longitude) {
    }
}
