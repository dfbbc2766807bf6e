package io.otodoke.connector;

import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.tracking.YearInference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a page's history rows, oldest first, into events: status and reason from the carrier's
 * word table in the context of the rows before, the year of every date printed without one, and
 * {@code sourceSequence} = position in that chronological order.
 *
 * <p>Years are chained (carriers.md §9, status-model.md): the first row is placed nearest the
 * anchor (the page's ship date, else {@link ParseContext#anchor()}), every later row nearest the
 * row before it, so a history from 12月30日 to 01月02日 rolls over into the next year and the page's
 * order is kept; {@link YearInference} never puts a row more than a day after today.
 *
 * <p>A row printed without any date (Sagawa 2009 {@code ↑ お荷物をお預かり致しました。}, Yamato's
 * 投函予定 row) is placed on the date of the row before it, or on the anchor for the first row,
 * with DAY precision: the latest date it is known not to precede. No time is ever invented.
 */
public final class PageHistory {

    private PageHistory() {
    }

    public static List<TrackingEvent> events(String source, List<PageRow> oldestFirst, StatusWords words,
                                             LocalDate anchor, ParseContext context) {
        List<TrackingEvent> events = new ArrayList<>(oldestFirst.size());
        List<TrackingStatus> earlier = new ArrayList<>(oldestFirst.size());
        LocalDate previous = anchor;
        for (PageRow row : oldestFirst) {
            EventTime time = time(row, previous, context);
            previous = time.date();
            StatusWords.Meaning meaning = words.meaning(row.text(), earlier);
            EventLocation location = row.location();
            if ((location == null || location.unknown()) && meaning.place() != null) {
                location = new EventLocation(meaning.place(), null, null, "JP", null, null);
            }
            events.add(new TrackingEvent(source, null, row.text(), meaning.status(), meaning.reason(), time,
                    location, events.size(), context.receivedAt()));
            earlier.add(meaning.status());
        }
        return events;
    }

    private static EventTime time(PageRow row, LocalDate previous, ParseContext context) {
        if (row.date() != null) {
            return row.time() == null ? EventTime.day(row.date(), EventTime.TOKYO)
                    : EventTime.local(row.date().atTime(row.time()), EventTime.TOKYO);
        }
        if (row.monthDay() == null) {
            return EventTime.day(previous, EventTime.TOKYO);
        }
        try {
            return YearInference.eventTime(row.monthDay(), row.time(), previous, context.today(), EventTime.TOKYO);
        } catch (IllegalArgumentException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the date " + row.monthDay() + " of '"
                    + row.text() + "' fits no year near " + previous + ": " + e.getMessage(), e);
        }
    }

    /** 「01月02日 14:00-16:00」「08月21日 18～21時」「12/05 午前中」: the month, the day, and the slot after them. */
    private static final java.util.regex.Pattern FORECAST = java.util.regex.Pattern.compile(
            "^(\\d{1,2})\\s*[月/／]\\s*(\\d{1,2})\\s*日?\\s*(.*)$", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The forecast a page prints beside a parcel (お届け予定日時, 配達予定日), or null when it prints
     * none ("-", empty) or something else. A forecast is a day without a year: it is the first such
     * day from a month before the parcel's latest event (or {@code anchor} when it has none), so a
     * forecast printed on 31 December for 2 January lands in the new year.
     */
    public static DeliveryEstimate forecast(String printed, List<TrackingEvent> events, LocalDate anchor) {
        // the slot as printed (18～21時); full-width digits are digits too
        java.util.regex.Matcher m = FORECAST.matcher(PageText.clean(printed));
        if (!m.matches()) {
            return null;
        }
        java.time.MonthDay day;
        try {
            day = java.time.MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
        LocalDate reference = events.isEmpty() ? anchor : events.getLast().occurredAt().date();
        if (reference == null) {
            return null;
        }
        LocalDate from = reference.minusMonths(1);
        LocalDate date = day.atYear(from.getYear());
        if (date.isBefore(from)) {
            date = day.atYear(from.getYear() + 1);
        }
        return new DeliveryEstimate(date, m.group(3));
    }
}
