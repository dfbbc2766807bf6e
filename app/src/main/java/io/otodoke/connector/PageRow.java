package io.otodoke.connector;

import io.otodoke.tracking.EventLocation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;

/**
 * One history row of a carrier page as printed, oldest-first position already known: the status
 * text, a date with a year ({@code date}) or without one ({@code monthDay}) or none at all, the
 * time when printed, and the branch.
 */
public record PageRow(String text, LocalDate date, MonthDay monthDay, LocalTime time, EventLocation location) {

    /** The date and time printed in a cell such as {@code 09月23日 11:08}, {@code 7月8日 18:37}, {@code 08/17 17:22} or {@code 2009年07月12日 11:27}. */
    public record PrintedTime(LocalDate date, MonthDay monthDay, LocalTime time) {
    }

    /**
     * Reads up to five digit groups: an optional four-digit year, month, day, and an optional
     * hour and minute. A hand-written scan: it runs once per printed cell, so no regex is needed.
     *
     * @return null when the text holds no month and day
     * @throws ParseException (MALFORMED) when the numbers are not a date or a time
     */
    public static PrintedTime parseTime(String text) {
        int[] groups = new int[5];
        int[] lengths = new int[5];
        int count = 0;
        int i = 0;
        while (i < text.length() && count < 5) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int value = 0;
                int start = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 6) {
                    value = value * 10 + (text.charAt(i) - '0');
                    i++;
                }
                groups[count] = value;
                lengths[count] = i - start;
                count++;
            } else {
                i++;
            }
        }
        int at = 0;
        Integer year = null;
        if (count > 0 && lengths[0] == 4) {
            year = groups[0];
            at = 1;
        }
        if (count - at < 2) {
            return null;
        }
        int month = groups[at];
        int day = groups[at + 1];
        LocalTime time = null;
        try {
            if (count - at >= 4) {
                time = LocalTime.of(groups[at + 2], groups[at + 3]);
            }
            MonthDay monthDay = MonthDay.of(month, day);
            return year == null ? new PrintedTime(null, monthDay, time)
                    : new PrintedTime(LocalDate.of(year, month, day), null, time);
        } catch (java.time.DateTimeException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "'" + text + "' is not a date and time: "
                    + e.getMessage(), e);
        }
    }

    public static PageRow of(String text, PrintedTime printed, EventLocation location) {
        return printed == null ? new PageRow(text, null, null, null, location)
                : new PageRow(text, printed.date(), printed.monthDay(), printed.time(), location);
    }
}
