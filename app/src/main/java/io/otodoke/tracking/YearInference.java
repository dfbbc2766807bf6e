package io.otodoke.tracking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The year of a date printed without one. Yamato ({@code 09月23日 11:08}), Sagawa's history
 * ({@code MM/DD HH:mm}) and Japan Post's 2009 layout give month and day only (status-model.md
 * "A tracking event"; carriers.md §9 "Timestamps").
 *
 * <p>The rule, from status-model.md and carriers.md §9:
 * <ol>
 *   <li>Take the year that puts the date closest to the <em>anchor</em>: the ship date when the
 *       page has one (Sagawa's 出荷日 is authoritative), else the shipment's creation date, else
 *       the query date. Closest rather than "the anchor's year" is what rolls December over to
 *       January (anchor 12/28, row 01月03日 → next year) and also places a row scanned before
 *       the shipment was registered in Otodoke (anchor 01/02, row 12月30日 → previous year).
 *       On an exact tie the later year wins: rows usually follow the anchor.</li>
 *   <li>Never put the date more than one day after {@code today}: such a year is dropped in favour
 *       of an earlier one. One day of slack absorbs a server whose date is still yesterday
 *       in Japan.</li>
 *   <li>02月29日 exists only in leap years; candidate years where it does not exist are skipped, so
 *       the nearest leap year (up to four years back) is taken.</li>
 * </ol>
 */
public final class YearInference {

    private YearInference() {
    }

    /**
     * @param timeOrNull the printed time, or null for a date-only row (then the start of the day)
     * @throws IllegalArgumentException when no year within four years of the anchor satisfies the
     *                                  rules (only possible for 02月29日 with an anchor far after today)
     */
    public static LocalDateTime infer(MonthDay date, LocalTime timeOrNull, LocalDate anchor, LocalDate today) {
        LocalDate day = inferDate(date, anchor, today);
        return timeOrNull == null ? day.atStartOfDay() : day.atTime(timeOrNull);
    }

    /** The event time of a row without a year: MINUTE precision with a time, DAY precision without. */
    public static EventTime eventTime(MonthDay date, LocalTime timeOrNull, LocalDate anchor, LocalDate today,
                                      ZoneId zone) {
        LocalDateTime local = infer(date, timeOrNull, anchor, today);
        return timeOrNull == null ? EventTime.day(local.toLocalDate(), zone) : EventTime.local(local, zone);
    }

    public static LocalDate inferDate(MonthDay date, LocalDate anchor, LocalDate today) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(today, "today");
        LocalDate latestAllowed = today.plusDays(1);
        LocalDate best = null;
        for (int year = anchor.getYear() + 1; year >= anchor.getYear() - 4; year--) {
            if (!date.isValidYear(year)) {
                continue;
            }
            LocalDate candidate = date.atYear(year);
            if (candidate.isAfter(latestAllowed)) {
                continue;
            }
            // Years are tried from the latest, so a strictly closer one is needed to replace it.
            if (best == null || distance(candidate, anchor) < distance(best, anchor)) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no year puts " + date + " near " + anchor
                    + " and not after " + latestAllowed);
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
