package io.otodoke.demo;

import java.util.random.RandomGenerator;

/**
 * Simulated time as whole minutes since the world's origin, 00:00 JST of the demo's first day, so
 * that a minute's remainder in a day is its Japanese wall-clock time. Carriers scan between
 * {@link #FIRST_SCAN} and {@link #LAST_SCAN}.
 */
final class WallClock {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int FIRST_SCAN = hm(7, 0);
    static final int LAST_SCAN = hm(21, 0);

    private WallClock() {
    }

    /** Minutes into a day for the wall-clock time {@code hour:minute}. */
    static int hm(int hour, int minute) {
        return hour * 60 + minute;
    }

    static long day(long t) {
        return Math.floorDiv(t, MINUTES_PER_DAY);
    }

    static int minuteOfDay(long t) {
        return (int) Math.floorMod(t, MINUTES_PER_DAY);
    }

    static long at(long day, int minuteOfDay) {
        return day * MINUTES_PER_DAY + minuteOfDay;
    }

    /** A time on {@code day} between the two wall-clock times, {@code to} excluded. */
    static long within(RandomGenerator random, long day, int from, int to) {
        return at(day, random.nextInt(from, to));
    }

    /**
     * A time {@code min}–{@code max} minutes after {@code t}; one that would fall outside the
     * scanning hours moves to the next morning, as a parcel waits overnight.
     */
    static long after(RandomGenerator random, long t, int min, int max) {
        long u = t + random.nextInt(min, max + 1);
        int m = minuteOfDay(u);
        if (m > LAST_SCAN) {
            return at(day(u) + 1, FIRST_SCAN + random.nextInt(0, 30));
        }
        if (m < FIRST_SCAN) {
            return at(day(u), FIRST_SCAN + random.nextInt(0, 30));
        }
        return u;
    }

    static boolean duringScanHours(long t) {
        int m = minuteOfDay(t);
        return m >= FIRST_SCAN && m <= LAST_SCAN;
    }
}
