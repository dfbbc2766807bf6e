package io.otodoke.tracking.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts public lookups per client address and per tracking number in fixed windows. A lookup
 * is allowed only when every count stays within its limit, and then all of them are counted;
 * a refused lookup counts nothing. In memory: the counts of one server.
 */
final class LookupRateLimiter {

    /** Beyond this many keys, expired windows are swept before adding another. */
    private static final int SWEEP_ABOVE = 100_000;

    private final LookupLimits limits;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    LookupRateLimiter(LookupLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    private record Window(long startMillis, int count) {
    }

    /** Empty when allowed; otherwise how long to wait. */
    synchronized Optional<Duration> tryAcquire(String client, Collection<String> numbers) {
        long now = clock.millis();
        long windowMillis = limits.window().toMillis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> now - w.startMillis() >= windowMillis);
        }
        long retryAt = 0;
        if (count("c:" + client, now, windowMillis) + numbers.size() > limits.perClient()) {
            retryAt = end("c:" + client, windowMillis);
        }
        for (String n : numbers) {
            if (count("n:" + n, now, windowMillis) + 1 > limits.perNumber()) {
                retryAt = Math.max(retryAt, end("n:" + n, windowMillis));
            }
        }
        if (retryAt > 0) {
            return Optional.of(Duration.ofMillis(Math.max(1_000, retryAt - now)));
        }
        add("c:" + client, numbers.size(), now, windowMillis);
        numbers.forEach(n -> add("n:" + n, 1, now, windowMillis));
        return Optional.empty();
    }

    private int count(String key, long now, long windowMillis) {
        Window w = windows.get(key);
        return w == null || now - w.startMillis() >= windowMillis ? 0 : w.count();
    }

    private long end(String key, long windowMillis) {
        return windows.get(key).startMillis() + windowMillis;
    }

    private void add(String key, int amount, long now, long windowMillis) {
        windows.merge(key, new Window(now, amount), (old, fresh) -> now - old.startMillis() >= windowMillis
                ? fresh : new Window(old.startMillis(), old.count() + amount));
    }
}
