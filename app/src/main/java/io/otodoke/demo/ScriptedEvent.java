package io.otodoke.demo;

import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TrackingStatus;

import java.time.Duration;
import java.util.Objects;

/**
 * One carrier event that the demo will play, as the carrier would have written it.
 *
 * @param at        simulated time since the order was placed (the script's start); see
 *                  {@link DemoWorld} for how it lands on Japanese wall-clock hours
 * @param status    the unified status the carrier's word maps to (carriers.md tables)
 * @param reason    the unified reason, or null when the word gives none
 * @param rawCode   the source's code (Amazon {@code EVENT_xxx}); null for the Japanese carrier
 *                  pages, which have none
 * @param rawText   the word exactly as the carrier prints it, from {@link DemoCarrierWords}
 * @param location  the carrier facility that scanned the parcel, never the recipient's address
 * @param precision {@code DAY} when the carrier prints a date only (Japan Post's
 *                  ご不在のため持ち戻り, carriers.md §3.2): store the date and drop the time of
 *                  {@code at}, which only keeps the script in order
 */
public record ScriptedEvent(Duration at, TrackingStatus status, StatusReason reason, String rawCode,
                            String rawText, EventLocation location, TimePrecision precision) {

    public ScriptedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(precision, "precision");
        if (at.isNegative()) {
            throw new IllegalArgumentException("an event cannot happen before its order: " + at);
        }
    }
}
