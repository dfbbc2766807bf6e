/**
 * Multi-channel orders (issue 8 part 5, docs/fulfillment.md): a shop creates fulfilment orders that
 * come from other sales channels and gets packages and tracking back, in the shape of Amazon's
 * Multi-Channel Fulfillment (Fulfillment Outbound API v2020-07-01) so that code written for it
 * works with few changes. It is MCF-shaped, not Amazon's service: the packages are the shop's own
 * (its warehouse attaches them), tracked by Otodoke like any shipment.
 */
package io.otodoke.fulfillment;
