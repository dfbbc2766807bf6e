package io.otodoke.connector;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.otodoke.tracking.CarrierAvailability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each connector's success rate, latency, last success and circuit state. The circuit breaker of
 * a source opens when most of its recent calls failed, so that Otodoke stops hammering a carrier
 * that is down, and pages then say the carrier's tracking is unavailable rather than that a parcel
 * is stuck. Counts are kept in memory, per server.
 */
@Component
public class CarrierHealth implements CarrierAvailability {

    private static final Logger log = LoggerFactory.getLogger(CarrierHealth.class);

    private final CircuitBreakerRegistry breakers;
    private final Clock clock;
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    /** carrier → the source that polls it (a carrier's own page, or an aggregator) */
    private final Map<String, String> sourceOfCarrier = new ConcurrentHashMap<>();

    CarrierHealth(ConnectorProperties properties, Clock clock) {
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(properties.circuitMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    private static final class Counters {
        long attempts;
        long successes;
        long failures;
        long latencyMillis;
        Instant lastSuccess;
        Instant lastFailure;
        String lastError;
        boolean layoutAlert;
    }

    /** The circuit breaker of a source (created on first use). */
    public CircuitBreaker breaker(String source) {
        return breakers.circuitBreaker(source);
    }

    public void succeeded(String source, Duration took) {
        Counters c = counters.computeIfAbsent(source, s -> new Counters());
        synchronized (c) {
            c.attempts++;
            c.successes++;
            c.latencyMillis += took.toMillis();
            c.lastSuccess = clock.instant();
            c.layoutAlert = false;
        }
    }

    /** A failed attempt; {@code error} is an operator-readable reason (never a secret or a URL with one). */
    public void failed(String source, Duration took, String error, boolean layoutChanged) {
        Counters c = counters.computeIfAbsent(source, s -> new Counters());
        synchronized (c) {
            c.attempts++;
            c.failures++;
            c.latencyMillis += took.toMillis();
            c.lastFailure = clock.instant();
            c.lastError = error;
            c.layoutAlert = layoutChanged;
        }
        if (layoutChanged) {
            log.warn("Connector {}: the page was not recognised — the carrier may have changed its layout: {}", source, error);
        }
    }

    public List<ConnectorHealth> all() {
        return counters.keySet().stream().sorted().map(this::of).toList();
    }

    public ConnectorHealth of(String source) {
        Counters c = counters.computeIfAbsent(source, s -> new Counters());
        synchronized (c) {
            return new ConnectorHealth(source, c.attempts, c.successes, c.failures,
                    c.attempts == 0 ? null : (double) c.successes / c.attempts,
                    c.attempts == 0 ? null : c.latencyMillis / c.attempts, c.lastSuccess, c.lastFailure, c.lastError,
                    breaker(source).getState().name(), c.layoutAlert);
        }
    }

    /** Records which source reads a carrier's tracking, so that its outage is the carrier's to the pages. */
    public void polledBy(String carrier, String source) {
        sourceOfCarrier.put(carrier, source);
    }

    /** The source that reads the carrier's tracking has its circuit open: its tracking cannot be read now. */
    @Override
    public boolean trackingUnavailable(String carrier) {
        var breaker = breakers.find(sourceOfCarrier.getOrDefault(carrier, carrier));
        return breaker.isPresent() && switch (breaker.get().getState()) {
            case OPEN, FORCED_OPEN -> true;
            default -> false;
        };
    }
}
