package io.otodoke.connector.simulator;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A parcel as a simulated carrier knows it: its number and the scans it has printed so far,
 * oldest first, in the carrier's own words.
 */
public record SimulatedParcel(String carrier, String trackingNumber, List<Scan> scans) {

    /** One row of the carrier's history: its words, when (Japan time), and where. */
    public record Scan(String words, LocalDateTime at, boolean dateOnly, String office) {
    }

    public SimulatedParcel {
        scans = List.copyOf(scans);
    }
}
