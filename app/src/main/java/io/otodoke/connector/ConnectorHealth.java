package io.otodoke.connector;

import java.time.Instant;

/**
 * How one connector is doing, since the server started.
 *
 * @param successRate     successes / attempts, null before the first attempt
 * @param averageLatencyMillis mean time of an attempt (fetch and parse)
 * @param circuit         the circuit breaker's state: CLOSED (working), OPEN (failing: no calls for a while),
 *                        HALF_OPEN (trying again)
 * @param layoutAlert     the last failure was a page the parser did not recognise: the carrier changed its layout
 */
public record ConnectorHealth(String source, long attempts, long successes, long failures, Double successRate,
                              Long averageLatencyMillis, Instant lastSuccess, Instant lastFailure, String lastError,
                              String circuit, boolean layoutAlert) {
}
