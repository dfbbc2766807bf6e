/**
 * Delivery changes (issue 8 part 1, docs/delivery.md): redelivery after an attempt, a new date and
 * time slot, a new place (置き配 with its spot, a carrier branch, a convenience store, a locker).
 * {@link io.otodoke.delivery.DeliveryOptions} decides what may be asked from the carrier, the
 * status, the parcel's handling and the clock; {@link io.otodoke.delivery.DeliveryChanges} records
 * a request, applies it to the own fleet's route or hands the person to the carrier's own page,
 * notes both in the timeline and publishes {@link io.otodoke.delivery.DeliveryChangeRequested}.
 */
package io.otodoke.delivery;
