package io.otodoke.fleet;

import java.time.Instant;

/** The estimate for a shipment's stop fell under the arriving-soon limit (default 10 min); once per stop. */
public record ArrivingSoon(long shipmentId, long tenantId, long routeId, long stopId, Instant estimatedArrival) {
}
