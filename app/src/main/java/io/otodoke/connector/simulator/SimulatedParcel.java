package io.otodoke.connector.simulator;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A parcel as a simulated carrier knows it: its number and the scans it has printed so far,
 * oldest first, in the carrier's own words.
 */
public record SimulatedParcel(String carrier, String trackingNumber, List<Scan> scans) {

    /**
     * One row of the carrier's history: its words, when (Japan time), and where; for the API
     * shapes also the source's status code (17TRACK's sub_status, AfterShip's subtag, DHL's
     * statusCode, Amazon's eventCode).
     */
    public record Scan(String words, LocalDateTime at, boolean dateOnly, String office, String code) {

        /** A scan of a carrier page, which has words and no code. */
        public Scan(String words, LocalDateTime at, boolean dateOnly, String office) {
            this(words, at, dateOnly, office, null);
        }
    }

    public SimulatedParcel {
        scans = List.copyOf(scans);
    }
}
