/**
 * Fleet (design/last-mile.md, docs/last-mile.md): depots, vehicles and the positions their drivers'
 * phones report (the OsmAnd protocol of Traccar Client, {@link io.otodoke.fleet.OsmAndDecoder}, or our
 * JSON batch), routes and their ordered stops ({@link io.otodoke.fleet.Routes}), the outcomes drivers
 * record as timeline events, and the live view of a shipment's last mile ({@link io.otodoke.fleet.LiveRoutes}):
 * stops away, ETA and its window, the van while visible, proof of delivery.
 */
package io.otodoke.fleet;
