package io.otodoke.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An order is late when nothing was sent otodoke.seller.ship-within after it was ordered (default 72 h). */
class ShipByDeadlineTest {

    static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    final ShipByDeadline deadline = new ShipByDeadline(Clock.fixed(NOW, ZoneOffset.UTC), SellerProperties.defaults());

    @Test
    void lateOnlyAfterSeventyTwoHours() {
        assertThat(deadline.late(NOW.minus(Duration.ofHours(73)))).isTrue();
        assertThat(deadline.late(NOW.minus(Duration.ofHours(72)))).isFalse();
        assertThat(deadline.late(NOW.minus(Duration.ofHours(1)))).isFalse();
        assertThat(deadline.shipBy(NOW)).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(deadline.lateIfOrderedBefore()).isEqualTo(NOW.minus(Duration.ofHours(72)));
    }

    @Test
    void theDeadlineIsConfigurable() {
        var tight = new ShipByDeadline(Clock.fixed(NOW, ZoneOffset.UTC), new SellerProperties(Duration.ofHours(24), null));
        assertThat(tight.late(NOW.minus(Duration.ofHours(25)))).isTrue();
    }

    @Test
    void untrackedMethodsHaveWindowsThatConfigurationMayChangeOrAdd() {
        var p = new SellerProperties(null, java.util.Map.of("teikeigai", "1-3", "nekopos-letter", "2-4"));
        assertThat(p.window("teikeigai")).isEqualTo(new SellerProperties.Window(1, 3));
        assertThat(p.window("yu-mail")).isEqualTo(new SellerProperties.Window(3, 7));
        assertThat(p.window("nekopos-letter")).isEqualTo(new SellerProperties.Window(2, 4));
        assertThat(p.window("takkyubin")).isNull();
    }
}
