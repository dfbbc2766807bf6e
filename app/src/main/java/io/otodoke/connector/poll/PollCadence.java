package io.otodoke.connector.poll;

import io.otodoke.tracking.TrackingStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * How often to ask about a shipment, by its status: often while a delivery is near, rarely while
 * a label waits for the carrier, never once the story has ended. A delivered shipment is still
 * asked twice a day for 15 days, because a return can follow; then never again.
 *
 * @param scale divides every interval (1 for real carriers; the demo's simulated time runs faster)
 */
record PollCadence(double scale) {

    static final Duration AFTER_DELIVERY = Duration.ofDays(15);

    Optional<Duration> interval(TrackingStatus status) {
        Duration real = switch (status) {
            case OUT_FOR_DELIVERY -> Duration.ofMinutes(15);
            case ARRIVED_AT_DELIVERY_BASE, DELIVERY_ATTEMPTED -> Duration.ofHours(1);
            case PICKED_UP, IN_TRANSIT, HELD_FOR_PICKUP, EXCEPTION -> Duration.ofHours(2);
            case PREPARING, LABEL_CREATED, NOT_FOUND, RETURNING_TO_SENDER, UNKNOWN -> Duration.ofHours(6);
            case DELIVERED -> Duration.ofHours(12);
            case RETURNED, CANCELLED, EXPIRED -> null;
        };
        return Optional.ofNullable(real).map(d -> Duration.ofMillis(Math.max(1_000, (long) (d.toMillis() / scale))));
    }

    /** After a failed call: 1, 2, 4 … minutes, at most the status's own interval. */
    Duration retryAfter(int consecutiveFailures, TrackingStatus status) {
        Duration backoff = Duration.ofMinutes(1L << Math.min(10, Math.max(0, consecutiveFailures - 1)));
        Duration scaled = Duration.ofMillis(Math.max(1_000, (long) (backoff.toMillis() / scale)));
        Duration limit = interval(status).orElse(scaled);
        return scaled.compareTo(limit) < 0 ? scaled : limit;
    }
}
