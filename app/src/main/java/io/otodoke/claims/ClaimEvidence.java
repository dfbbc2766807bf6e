package io.otodoke.claims;

import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;
import java.util.List;

/**
 * What tracking says about the parcel when the claim is made, kept with the claim.
 *
 * @param lastEvents         the latest timeline lines, newest last (at most {@link #LAST_EVENTS})
 * @param deliveredAt        when the carrier or the driver recorded the delivery; null if not delivered
 * @param daysWithoutNews    whole days since the last event (or since the label, without any)
 * @param scanDistanceMeters how far from the address the delivery was recorded (own fleet, with the phone's
 *                           position); null when unknown
 * @param deliveryPlace      where it was left ({@code SAFE_PLACE}, …), when known
 * @param deliveryPhoto      a delivery photo exists (the shop's staff see it on the shipment)
 */
public record ClaimEvidence(TrackingStatus status, List<Line> lastEvents, Instant deliveredAt, long daysWithoutNews,
                            Long scanDistanceMeters, String deliveryPlace, boolean deliveryPhoto) {

    public static final int LAST_EVENTS = 5;

    public ClaimEvidence {
        lastEvents = List.copyOf(lastEvents);
    }

    /** One timeline line as evidence. */
    public record Line(Instant at, TrackingStatus status, String rawText, String place, List<String> sources) {
    }
}
