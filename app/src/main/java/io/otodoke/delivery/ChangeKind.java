package io.otodoke.delivery;

/** What a person asks to change about a delivery. */
public enum ChangeKind {
    /** 再配達: bring it again after an attempt, or out of a branch's hold, on a date and slot */
    REDELIVERY,
    /** 日時変更: deliver on another date or in another slot, before the first attempt */
    RESCHEDULE,
    /** 場所変更: leave it at a spot (置き配), or keep it at a branch, convenience store or locker */
    CHANGE_PLACE
}
