package io.otodoke.tracking;

import java.time.LocalDate;

/**
 * When the carrier says a parcel will arrive: a day in Japan, and the time slot it printed with
 * it ({@code 14:00-16:00}, {@code 18～21時}) or null.
 */
public record DeliveryEstimate(LocalDate date, String window) {

    public DeliveryEstimate {
        if (date == null) {
            throw new IllegalArgumentException("an estimate needs its date");
        }
        window = window == null || window.isBlank() ? null : window.strip();
    }
}
