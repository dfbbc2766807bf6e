package io.otodoke.delivery;

/** What came of a change request. */
public enum Outcome {
    /** own fleet: the stop on today's route has the new window, or the driver has the new place */
    ROUTE_UPDATED,
    /** own fleet: the new date is another day, so the parcel left the route it was on */
    LEFT_ROUTE,
    /** own fleet: on no open route yet; the dispatcher plans it with the new window or place */
    AWAITING_ROUTE,
    /** outside carrier: recorded, and the person was handed to the carrier's page, where the carrier confirms it */
    CARRIER_TO_CONFIRM
}
