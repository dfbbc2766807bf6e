package io.otodoke.safety;

/** How much a reason counts (design/safety.md §4); the weights are configuration ({@link SafetyProperties}). */
public enum Severity {
    /** decisive: any one gives {@link Verdict#PHISHING} */
    HIGH,
    MEDIUM_HIGH,
    MEDIUM,
    LOW,
    /** shown, never counted */
    INFO
}
