package io.otodoke.claims;

/** What went wrong. */
public enum ClaimKind {
    /** no news of the parcel for the shop's number of days, and not delivered */
    LOST,
    /** delivered damaged: photos show it */
    DAMAGED,
    /** delivered according to the carrier, but the recipient does not have it */
    NOT_RECEIVED
}
