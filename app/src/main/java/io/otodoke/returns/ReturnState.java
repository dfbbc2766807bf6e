package io.otodoke.returns;

/** Where a return authorisation stands. */
public enum ReturnState {
    /** asked for; the shop decides */
    REQUESTED,
    /** the shop agreed; waiting for the parcel to leave (a label, or the carrier number the buyer sends) */
    APPROVED,
    REJECTED,
    /** an own-fleet label was not used in time; the shop may approve again */
    LABEL_EXPIRED,
    /** the carrier has the return */
    ON_ITS_WAY,
    /** back at the shop's warehouse */
    RECEIVED
}
