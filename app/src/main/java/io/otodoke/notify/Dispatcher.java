package io.otodoke.notify;

import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox through the channels: on a schedule, and at once when a listener has added
 * messages ({@link #wake()}). Each row is claimed and marked SENDING (committed) before its channel
 * is called and marked SENT after, so a node that dies mid-way leaves the row to be claimed again
 * once {@code claim-timeout} has passed. That leaves one window of a repeat: the channel accepted
 * the message and the node died before recording it. The idempotency key of the row, given to the
 * receiver, covers it (docs/notifications.md).
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final ShipmentRegistry registry;
    private final MessageRenderer renderer;
    private final UnsubscribeLinks links;
    private final Map<String, Channel> channels;
    private final NotifyProperties.Dispatcher settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    Dispatcher(Outbox outbox, Subscriptions subscriptions, ShipmentRegistry registry, MessageRenderer renderer,
               UnsubscribeLinks links, List<Channel> channels, NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.renderer = renderer;
        this.links = links;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::code, Function.identity()));
        this.settings = properties.dispatcher();
        this.clock = clock;
    }

    /** A listener added messages and committed: send them now rather than at the next tick. */
    void wake() {
        if (settings.enabled() && !stopped) {
            Thread.ofVirtual().name("notify-dispatch").start(this::dispatchDue);
        }
    }

    @Scheduled(fixedDelayString = "${otodoke.notify.dispatcher.interval:PT5S}",
            initialDelayString = "${otodoke.notify.dispatcher.interval:PT5S}")
    void tick() {
        if (settings.enabled() && !stopped) {
            dispatchDue();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    /** Sends everything due now; one run at a time on this node (other nodes are kept apart by the claim). */
    public void dispatchDue() {
        again.set(true);
        while (again.get() && !stopped && running.compareAndSet(false, true)) {
            again.set(false);
            try {
                List<Outbox.Claimed> batch;
                do {
                    Instant now = clock.instant();
                    batch = outbox.claim(now, now.minus(settings.claimTimeout()), settings.batchSize());
                    sendAll(batch);
                } while (batch.size() == settings.batchSize() && !stopped);
            } catch (RuntimeException e) {
                log.warn("Sending notifications failed; the next run tries again: {}", e.toString());
            } finally {
                running.set(false);
            }
        }
    }

    /**
     * The rows of a batch are sent at the same time, each on a virtual thread: a message mostly
     * waits for its receiver (an HTTP endpoint, an SMTP server), and one slow receiver must not hold
     * up the others. The rows sent are marked SENT together when the batch is done, in one
     * statement: a commit per message would make the disk's flush the limit. A node that dies before
     * that statement sends the batch's accepted messages again after the claim timeout, with the
     * same idempotency keys (the window the class comment describes, one batch wide).
     */
    private void sendAll(List<Outbox.Claimed> batch) {
        Queue<Long> sent = new ConcurrentLinkedQueue<>();
        if (batch.size() == 1) {
            sendLogged(batch.getFirst(), sent);
        } else {
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                batch.forEach(row -> threads.execute(() -> sendLogged(row, sent)));
            }
        }
        if (!sent.isEmpty()) {
            outbox.sent(List.copyOf(sent), clock.instant());
        }
    }

    /** A row whose sending failed here (the database) stays SENDING and is claimed again after the claim timeout. */
    private void sendLogged(Outbox.Claimed row, Queue<Long> sent) {
        try {
            if (send(row)) {
                sent.add(row.id());
            }
        } catch (RuntimeException e) {
            log.warn("Sending notification {} failed; it is tried again after the claim timeout: {}", row.id(), e.toString());
        }
    }

    /** Sends one row and records a failure or a drop; true when the receiver accepted it (recorded by the caller). */
    private boolean send(Outbox.Claimed row) {
        Optional<Subscription> subscription = subscriptions.find(row.subscriptionId());
        Optional<ShipmentView> shipment = subscription.flatMap(s -> registry.shipment(s.tenantId(), row.shipmentId()));
        if (subscription.isEmpty() || shipment.isEmpty()) {
            outbox.dropped(row.id(), "subscription or shipment gone");
            return false;
        }
        Subscription s = subscription.get();
        ShipmentView sh = shipment.get();
        if (row.milestone().outdatedWhen(sh.status() == TrackingStatus.OUT_FOR_DELIVERY)) {
            outbox.dropped(row.id(), "out of date: the shipment is " + sh.status());
            return false;
        }
        Channel channel = channels.get(s.channel());
        Delivery delivery;
        if (channel == null) {
            delivery = Delivery.retry("no channel '" + s.channel() + "' on this node");
        } else {
            Optional<OrderView> order = sh.orderId() == null ? Optional.empty() : registry.order(s.tenantId(), sh.orderId());
            String unsubscribe = links.url(s.id());
            Message message = renderer.render(s, sh, order, row.milestone(), row.facts(), unsubscribe,
                    channel.readsText());
            Notification n = new Notification(row.id(), "otodoke-notification-" + row.id(), s.id(), sh.id(),
                    row.milestone(), s.address(), s.language(), message, unsubscribe);
            try {
                delivery = channel.send(n);
            } catch (RuntimeException e) {
                delivery = Delivery.retry(e.getClass().getSimpleName());
            }
        }
        Instant now = clock.instant();
        switch (delivery.outcome()) {
            case SENT -> {
                return true;
            }
            case REJECTED -> outbox.failed(row.id(), null, delivery.detail());
            case RETRY -> {
                Instant next = lastTry(channel, row.attempts()) ? null : now.plus(settings.backoffAfter(row.attempts()));
                outbox.failed(row.id(), next, delivery.detail());
                log.info("Notification {} ({}) not sent, try {}: {}", row.id(), s.channel(), row.attempts(), delivery.detail());
            }
        }
        return false;
    }

    /**
     * Whether the n-th try was the last: after {@code max-attempts}, or for a channel with its own
     * {@link Channel#retryFor()} when the waits so far and the next would add up to more than that.
     */
    private boolean lastTry(Channel channel, int attempts) {
        java.time.Duration window = channel == null ? null : channel.retryFor();
        if (window == null) {
            return attempts >= settings.maxAttempts();
        }
        java.time.Duration waited = java.time.Duration.ZERO;
        for (int n = 1; n <= attempts; n++) {
            waited = waited.plus(settings.backoffAfter(n));
        }
        return waited.compareTo(window) > 0;
    }
}
