package io.otodoke.notify;

/**
 * One message for one subscriber, as a {@link Channel} receives it.
 *
 * @param id             the outbox row
 * @param idempotencyKey the same for every try of this row and unique across rows: give it to the
 *                       receiver so that it can drop a resend (see {@link Channel})
 * @param address        where to, in the channel's terms (an e-mail address, a push subscription …)
 * @param language       "ja" or "en"
 * @param unsubscribeUrl a signed link that ends this subscription (GET confirms, POST unsubscribes)
 */
public record Notification(long id, String idempotencyKey, long subscriptionId, long shipmentId, Milestone milestone,
                           String address, String language, Message message, String unsubscribeUrl) {
}
