package io.otodoke.returns;

/** When a shop refunds a return (its return policy). */
public enum RefundTrigger {
    /** as soon as the carrier has the return: the first carriage scan of the return leg */
    AT_PICKUP,
    /** when the return leg is delivered back to the warehouse */
    ON_ARRIVAL
}
