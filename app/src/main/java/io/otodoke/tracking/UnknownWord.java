package io.otodoke.tracking;

import java.time.Instant;

/** Words a source used that no table maps yet (events with status UNKNOWN), to extend the tables. */
public record UnknownWord(String source, String rawCode, String rawText, long events, Instant lastSeen) {
}
