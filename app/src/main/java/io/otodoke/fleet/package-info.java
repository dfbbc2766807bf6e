/**
 * Fleet (design/last-mile.md): vehicles and the positions their drivers' phones report, by the
 * OsmAnd protocol of Traccar Client ({@link io.otodoke.fleet.OsmAndDecoder}) or our JSON batch.
 * Routes, stops and ETA come later.
 */
package io.otodoke.fleet;
