package io.otodoke.carrier;

/**
 * One carrier a number can belong to (tracking-numbers.md §1.2.4).
 *
 * @param rule             the rule id of §2, e.g. {@code JP12}
 * @param checkDigit       the algorithm that was checked, e.g. {@code mod 7}, or {@code none}
 * @param checkDigitResult {@code VALID}, or {@code NO_CHECK_DIGIT} for formats that have none
 * @param confidence       {@code HIGH}, {@code MEDIUM} or {@code LOW}, from §2
 * @param trackingUrl      the official tracking page from the directory, or null when there is none
 */
public record TrackingNumberCandidate(String carrier, String rule, String checkDigit, CheckDigitResult checkDigitResult,
                                      String confidence, String trackingUrl) {

    public enum CheckDigitResult { VALID, NO_CHECK_DIGIT }
}
