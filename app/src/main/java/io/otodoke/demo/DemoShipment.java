package io.otodoke.demo;

import java.util.List;
import java.util.Objects;

/**
 * One parcel of a demo order and everything its carrier will say about it.
 *
 * @param carrier        carrier code of carriers.md §1: {@code yamato}, {@code japanpost},
 *                       {@code sagawa} or {@code amazon_jp}
 * @param trackingNumber normalised number that the detector of tracking-numbers.md accepts
 * @param script         the carrier's events in the carrier's own order (use the position as
 *                       {@code sourceSequence}); times never decrease
 */
public record DemoShipment(String carrier, String trackingNumber, DemoRecipient recipient,
                           List<ScriptedEvent> script) {

    public DemoShipment {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(recipient, "recipient");
        script = List.copyOf(script);
    }
}
