package io.otodoke.notify;

import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
    private final ShipmentRegistry registry;
    private final MessageRenderer renderer;
    private final UnsubscribeLinks links;
    private final Map<String, Channel> channels;
    private final NotifyProperties.Dispatcher settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    Dispatcher(Outbox outbox, ShipmentRegistry registry, MessageRenderer renderer,
               UnsubscribeLinks links, List<Channel> channels, NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
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

    /**
     * Sends everything due now; one run at a time on this node (other nodes are kept apart by the
     * claim). While a batch is being sent the next is claimed and sent too, up to
     * {@code batches-in-flight} at once: the claim's commit and the reads of a batch then overlap
     * the waiting for the receivers of the one before.
     */
    public void dispatchDue() {
        again.set(true);
        while (again.get() && !stopped && running.compareAndSet(false, true)) {
            again.set(false);
            Semaphore slots = new Semaphore(settings.batchesInFlight());
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                int claimed;
                do {
                    slots.acquireUninterruptibly();
                    List<Outbox.Claimed> batch;
                    try {
                        Instant now = clock.instant();
                        batch = outbox.claim(now, now.minus(settings.claimTimeout()), settings.batchSize());
                    } catch (RuntimeException e) {
                        slots.release();
                        throw e;
                    }
                    claimed = batch.size();
                    senders.execute(() -> {
                        try {
                            sendAll(batch);
                        } catch (RuntimeException e) {
                            log.warn("Sending a batch of notifications failed; it is tried again after the claim timeout: {}",
                                    e.toString());
                        } finally {
                            slots.release();
                        }
                    });
                } while (claimed == settings.batchSize() && !stopped);
            } catch (RuntimeException e) {
                log.warn("Sending notifications failed; the next run tries again: {}", e.toString());
            } finally {
                running.set(false);
            }
        }
    }

    /** A row ready for its channel. */
    private record Ready(Outbox.Claimed row, Subscription subscription, Notification notification) {
    }

    /**
     * Sends a batch: its rows came with their subscriptions; their shipments with their orders
     * are read in one query (and, in the channel, the webhook endpoints in one more), then each channel sends its part,
     * the channels at the same time. The rows sent are marked SENT together when the batch is done,
     * in one statement: a commit per message would make the disk's flush the limit. A node that
     * dies before that statement sends the batch's accepted messages again after the claim
     * timeout, with the same idempotency keys (the window the class comment describes, one batch
     * wide). A row that cannot be prepared (the database failed) stays SENDING and is claimed again
     * after the claim timeout.
     */
    private void sendAll(List<Outbox.Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, ShipmentRegistry.ShipmentAndOrder> shipments = registry.shipmentsWithOrders(
                batch.stream().map(Outbox.Claimed::shipmentId).distinct().toList());
        Map<String, List<Ready>> byChannel = new LinkedHashMap<>();
        for (Outbox.Claimed row : batch) {
            try {
                prepare(row, shipments.get(row.shipmentId()))
                        .ifPresent(r -> byChannel.computeIfAbsent(r.subscription().channel(), k -> new ArrayList<>()).add(r));
            } catch (RuntimeException e) {
                log.warn("Notification {} could not be prepared; it is tried again after the claim timeout: {}",
                        row.id(), e.toString());
            }
        }
        Queue<Long> sent = new ConcurrentLinkedQueue<>();
        if (byChannel.size() == 1) {
            byChannel.forEach((code, rows) -> sendLogged(code, rows, sent));
        } else {
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                byChannel.forEach((code, rows) -> threads.execute(() -> sendLogged(code, rows, sent)));
            }
        }
        if (!sent.isEmpty()) {
            outbox.sent(List.copyOf(sent), clock.instant());
        }
    }

    /**
     * The notification of a row, or empty when the row was dropped (its subscription or shipment
     * is gone, or the shipment has moved past the milestone).
     */
    private Optional<Ready> prepare(Outbox.Claimed row, ShipmentRegistry.ShipmentAndOrder found) {
        Subscription s = row.subscription();
        ShipmentView sh = found == null ? null : found.shipment();
        if (s == null || sh == null || sh.tenantId() != s.tenantId()) {
            outbox.dropped(row.id(), "subscription or shipment gone");
            return Optional.empty();
        }
        if (row.milestone().outdatedWhen(sh.status() == TrackingStatus.OUT_FOR_DELIVERY)) {
            outbox.dropped(row.id(), "out of date: the shipment is " + sh.status());
            return Optional.empty();
        }
        Channel channel = channels.get(s.channel());
        // a channel this node lacks: a notification without text, answered below with a retry
        Optional<OrderView> order = Optional.ofNullable(found.order()).filter(o -> o.tenantId() == s.tenantId());
        String unsubscribe = links.url(s.id());
        Message message = renderer.render(s, sh, order, row.milestone(), row.facts(), unsubscribe,
                channel != null && channel.readsText());
        return Optional.of(new Ready(row, s, new Notification(row.id(), "otodoke-notification-" + row.id(), s.id(),
                sh.id(), row.milestone(), s.address(), s.language(), message, unsubscribe)));
    }

    /** Sends one channel's rows and records their failures; a failure to record leaves the rows SENDING. */
    private void sendLogged(String code, List<Ready> rows, Queue<Long> sent) {
        Channel channel = channels.get(code);
        List<Delivery> deliveries;
        try {
            deliveries = channel == null
                    ? rows.stream().map(r -> Delivery.retry("no channel '" + code + "' on this node")).toList()
                    : channel.send(rows.stream().map(Ready::notification).toList());
        } catch (RuntimeException e) {
            log.warn("Sending {} notifications ({}) failed; they are tried again after the claim timeout: {}",
                    rows.size(), code, e.toString());
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < rows.size(); i++) {
            Outbox.Claimed row = rows.get(i).row();
            Delivery delivery = deliveries.get(i);
            try {
                switch (delivery.outcome()) {
                    case SENT -> sent.add(row.id());
                    case REJECTED -> outbox.failed(row.id(), null, delivery.detail());
                    case RETRY -> {
                        Instant next = lastTry(channel, row.attempts()) ? null : now.plus(settings.backoffAfter(row.attempts()));
                        outbox.failed(row.id(), next, delivery.detail());
                        log.info("Notification {} ({}) not sent, try {}: {}", row.id(), code, row.attempts(), delivery.detail());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Notification {} could not be recorded; it is tried again after the claim timeout: {}",
                        row.id(), e.toString());
            }
        }
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
