package io.otodoke.returns;

/** Why something is sent back. */
public enum ReturnReason {
    DAMAGED,
    WRONG_ITEM,
    NOT_AS_DESCRIBED,
    NO_LONGER_NEEDED,
    OTHER
}
