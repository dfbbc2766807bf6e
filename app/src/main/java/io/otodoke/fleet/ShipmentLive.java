package io.otodoke.fleet;

import java.time.Instant;

/**
 * What a recipient is shown of their parcel's last mile (design/last-mile.md, modelled on Google
 * Last Mile Fleet Solution's TaskTrackingInfo). It never holds anything of another stop: the count
 * is a number, the distance a sum, and the only places are the van and the recipient's own.
 *
 * @param remainingStopCount  open stops up to and including the recipient's own; null unless visible
 * @param vehicleLocation     null unless visible (count within the limit, position fresh)
 * @param vehicleHidden       why the van is not shown while the route is under way, else null
 * @param destination         the recipient's own place, for the map; null for a gift's giver
 * @param proofOfDelivery     null unless delivered and the viewer may see it
 */
public record ShipmentLive(State state, Integer remainingStopCount, Double remainingDistanceMeters,
                           Instant estimatedArrival, Eta.Window estimatedArrivalWindow, Location vehicleLocation,
                           Instant vehicleLocationTime, Hidden vehicleHidden, Location destination, String outcome,
                           Instant outcomeTime, ProofOfDelivery proofOfDelivery) {

    public enum State {
        /** not on any route of the own fleet (another carrier, or not planned yet) */
        NOT_SCHEDULED,
        /** on a route that has not started */
        SCHEDULED,
        EN_ROUTE,
        /** the van is at the recipient's stop */
        ARRIVED,
        DELIVERED,
        ATTEMPTED,
        SKIPPED
    }

    public enum Hidden {
        /** more stops before the recipient's than shown (default 10) */
        TOO_MANY_STOPS,
        /** the van's last position is older than allowed (default 5 min) */
        POSITION_STALE,
        /** this viewer is not shown the van (a gift's giver) */
        NOT_FOR_VIEWER
    }

    public record Location(double latitude, double longitude) {
    }

    /**
     * @param place    where it was left: a {@link io.otodoke.tracking.StatusReason} name such as SAFE_PLACE
     * @param note     the driver's words, e.g. 玄関前
     * @param photoUrl the photo for this viewer, or null when none was taken
     */
    public record ProofOfDelivery(String place, String note, Instant deliveredAt, String photoUrl) {
    }

    static ShipmentLive notScheduled() {
        return new ShipmentLive(State.NOT_SCHEDULED, null, null, null, null, null, null, null, null, null, null, null);
    }
}
