package io.otodoke.returns;

/** A return's refund as the shopper sees it. */
public enum RefundState {
    /** nothing is owed (requested, rejected) */
    NOT_DUE,
    /** approved: issued when the policy's moment comes */
    PENDING,
    ISSUED
}
