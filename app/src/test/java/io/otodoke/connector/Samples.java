package io.otodoke.connector;

import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.TrackingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Stored payloads under src/test/resources/carrier-samples and a one-line view of an event to assert on. */
public final class Samples {

    public static final Instant RECEIVED = Instant.parse("2026-11-29T10:00:00Z");
    public static final ParseContext CONTEXT = new ParseContext(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 29), RECEIVED);

    private Samples() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/carrier-samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code seq rawCode | rawText | STATUS/REASON | time with offset (zone) | location}, as a person would note it. */
    public static String line(TrackingEvent e) {
        EventLocation l = e.location();
        String place = l.unknown() ? "-" : String.join(",", nz(l.name()), nz(l.postalCode()), nz(l.prefecture()), nz(l.country()));
        return e.sourceSequence() + " " + e.rawCode() + " | " + e.rawText() + " | " + e.status()
                + (e.reason() == null ? "" : "/" + e.reason()) + " | " + e.occurredAt().offsetDateTime()
                + " (" + e.occurredAt().zone() + (e.occurredAt().precision().name().equals("DAY") ? ", DAY" : "") + ") | " + place;
    }

    public static List<String> lines(ParsedShipment s) {
        s.events().forEach(e -> {
            if (!e.receivedAt().equals(RECEIVED)) {
                throw new AssertionError("receivedAt not stamped from the context: " + e);
            }
        });
        return s.events().stream().map(Samples::line).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
