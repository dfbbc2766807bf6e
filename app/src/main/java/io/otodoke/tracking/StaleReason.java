package io.otodoke.tracking;

/** Why an unfinished shipment looks stuck; each maps to one line of user guidance (status-model.md "Staleness"). */
public enum StaleReason {
    /** The carrier has not scanned the parcel 48 h after the label or the handover: contact the shop. */
    NO_CARRIER_SCAN,
    /** No update for 24 h (72 h on international legs): check the carrier's page, then contact the carrier. */
    NO_UPDATE,
    /** Out for delivery and the local day is over: contact the delivery office, a redelivery may be needed. */
    NOT_DELIVERED_TODAY
}
