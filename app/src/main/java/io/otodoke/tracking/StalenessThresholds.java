package io.otodoke.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a shipment may stay silent before Otodoke calls it stale or expired. Configuration,
 * with the defaults of status-model.md "Staleness".
 *
 * @param noCarrierScan         label created or handed over, no carrier scan yet (48 h)
 * @param noUpdate              any in-progress status without an update, domestic (24 h)
 * @param noUpdateInternational the same on an international leg (72 h)
 * @param expireAfter           no update while not finished: the shipment becomes EXPIRED (30 days)
 */
public record StalenessThresholds(Duration noCarrierScan, Duration noUpdate, Duration noUpdateInternational,
                                  Duration expireAfter) {

    public static final StalenessThresholds DEFAULTS = new StalenessThresholds(
            Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(30));

    public StalenessThresholds {
        requirePositive(noCarrierScan, "noCarrierScan");
        requirePositive(noUpdate, "noUpdate");
        requirePositive(noUpdateInternational, "noUpdateInternational");
        requirePositive(expireAfter, "expireAfter");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
