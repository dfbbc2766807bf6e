package io.otodoke.safety;

import java.util.Locale;

/** How the message arrived; unknown (null) for bare links. */
public enum Channel {
    SMS, EMAIL;

    /** {@code sms} or {@code email} in any case; null or blank is unknown; anything else is refused. */
    public static Channel parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "sms" -> SMS;
            case "email", "e-mail", "mail" -> EMAIL;
            default -> throw new IllegalArgumentException("channel must be 'sms' or 'email', not '" + value.trim() + "'");
        };
    }
}
