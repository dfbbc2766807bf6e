package io.otodoke.tracking.web;

import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.ItemError;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * Turns an {@link EventItem} into an {@link IncomingEvent}, or says exactly what is wrong with it.
 * Shared with the {@code generic} webhook connector (named interface {@code event-items}).
 */
@NamedInterface("event-items")
public final class EventItemParser {

    static final int MAX_TEXT = 2000;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_]{1,40}");
    private static final String STATUSES = Arrays.toString(TrackingStatus.values());

    private EventItemParser() {
    }

    /** Either the event or the error. */
    public record Parsed(IncomingEvent event, ItemError error) {
    }

    public static Parsed parse(int index, EventItem item, Instant receivedAt) {
        if (item == null) {
            return error(index, "missing-event", null, "the item is null");
        }
        String source = item.source() == null ? "api" : item.source();
        if (!SOURCE.matcher(source).matches()) {
            return error(index, "invalid-source", "source", "source is a connector code: 1–40 of a-z, 0-9 and _");
        }
        if (item.status() == null) {
            return error(index, "missing-status", "status", "status is required, one of " + STATUSES);
        }
        TrackingStatus status;
        try {
            status = TrackingStatus.valueOf(item.status());
        } catch (IllegalArgumentException e) {
            return error(index, "unknown-status", "status", "unknown status '" + clip(item.status()) + "'; use one of " + STATUSES);
        }
        StatusReason reason = null;
        if (item.reason() != null) {
            try {
                reason = StatusReason.valueOf(item.reason());
            } catch (IllegalArgumentException e) {
                return error(index, "unknown-reason", "reason", "unknown reason '" + clip(item.reason()) + "'; use one of "
                        + Arrays.toString(StatusReason.values()));
            }
        }
        if (tooLong(item.rawText()) || tooLong(item.rawCode()) || tooLong(item.eventId())
                || (item.location() != null && tooLong(item.location().name()))) {
            return error(index, "text-too-long", null, "texts are limited to " + MAX_TEXT + " characters");
        }
        EventTime time;
        try {
            time = time(item);
        } catch (IllegalArgumentException | DateTimeException e) {
            return error(index, "invalid-timestamp", "occurredAt", e.getMessage());
        }
        var l = item.location();
        EventLocation location = l == null ? EventLocation.NONE
                : new EventLocation(l.name(), l.postalCode(), l.prefecture(), l.country(), l.latitude(), l.longitude());
        if (l != null && (invalid(l.latitude(), 90) || invalid(l.longitude(), 180))) {
            return error(index, "invalid-location", "location", "latitude must be within ±90 and longitude within ±180");
        }
        TrackingEvent event = new TrackingEvent(source, item.rawCode(), item.rawText(), status, reason, time, location,
                item.sourceSequence() == null ? 0 : item.sourceSequence(), receivedAt);
        return new Parsed(new IncomingEvent(item.shipmentId(), item.carrier(), item.trackingNumber(), item.eventId(), event), null);
    }

    private static EventTime time(EventItem item) {
        if (item.occurredAt() != null) {
            try {
                return EventTime.of(OffsetDateTime.parse(item.occurredAt()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("occurredAt '" + clip(item.occurredAt())
                        + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-29T14:05:00+09:00;"
                        + " for a local time give occurredLocal and zone");
            }
        }
        if (item.occurredLocal() == null) {
            throw new IllegalArgumentException("give occurredAt (with offset), or occurredLocal with zone");
        }
        if (item.zone() == null) {
            throw new IllegalArgumentException("occurredLocal needs a zone, e.g. Asia/Tokyo");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(item.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + clip(item.zone()) + "'");
        }
        String local = item.occurredLocal();
        boolean dateOnly = local.length() == 10;
        TimePrecision precision = item.precision() != null ? precision(item.precision()) : dateOnly ? TimePrecision.DAY : TimePrecision.MINUTE;
        try {
            LocalDateTime value = dateOnly ? LocalDate.parse(local).atStartOfDay() : LocalDateTime.parse(local);
            return new EventTime(value, zone, precision);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredLocal '" + clip(local)
                    + "' is not an ISO-8601 local date-time or date, e.g. 2026-11-29T14:05 or 2026-11-29");
        }
    }

    private static TimePrecision precision(String value) {
        try {
            return TimePrecision.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision is MINUTE or DAY");
        }
    }

    private static boolean invalid(Double degrees, double limit) {
        return degrees != null && (degrees.isNaN() || Math.abs(degrees) > limit);
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_TEXT;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Parsed error(int index, String code, String field, String detail) {
        return new Parsed(null, new ItemError(index, code, field, detail));
    }
}
