package io.otodoke.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a subscriber can be told about a shipment (issue 7, docs/notifications.md). */
public enum Milestone {
    TRACKING_NUMBER_ISSUED(false, false),
    HANDED_TO_CARRIER(true, false),
    OUT_FOR_DELIVERY(true, true),
    /** the stops before the subscriber's own fell to their threshold (「あと3件でお届けです」) */
    STOPS_AWAY(true, true),
    /** the van's estimate fell under the arriving-soon limit (fleet) */
    ARRIVING_SOON(true, true),
    /** with the photo link where the subscriber may see the photo */
    DELIVERED(true, true),
    /** with the redelivery link */
    DELIVERY_ATTEMPTED(true, false),
    EXCEPTION(true, false),
    STALE(true, false),
    /** the expected delivery date moved by a day or more */
    ETA_MOVED(true, false),
    /** the returns module's events (a later issue) */
    RETURN_RECEIVED(true, false),
    REFUND_ISSUED(true, false),
    /** a claim about the parcel was approved (reship or refund) or rejected (claims module) */
    CLAIM_DECIDED(true, false),
    /**
     * a change of the delivery (redelivery, date and slot, place) was recorded: applied to the own
     * fleet's route, awaiting a route, or handed to an outside carrier, who confirms it (delivery module)
     */
    DELIVERY_CHANGED(true, false);

    private final boolean byDefault;
    private final boolean deliveryDay;

    Milestone(boolean byDefault, boolean deliveryDay) {
        this.byDefault = byDefault;
        this.deliveryDay = deliveryDay;
    }

    /**
     * Every milestone but the tracking number: shops send their own shipping confirmation with it,
     * and a second mail saying the same would teach people to ignore ours.
     */
    public static Set<Milestone> defaults() {
        return EnumSet.copyOf(Arrays.stream(values()).filter(m -> m.byDefault).toList());
    }

    /** The events of the day of delivery: the only ones a user may let through quiet hours. */
    public static List<Milestone> deliveryDayMilestones() {
        return Arrays.stream(values()).filter(m -> m.deliveryDay).toList();
    }

    public boolean deliveryDay() {
        return deliveryDay;
    }

    /**
     * Whether news about the van on its way is out of date: once the shipment is no longer out for
     * delivery (delivered, attempted), "arriving soon" held back by quiet hours would mislead.
     */
    boolean outdatedWhen(boolean stillOutForDelivery) {
        return !stillOutForDelivery && (this == OUT_FOR_DELIVERY || this == STOPS_AWAY || this == ARRIVING_SOON);
    }
}
