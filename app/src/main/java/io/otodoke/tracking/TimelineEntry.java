package io.otodoke.tracking;

import java.util.List;
import java.util.Objects;

/**
 * One line of a parcel's timeline: a scan as shown to the user. When several sources reported the
 * same scan it is shown once and {@code sources} lists all of them (status-model.md rule 6); the
 * other fields are those of one reporting event, kept as that source said them.
 *
 * @param sources connector codes, in the order their reports were read; never empty
 */
public record TimelineEntry(EventTime occurredAt, TrackingStatus status, StatusReason reason,
                            String rawCode, String rawText, EventLocation location,
                            List<String> sources) {

    public TimelineEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(status, "status");
        location = location == null ? EventLocation.NONE : location;
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a timeline entry has at least one source");
        }
    }
}
