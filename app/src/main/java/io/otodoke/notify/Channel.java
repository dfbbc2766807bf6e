package io.otodoke.notify;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A way to reach a person: e-mail, Web Push, an outbound webhook, LINE.
 * The dispatcher hands a channel a batch of {@link Notification}s, each already rendered in the
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
     * Sends a batch and answers one delivery per message, in the batch's order. By default each
     * message is sent on its own virtual thread: a message mostly waits for its receiver, and one
     * slow receiver must not hold up the others. A channel that looks something up per message
     * (a webhook's endpoint) overrides this to look it up once per batch.
     */
    default List<Delivery> send(List<Notification> batch) {
        return Channel.concurrently(batch, this::send);
    }

    /** Each message through {@code send} on its own virtual thread; an exception counts as a retry. */
    static List<Delivery> concurrently(List<Notification> batch, Function<Notification, Delivery> send) {
        Function<Notification, Delivery> safe = n -> {
            try {
                return send.apply(n);
            } catch (RuntimeException e) {
                return Delivery.retry(e.getClass().getSimpleName());
            }
        };
        if (batch.size() == 1) {
            return List.of(safe.apply(batch.getFirst()));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Delivery>> futures = batch.stream().map(n -> threads.submit(() -> safe.apply(n))).toList();
            threads.shutdown();
            return futures.stream().map(Channel::answer).toList();
        }
    }

    private static Delivery answer(Future<Delivery> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        } catch (ExecutionException e) {
            return Delivery.retry(e.getCause().getClass().getSimpleName());
        }
    }

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
