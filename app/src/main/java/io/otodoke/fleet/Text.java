package io.otodoke.fleet;

import io.otodoke.web.ProblemType;

/** Checks of the free-text fields of fleet requests, each failing as a 400 naming its field. */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemType.invalidField(field, field + " is required.");
        }
        return optional(field, value, max);
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemType.invalidField(field, field + " has more than " + max + " characters.");
        }
        return v;
    }
}
