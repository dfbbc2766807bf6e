package io.otodoke.delivery;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery time slot as a carrier publishes it, in Japan's local time.
 *
 * @param code {@code AM} (午前中) or {@code HH-HH}, e.g. {@code 18-20}
 */
public record TimeSlot(String code, LocalTime start, LocalTime end) {

    /** 午前中: Japanese carriers deliver "in the morning" from 8 until noon. */
    public static final String MORNING = "AM";
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    public TimeSlot {
        Objects.requireNonNull(code, "code");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("slot " + code + " ends before it starts");
        }
    }

    /** A slot from its code: {@code AM} or {@code HH-HH}. */
    public static TimeSlot parse(String code) {
        String c = code.strip();
        if (c.equals(MORNING)) {
            return new TimeSlot(MORNING, LocalTime.of(8, 0), LocalTime.NOON);
        }
        Matcher m = HOURS.matcher(c);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 23
                || Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1))) {
            throw new IllegalArgumentException("'" + code + "' is not a time slot: AM or HH-HH, e.g. 18-20");
        }
        return new TimeSlot(c, LocalTime.of(Integer.parseInt(m.group(1)), 0), LocalTime.of(Integer.parseInt(m.group(2)), 0));
    }

    public boolean morning() {
        return MORNING.equals(code);
    }
}
