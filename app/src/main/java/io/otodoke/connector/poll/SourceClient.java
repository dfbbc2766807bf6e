package io.otodoke.connector.poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;

/**
 * How to ask one source about some tracking numbers: the request only. Fetching, retries, rate
 * limits, the circuit breaker and parsing are the {@link Poller}'s, the same for every source.
 */
public interface SourceClient {

    /** The source code, which is also its parser's. */
    String source();

    /**
     * The carriers whose parcels this source can poll as configured: a carrier's own page its
     * carrier, an API only once its credentials are set (empty without them: the source is not used).
     * When several sources can, the {@link Poller} picks one by {@link Poller#PREFERENCE}.
     */
    Set<String> carriers();

    /** The carrier's own address, used unless otodoke.connector.sources.&lt;source&gt;.base-url says otherwise. */
    String defaultBaseUrl();

    /** The most numbers one request may carry. */
    int maxBatch();

    /** Requests per second unless configured: the source's published limit, else 1. */
    default double defaultRequestsPerSecond() {
        return 1;
    }

    /** Multiplies every polling interval unless configured: a source with a small daily allowance is asked less often. */
    default double defaultCadenceMultiplier() {
        return 1;
    }

    HttpRequest.Builder request(URI baseUrl, List<String> numbers);

    /** Whether an answer with this HTTP status is a payload to parse rather than a refusal (DHL's 404 says "not found"). */
    default boolean parses(int httpStatus) {
        return httpStatus < 400;
    }

    /**
     * The whole exchange for one batch: by default the one {@link #request}. A source that needs
     * something first (an access token, a registration) overrides this and sends every request
     * through {@code exchange}, so that each one is rate-limited, identified and checked alike.
     */
    default byte[] fetch(URI baseUrl, List<String> numbers, Exchange exchange) throws IOException, InterruptedException {
        return exchange.send(request(baseUrl, numbers));
    }

    /** Sends one request the poller's way and returns the body of an answer worth parsing; a failed answer throws. */
    @FunctionalInterface
    interface Exchange {
        byte[] send(HttpRequest.Builder request) throws IOException, InterruptedException;
    }
}
