package io.otodoke.tracking;

/** A shipment carries an order to the recipient, or brings it back (a return has its own tracking). */
public enum ShipmentLeg {
    OUTBOUND,
    RETURN
}
