package io.otodoke.claims;

public enum ClaimState {
    UNDER_REVIEW,
    APPROVED,
    REJECTED
}
