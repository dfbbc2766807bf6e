package io.otodoke.connector;

import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.TrackingEvent;
import java.util.List;

/**
 * What a payload says about one tracking number: its events in the source's own order
 * ({@code sourceSequence} 0, 1, …), or that the source has no record of it.
 *
 * @param trackingNumber the number as the source printed it, normalised
 * @param carrier        the carrier code when the source names it (aggregators, Amazon), else null
 * @param notFound       the source says it has no record of the number (伝票番号未登録, NotFound …)
 * @param estimate       the delivery date (and slot) the source forecasts, or null
 */
public record ParsedShipment(String trackingNumber, String carrier, boolean notFound, List<TrackingEvent> events,
                             DeliveryEstimate estimate) {

    public ParsedShipment {
        events = List.copyOf(events);
    }

    /** Without a forecast. */
    public ParsedShipment(String trackingNumber, String carrier, boolean notFound, List<TrackingEvent> events) {
        this(trackingNumber, carrier, notFound, events, null);
    }

    public ParsedShipment withEstimate(DeliveryEstimate e) {
        return new ParsedShipment(trackingNumber, carrier, notFound, events, e);
    }
}
