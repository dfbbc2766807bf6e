package io.otodoke.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When an event happened, as precisely as the source said it. A source that gives an offset
 * yields an instant; a Japanese carrier page yields a local date-time in Asia/Tokyo, possibly
 * with a date only. The local value is kept beside the instant so a date never shifts by a zone
 * (carriers.md §9).
 *
 * @param local     the wall-clock time where the event happened (midnight for DAY precision)
 * @param zone      the zone of {@code local}; a fixed offset when the source gave one
 * @param precision MINUTE, or DAY when the source gave a date only
 */
public record EventTime(LocalDateTime local, ZoneId zone, TimePrecision precision) {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public EventTime {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(precision, "precision");
        if (precision == TimePrecision.DAY) {
            local = local.toLocalDate().atStartOfDay();
        } else {
            local = local.withSecond(local.getSecond()).withNano(0);
        }
    }

    public static EventTime of(OffsetDateTime time) {
        return new EventTime(time.toLocalDateTime(), time.getOffset(), TimePrecision.MINUTE);
    }

    public static EventTime of(Instant instant, ZoneId zone) {
        return new EventTime(LocalDateTime.ofInstant(instant, zone), zone, TimePrecision.MINUTE);
    }

    public static EventTime local(LocalDateTime local, ZoneId zone) {
        return new EventTime(local, zone, TimePrecision.MINUTE);
    }

    public static EventTime day(LocalDate date, ZoneId zone) {
        return new EventTime(date.atStartOfDay(), zone, TimePrecision.DAY);
    }

    /** The instant of {@code local} in {@code zone}; for DAY precision the start of that day. */
    public Instant instant() {
        return local.atZone(zone).toInstant();
    }

    public OffsetDateTime offsetDateTime() {
        return local.atZone(zone).toOffsetDateTime();
    }

    public LocalDate date() {
        return local.toLocalDate();
    }

    public ZoneOffset offset() {
        return zone.getRules().getOffset(local);
    }
}
