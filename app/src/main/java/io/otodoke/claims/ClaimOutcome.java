package io.otodoke.claims;

/** What an approved claim gets the customer. */
public enum ClaimOutcome {
    RESHIP,
    REFUND
}
