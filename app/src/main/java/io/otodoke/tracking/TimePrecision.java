package io.otodoke.tracking;

/** How precisely a source stated an event's time: many carrier pages give a date only. */
public enum TimePrecision {
    MINUTE,
    DAY
}
