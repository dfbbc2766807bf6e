package io.otodoke.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a source said about a parcel, in the unified model of status-model.md.
 * {@code rawCode} and {@code rawText} are exactly what the source said; status and reason are
 * derived from them by the source's connector.
 *
 * @param source         connector code ({@code yamato}, {@code api}, {@code demo}, …)
 * @param sourceSequence position in the source's own list: the tie-breaker for equal times
 * @param receivedAt     when Otodoke got it
 *
 * <p>A source starting with {@link #NOTE_SOURCE_PREFIX} is Otodoke's own record of something a
 * person asked for or was told (a delivery change request and its outcome): a <em>note</em>. It is
 * shown in the timeline but says nothing about where the parcel is, so it never moves the status,
 * never counts as an update for staleness and is never merged with a scan.
 */
public record TrackingEvent(String source, String rawCode, String rawText, TrackingStatus status,
                            StatusReason reason, EventTime occurredAt, EventLocation location,
                            int sourceSequence, Instant receivedAt) {

    public TrackingEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        location = location == null ? EventLocation.NONE : location;
    }

    /** Sources of notes: {@code otodoke.delivery}, … */
    public static final String NOTE_SOURCE_PREFIX = "otodoke.";
    /**
     * The note that opens a replacement parcel's timeline (a claim's RESHIP outcome, claims module):
     * the pages mark a shipment with it 「再送」.
     */
    public static final String REPLACEMENT_NOTE_SOURCE = NOTE_SOURCE_PREFIX + "reship";

    public boolean isNote() {
        return source.startsWith(NOTE_SOURCE_PREFIX);
    }
}
