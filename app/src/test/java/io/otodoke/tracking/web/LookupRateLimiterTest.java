package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupRateLimiterTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final LookupRateLimiter limiter = new LookupRateLimiter(new LookupLimits(true, Duration.ofMinutes(10), 100, 3), clock);

    @Test
    void aClientMayLookUpSoManyNumbersPerWindowThenWaits() {
        for (int i = 0; i < 10; i++) {
            List<String> ten = java.util.stream.IntStream.range(0, 10).mapToObj(n -> "N" + n + "-" + Math.random()).toList();
            assertThat(limiter.tryAcquire("10.0.0.1", ten)).isEmpty();
        }
        var refused = limiter.tryAcquire("10.0.0.1", List.of("ONE-MORE"));
        assertThat(refused).isPresent();
        assertThat(refused.get()).isEqualTo(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("10.0.0.2", List.of("OTHER"))).as("another client").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("10.0.0.1", List.of("ONE-MORE"))).as("next window").isEmpty();
    }

    @Test
    void oneNumberMayBeLookedUpSoOftenFromAllClientsTogether() {
        assertThat(limiter.tryAcquire("a", List.of("123456789012"))).isEmpty();
        assertThat(limiter.tryAcquire("b", List.of("123456789012"))).isEmpty();
        assertThat(limiter.tryAcquire("c", List.of("123456789012"))).isEmpty();
        assertThat(limiter.tryAcquire("d", List.of("123456789012", "999"))).isPresent();
        // A refused lookup counts nothing: 999 is still fresh.
        assertThat(limiter.tryAcquire("d", List.of("999"))).isEmpty();
    }
}
