package io.otodoke.connector.webhook;

import io.otodoke.connector.ConnectorIngest;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Parsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes stored webhook deliveries: parse with the source's parser, ingest through
 * {@link ConnectorIngest}, record the outcome on the row, all in one transaction per delivery.
 *
 * <p>Why a drain of the inbox table rather than an application event or {@code @Async}: the row
 * the receiver committed is already a durable queue, so a delivery received just before a crash
 * or a restart is processed afterwards without a second outbox, and {@code for update skip
 * locked} lets several instances share the work. The receiver wakes the drain right after its
 * commit, so events appear within moments; the schedule only catches what a wake missed.
 *
 * <p>A payload its parser refuses is finished as {@code rejected} with the parser's reason and
 * never tried again (the same bytes would fail the same way). An unexpected failure is tried again
 * on later drains, at most {@link WebhookInbox#MAX_ATTEMPTS} times in all.
 */
@Component
class WebhookDrain {

    private static final Logger log = LoggerFactory.getLogger(WebhookDrain.class);
    /** ParseContext's "today" is the date in Japan. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final WebhookInbox inbox;
    private final Parsers parsers;
    private final ConnectorIngest ingest;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Processed deliveries are kept this long (they may hold personal data of the sender's), then deleted. */
    private final Duration retention;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    WebhookDrain(WebhookInbox inbox, Parsers parsers, ConnectorIngest ingest, TransactionTemplate tx, Clock clock,
                 @Value("${otodoke.webhooks.retention:P30D}") Duration retention) {
        this.retention = retention;
        this.inbox = inbox;
        this.parsers = parsers;
        this.ingest = ingest;
        this.tx = tx;
        this.clock = clock;
    }

    /** Drains soon on a virtual thread; wakes while it runs make it go round once more. */
    void wake() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("webhook-drain").start(() -> {
                try {
                    while (requested.getAndSet(false)) {
                        drain();
                    }
                } finally {
                    running.set(false);
                }
                if (requested.get()) {
                    wake(); // a wake that came after the last round but before running was cleared
                }
            });
        }
    }

    /** Every delivery waiting now, each visited once, oldest first. */
    @Scheduled(initialDelayString = "${otodoke.webhooks.drain-interval:PT30S}",
            fixedDelayString = "${otodoke.webhooks.drain-interval:PT30S}")
    void drain() {
        long after = 0;
        try {
            Long id;
            while ((id = processNext(after)) != null) {
                after = id;
            }
            inbox.deleteProcessedBefore(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            log.warn("Webhook drain stopped: {}", e.toString());
        }
    }

    /** Processes the next waiting delivery after {@code afterId}; its id, or null when none waits. */
    Long processNext(long afterId) {
        long[] current = {-1};
        try {
            return tx.execute(status -> {
                var delivery = inbox.lockNext(afterId);
                if (delivery.isEmpty()) {
                    return null;
                }
                var d = delivery.get();
                current[0] = d.id();
                process(d);
                return d.id();
            });
        } catch (RuntimeException e) {
            if (current[0] < 0) {
                throw e; // the inbox itself could not be read: stop this drain, the next one tries again
            }
            log.warn("Webhook delivery {} could not be ingested: {}", current[0], e.toString());
            inbox.attemptFailed(current[0], "ingest failed: " + e, clock.instant());
            return current[0];
        }
    }

    private void process(WebhookInbox.Delivery d) {
        Instant now = clock.instant();
        if (!parsers.knows(d.source())) {
            inbox.finish(d.id(), "failed", "no parser for source '" + d.source() + "' in this build (parsers: "
                    + parsers.sources() + "); the payload is kept", now);
            return;
        }
        List<ParsedShipment> parsed;
        try {
            parsed = parsers.parse(d.source(), d.body(), new ParseContext(LocalDate.ofInstant(d.receivedAt(), JAPAN),
                    LocalDate.ofInstant(now, JAPAN), d.receivedAt()));
        } catch (ParseException e) {
            inbox.finish(d.id(), "rejected", e.kind() + ": " + e.getMessage(), now);
            return;
        }
        ConnectorIngest.Result result = ingest.ingest(d.source(), parsed);
        inbox.finish(d.id(), "ingested", result.summary(), now);
    }
}
