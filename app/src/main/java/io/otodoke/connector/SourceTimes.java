package io.otodoke.connector;

import io.otodoke.tracking.EventTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The timestamp shapes API sources use (carriers.md §9), read without ever using the server's zone. */
public final class SourceTimes {

    /**
     * The stand-in zone for a local time whose zone nobody can tell (DHL without a country,
     * 17TRACK v1): EventTime needs a zone, and UTC keeps the wall-clock digits exactly as the
     * source printed them. The instant may be off by the place's offset; inventing a zone from
     * the server (sailrish/shipit #27) would be worse.
     */
    public static final ZoneId UNKNOWN_ZONE = ZoneOffset.UTC;

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

    private SourceTimes() {
    }

    /** An ISO-8601 date-time with offset or Z, kept with that offset. */
    public static EventTime withOffset(String value, String source) {
        try {
            return EventTime.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                    "the " + source + " time '" + clip(value) + "' is not an ISO date-time with offset", e);
        }
    }

    /** ISO with offset when it has one, else a local date-time ({@code T} or space) or a date in {@code zone}. */
    public static EventTime flexible(String value, ZoneId zone, String source) {
        if (value == null) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "a " + source + " event has no time");
        }
        try {
            return EventTime.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException ignored) {
            // not with an offset: try the local shapes below
        }
        try {
            if (value.length() == 10) {
                return EventTime.day(LocalDate.parse(value), zone);
            }
            if (value.indexOf('T') > 0) {
                return EventTime.local(LocalDateTime.parse(value), zone);
            }
            return EventTime.local(LocalDateTime.parse(value, SPACED), zone);
        } catch (DateTimeParseException e) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                    "the " + source + " time '" + clip(value) + "' is not a date-time", e);
        }
    }

    static String clip(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
