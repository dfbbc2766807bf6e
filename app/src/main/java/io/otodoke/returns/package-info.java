/**
 * Returns (issue 8 part 2, docs/delivery.md#returns): a return authorisation for items of an order
 * (reason, photos without metadata, the shop's approval), the return leg as a shipment of its own
 * (an own-fleet label with a generated number, or a carrier number checked by the detector),
 * refunds issued by the shop's policy when the return leg's events arrive, and unused labels that
 * expire ({@link io.otodoke.returns.ReturnLabelExpiry}).
 */
package io.otodoke.returns;
