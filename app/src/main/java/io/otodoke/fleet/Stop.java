package io.otodoke.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A place on a route and the shipments delivered there. The address is personal data: the shop's
 * staff and the route's driver see it, a recipient never sees any stop but their own place on the map.
 *
 * @param outcomeReason for DELIVERED where it was left ({@code HANDED_OVER}, {@code SAFE_PLACE}, …), for
 *                      ATTEMPTED why not ({@code ABSENT}, …): a {@link io.otodoke.tracking.StatusReason} name
 * @param plannedEta    the arrival predicted when the route started
 * @param estimatedArrival the arrival predicted now (live), or null when the route has not started or the stop is done
 */
public record Stop(long id, long routeId, int sequence, String address, double latitude, double longitude,
                   Instant windowStart, Instant windowEnd, StopState state, Instant arrivedAt, Instant completedAt,
                   String outcomeReason, String outcomeNote, List<Long> shipmentIds, Instant plannedEta,
                   Instant estimatedArrival, boolean photo) {

    public Stop {
        shipmentIds = List.copyOf(shipmentIds);
    }

    /** Finished later than its window allowed, or still open with the window over. */
    public boolean late(Instant now) {
        if (windowEnd == null) {
            return false;
        }
        Instant at = state.open() ? (estimatedArrival != null && estimatedArrival.isAfter(now) ? estimatedArrival : now)
                : arrivedAt != null ? arrivedAt : completedAt;
        return at != null && at.isAfter(windowEnd);
    }
}
