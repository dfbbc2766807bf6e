package io.otodoke.tracking;

/**
 * The unified shipment and event statuses of {@code design/status-model.md}. The Japanese and
 * English labels live in the message bundles under {@code status.<NAME>}.
 */
public enum TrackingStatus {
    PREPARING,
    LABEL_CREATED,
    PICKED_UP,
    IN_TRANSIT,
    ARRIVED_AT_DELIVERY_BASE,
    OUT_FOR_DELIVERY,
    DELIVERY_ATTEMPTED,
    HELD_FOR_PICKUP,
    DELIVERED,
    RETURNING_TO_SENDER,
    RETURNED,
    EXCEPTION,
    NOT_FOUND,
    CANCELLED,
    EXPIRED,
    /** An event text not mapped yet: allowed on events, never a shipment status. */
    UNKNOWN;

    /** Statuses after which nothing is expected to happen any more. */
    public boolean isFinished() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED || this == EXPIRED;
    }
}
