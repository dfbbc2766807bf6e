package io.otodoke.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's event list written the way the carrier page prints it, one row per call, oldest
 * first: {@code row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")}. Rows are
 * numbered in call order ({@code sourceSequence}). Times are Asia/Tokyo in 2026 unless given as
 * an {@link EventTime}.
 */
final class History {

    static final int YEAR = 2026;
    static final Instant RECEIVED = Instant.parse("2026-09-01T00:00:00Z");

    private static final Pattern YAMATO = Pattern.compile("(\\d{2})月(\\d{2})日(?: (\\d{2}):(\\d{2}))?");
    private static final DateTimeFormatter JAPAN_POST_TIMED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter JAPAN_POST_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String source;
    private final List<TrackingEvent> events = new ArrayList<>();
    private Instant receivedAt = RECEIVED;

    private History(String source) {
        this.source = source;
    }

    static History of(String source) {
        return new History(source);
    }

    /** Later rows of this history were received at {@code receivedAt}. */
    History receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    History row(String text, TrackingStatus status, String when, String place) {
        return row(text, status, null, when, place);
    }

    History row(String text, TrackingStatus status, StatusReason reason, String when, String place) {
        return row(text, status, reason, time(when), place);
    }

    History row(String text, TrackingStatus status, StatusReason reason, EventTime when, String place) {
        events.add(new TrackingEvent(source, null, text, status, reason, when,
                place == null ? EventLocation.NONE : EventLocation.named(place), events.size(), receivedAt));
        return this;
    }

    List<TrackingEvent> events() {
        return List.copyOf(events);
    }

    TrackingEvent get(int sequence) {
        return events.get(sequence);
    }

    /** {@code 08月10日 16:13}, {@code 08月10日}, {@code 2026/08/10 16:13} or {@code 2026/08/10}. */
    static EventTime time(String when) {
        Matcher m = YAMATO.matcher(when);
        if (m.matches()) {
            LocalDate date = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atYear(YEAR);
            return m.group(3) == null
                    ? EventTime.day(date, EventTime.TOKYO)
                    : EventTime.local(date.atTime(LocalTime.of(Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)))), EventTime.TOKYO);
        }
        if (when.length() > 10) {
            return EventTime.local(LocalDateTime.parse(when, JAPAN_POST_TIMED), EventTime.TOKYO);
        }
        return EventTime.day(LocalDate.parse(when, JAPAN_POST_DATE), EventTime.TOKYO);
    }

    static List<TrackingEvent> concat(List<TrackingEvent> a, List<TrackingEvent> b) {
        List<TrackingEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
