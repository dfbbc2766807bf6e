package io.otodoke.demo;

import io.otodoke.demo.DemoPlaces.City;

/**
 * What a carrier script needs to know, times in minutes since the origin ({@link WallClock}).
 *
 * @param labelAt   when the shop printed the label (the carrier's first event, if it has a word for it)
 * @param pickupDay the day the carrier collects the parcel
 */
record ShipmentPlan(DemoScenario scenario, City to, long orderedAt, long labelAt, long pickupDay) {
}
