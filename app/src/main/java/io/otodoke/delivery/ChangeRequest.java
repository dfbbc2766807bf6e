package io.otodoke.delivery;

import java.time.LocalDate;

/**
 * What a person asks for. REDELIVERY and RESCHEDULE need {@code date} and {@code slot}; CHANGE_PLACE
 * needs {@code place}, with {@code safePlaceSpot} for 置き配 and optionally the name of the branch,
 * store or locker chosen ({@code pickupPoint}, which the carrier's page confirms).
 */
public record ChangeRequest(ChangeKind kind, LocalDate date, String slot, Place place, SafePlaceSpot safePlaceSpot,
                            String pickupPoint) {

    static final int MAX_PICKUP_POINT = 100;

    /** The request in a canonical form: two requests with the same digest ask for the same thing. */
    String digest() {
        return kind + "|" + date + "|" + slot + "|" + place + "|" + safePlaceSpot + "|" + pickupPoint;
    }
}
