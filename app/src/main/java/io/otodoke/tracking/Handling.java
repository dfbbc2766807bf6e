package io.otodoke.tracking;

/**
 * How a parcel must be handed over, as the shop registered it. Each flag rules out leaving it
 * unattended (置き配): cash must be collected, a cool parcel must not warm up at a door, and a
 * signature needs a person (design: issue 8, delivery module).
 *
 * @param cashOnDelivery 代金引換: the recipient pays the driver
 * @param cool           クール便 (refrigerated or frozen)
 * @param signatureRequired the recipient signs or stamps (要署名・押印)
 */
public record Handling(boolean cashOnDelivery, boolean cool, boolean signatureRequired) {

    public static final Handling NONE = new Handling(false, false, false);

    /** Whether the parcel may be left at the door, in a delivery box or another unattended spot. */
    public boolean mayBeLeftUnattended() {
        return !cashOnDelivery && !cool && !signatureRequired;
    }
}
