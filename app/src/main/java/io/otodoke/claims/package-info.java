/**
 * Claims (issue 8 part 3, docs/delivery.md#claims): a parcel lost (no news for days), damaged
 * (with photos) or delivered but not received. The claim carries the evidence from tracking
 * ({@link io.otodoke.claims.ClaimEvidence}); the shop's rules ({@link io.otodoke.claims.ClaimRules})
 * approve some at once — a delivery scan far from the address — and leave the others for review.
 */
package io.otodoke.claims;
