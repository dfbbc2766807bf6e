package io.otodoke.tracking;

/** Refines a status (status-model.md): why an attempt failed, or where a parcel was left. */
public enum StatusReason {
    ABSENT,
    BUSINESS_CLOSED,
    MAILBOX_UNUSABLE,
    ADDRESS_UNKNOWN,
    MOVED,
    REFUSED,
    CUSTOMS,
    DAMAGED,
    LOST,
    RESCHEDULED,
    FORWARDED,
    DELAYED,
    WEATHER,
    INVESTIGATING,
    HANDED_OVER,
    SAFE_PLACE,
    PARCEL_LOCKER,
    MAILBOX,
    NEIGHBOUR,
    COUNTER
}
