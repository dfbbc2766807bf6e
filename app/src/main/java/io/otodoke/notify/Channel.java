package io.otodoke.notify;

/**
 * A way to reach a person: e-mail here; Web Push, outbound webhooks and LINE are the next ones.
 * The dispatcher hands a channel one {@link Notification} at a time, already rendered in the
 * subscriber's language, and records what the channel answers; a channel keeps no state of its own
 * about what was sent.
 *
 * <p>To add a channel: implement this interface as a Spring bean with a new {@link #code()}; a
 * subscription whose {@code channel} is that code is then sent through it. Nothing else in the
 * module changes (docs/notifications.md, "Adding a channel").
 *
 * <p>Delivery is at least once in one narrow case: a node that dies after the channel accepted a
 * message but before the dispatcher recorded it sends it again after the claim expires. A channel
 * passes {@link Notification#idempotencyKey()} to its receiver (e-mail Message-ID, a webhook's id
 * header, LINE's X-Line-Retry-Key) so that the receiver can drop that duplicate.
 */
public interface Channel {

    /** The value of a subscription's {@code channel} that this channel serves: "email", "webpush" … */
    String code();

    /**
     * Whether an address is one this channel can send to, checked when someone subscribes; the
     * answer is a reason a person can act on, or null when the address is fine.
     */
    String invalidAddress(String address);

    /**
     * Sends one message. A failure is returned, not thrown: {@link Delivery#retry} when trying
     * again later may succeed (server down, rate limited), {@link Delivery#rejected} when it never
     * will (the address does not exist). An exception counts as a retry.
     */
    Delivery send(Notification notification);

    /**
     * How long a message is retried: null for the dispatcher's {@code max-attempts}; else tries
     * go on while the backoff waits add up to no more than this (webhooks: 24 hours).
     */
    default java.time.Duration retryFor() {
        return null;
    }

    /**
     * Whether the channel shows people the message's subject, text or HTML; false (webhooks) skips
     * rendering the templates, and the message carries its data and link only.
     */
    default boolean readsText() {
        return true;
    }
}
