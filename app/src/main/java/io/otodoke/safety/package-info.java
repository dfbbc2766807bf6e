/**
 * The scam check for delivery messages and links (design/safety.md, docs/safety.md): a message or
 * bare URLs in, a verdict ({@link io.otodoke.safety.Verdict}) with reasons and official links out.
 * It works offline on strings only: no link is ever fetched, resolved or rendered clickable.
 * {@link io.otodoke.safety.SafetyCheck} is a plain library (the CLI builds it without Spring); the
 * web layer adds, for a signed-in shopper, their own parcels ({@link io.otodoke.safety.ExpectedParcels}).
 */
package io.otodoke.safety;
