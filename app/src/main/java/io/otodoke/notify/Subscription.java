package io.otodoke.notify;

import java.time.Instant;
import java.util.Set;

/**
 * Someone who wants to hear about a shipment, an order (all its shipments), or all orders of a
 * signed-in user: one target, the other two null (a user's subscription to one order names both
 * the order and the user, whose preferences then apply).
 *
 * @param userEmail          for a user's subscription to all orders: the address their orders are placed with
 * @param channel            a {@link Channel#code()}
 * @param address            where the channel sends: an e-mail address, later a push subscription, a
 *                           webhook endpoint id, a LINE user id
 * @param stopsAwayThreshold STOPS_AWAY fires when the stops before the parcel fall to this many (default 3)
 */
public record Subscription(long id, long tenantId, Long shipmentId, Long orderId, Long userId, String userEmail,
                           String channel, String address, String language, Set<Milestone> milestones,
                           int stopsAwayThreshold, String createdBy, Instant createdAt) {

    public static final int DEFAULT_STOPS_AWAY = 3;

    public Subscription {
        milestones = Set.copyOf(milestones);
    }

    /** Subscribed to every shipment of the tenant (a webhook endpoint): no shipment, order or user. */
    public boolean wholeTenant() {
        return shipmentId == null && orderId == null && userId == null;
    }

    public boolean wants(Milestone m) {
        return milestones.contains(m);
    }
}
