/**
 * Marketplace sellers (issue 8 part 4, docs/sellers.md): a seller adds tracking numbers to its own
 * orders, one by one or as a CSV with a report per row, checked by the carrier module's detector
 * and check digits ({@link io.otodoke.seller.NumberCheck}); parcels sent without a number
 * (定形外郵便, ゆうメール …) are recorded with an expected delivery window; orders still unsent
 * after their ship-by deadline are flagged late ({@link io.otodoke.seller.ShipByDeadline}).
 * {@link io.otodoke.seller.SellerShipments} checks every action against the caller: a seller acts on
 * its own orders only, an operator on the orders of its tenant.
 */
package io.otodoke.seller;
