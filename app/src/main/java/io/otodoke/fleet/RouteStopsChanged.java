package io.otodoke.fleet;

import java.time.LocalDate;

/**
 * A route's stops changed other than by its driver's progress: a recipient moved a stop's window, a stop
 * was split off and added at the end, or a shipment left the route for another day. The routing module
 * re-plans the open stops of a route under way when it hears this (docs/routing.md). Re-sequencing
 * ({@link Routes#resequence}) does not publish it, so a re-plan never triggers another.
 */
public record RouteStopsChanged(long tenantId, long routeId, LocalDate serviceDate, RouteState state) {
}
