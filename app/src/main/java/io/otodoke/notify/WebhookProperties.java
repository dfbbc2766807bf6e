package io.otodoke.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound webhooks ({@code otodoke.notify.webhook.*}, docs/configuration.md).
 *
 * @param timeout           how long one POST may take, connecting included (default 10 s)
 * @param retryFor          a message is retried with the dispatcher's backoff while the waits add up
 *                          to no more than this (default 24 h), then given up as failed
 * @param disableAfter      failed tries in a row, over all messages, after which an endpoint is
 *                          disabled and the operators alerted (default 20)
 * @param allowHttpLoopback accept {@code http://} URLs on localhost and loopback addresses, for tests and
 *                          benchmarks (default false: https only)
 */
@ConfigurationProperties("otodoke.notify.webhook")
public record WebhookProperties(Duration timeout, Duration retryFor, Integer disableAfter, boolean allowHttpLoopback) {

    public WebhookProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        disableAfter = disableAfter == null ? 20 : disableAfter;
    }
}
