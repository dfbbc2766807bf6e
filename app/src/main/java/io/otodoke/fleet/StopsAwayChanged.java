package io.otodoke.fleet;

/**
 * The number of open stops up to a shipment's own changed (design/last-mile.md): the notification
 * module tells the recipient when it crosses their threshold (「あと3件でお届けです」).
 *
 * @param previousCount the count before, or null when the route has just started
 * @param remainingStopCount open stops up to and including the shipment's own
 */
public record StopsAwayChanged(long shipmentId, long tenantId, long routeId, long stopId, Integer previousCount,
                               int remainingStopCount) {
}
