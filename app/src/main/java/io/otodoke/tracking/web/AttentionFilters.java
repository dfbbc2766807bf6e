package io.otodoke.tracking.web;

import io.otodoke.tracking.Attention;
import java.util.List;

/** Reads the attention list's filters from request parameters, for the page and the API alike. */
final class AttentionFilters {

    /** The since-days choices the page offers; the API takes any number in range. */
    static final List<Integer> SINCE_DAYS = List.of(1, 3, 7, 14);
    static final int MAX_SINCE_DAYS = 365;

    private AttentionFilters() {
    }

    /**
     * @throws IllegalArgumentException naming the bad parameter when a value is not allowed
     */
    static Attention.Filter of(String reason, String carrier, Integer sinceDays) {
        String r = blankToNull(reason);
        if (r != null && !Attention.REASONS.contains(r)) {
            throw new IllegalArgumentException("reason");
        }
        if (sinceDays != null && (sinceDays < 0 || sinceDays > MAX_SINCE_DAYS)) {
            throw new IllegalArgumentException("sinceDays");
        }
        return new Attention.Filter(r, blankToNull(carrier), sinceDays);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
