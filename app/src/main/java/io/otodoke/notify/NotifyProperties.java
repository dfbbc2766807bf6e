package io.otodoke.notify;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code otodoke.notify.*}, docs/configuration.md).
 *
 * @param baseUrl        the address people reach this server at, for the links in messages
 *                       (default {@code http://localhost:8080})
 * @param quietStart     default start of quiet hours, Japan time (default 21:00); a user may choose their own
 * @param quietEnd       default end of quiet hours (default 08:00); equal to the start: no quiet hours
 * @param dispatcher     how the outbox is sent
 * @param mail           the e-mail channel
 * @param signingKey     key of the signed unsubscribe links; empty: one made once per installation and
 *                       kept in the database
 */
@ConfigurationProperties("otodoke.notify")
public record NotifyProperties(String baseUrl, LocalTime quietStart, LocalTime quietEnd, Dispatcher dispatcher,
                               Mail mail, String signingKey) {

    public NotifyProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        quietStart = quietStart == null ? LocalTime.of(21, 0) : quietStart;
        quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        dispatcher = dispatcher == null ? new Dispatcher(null, null, null, null, null, null, null, null) : dispatcher;
        mail = mail == null ? new Mail(null) : mail;
    }

    /**
     * @param enabled     send at all on this node (default true); a node with false only fills the outbox
     * @param interval    how often due messages are looked for (default 5 s); new ones are also sent
     *                    right after the transaction that made them commits
     * @param batchSize   messages claimed at once (default 50)
     * @param maxAttempts tries before a message is given up as failed (default 12: about a day with the backoff)
     * @param backoff     wait after the first failure, doubled after each (default 1 min)
     * @param maxBackoff  the longest wait between tries (default 6 h)
     * @param claimTimeout a message claimed longer ago than this and still not done belongs to a node
     *                    that died: it is claimed again (default 5 min)
     * @param batchesInFlight batches sent at the same time: the next is claimed while one is sending (default 2)
     */
    public record Dispatcher(Boolean enabled, Duration interval, Integer batchSize, Integer maxAttempts,
                             Duration backoff, Duration maxBackoff, Duration claimTimeout, Integer batchesInFlight) {

        public Dispatcher {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            batchSize = batchSize == null ? 50 : batchSize;
            maxAttempts = maxAttempts == null ? 12 : maxAttempts;
            backoff = backoff == null ? Duration.ofMinutes(1) : backoff;
            maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
            claimTimeout = claimTimeout == null ? Duration.ofMinutes(5) : claimTimeout;
            batchesInFlight = batchesInFlight == null ? 2 : Math.max(1, batchesInFlight);
        }

        /** The most messages being sent at once: a batch's size times the batches in flight. */
        public int maxInFlight() {
            return batchSize * batchesInFlight;
        }

        /** The wait after the n-th failed try (n ≥ 1): backoff × 2^(n−1), at most maxBackoff. */
        Duration backoffAfter(int attempts) {
            Duration d = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    /** @param from the sender of notification e-mails (default {@code Otodoke <noreply@localhost>}) */
    public record Mail(String from) {

        public Mail {
            from = from == null || from.isBlank() ? "Otodoke <noreply@localhost>" : from;
        }
    }
}
