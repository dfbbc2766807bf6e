package io.otodoke.tracking;

import java.util.Optional;

/**
 * What to tell a person whose parcel needs attention (status-model.md "Staleness"): one case per
 * row of the table, plus an {@code EXCEPTION} the carrier reported. Each case has a title and an
 * advice text in the message bundles ({@link #titleKey()}, {@link #adviceKey()}).
 */
public enum Guidance {
    /** The carrier's tracking cannot be read now (its connector's circuit is open): not a stuck parcel. */
    CARRIER_DEGRADED("carrier.unavailable.title", "carrier.unavailable.text"),
    NO_CARRIER_SCAN("stale.NO_CARRIER_SCAN", "stale.advice.NO_CARRIER_SCAN"),
    NO_UPDATE("stale.NO_UPDATE", "stale.advice.NO_UPDATE"),
    NOT_DELIVERED_TODAY("stale.NOT_DELIVERED_TODAY", "stale.advice.NOT_DELIVERED_TODAY"),
    /** Silent for 30 days while not finished: Otodoke stopped tracking it. */
    EXPIRED("guidance.EXPIRED", "guidance.advice.EXPIRED"),
    /** The carrier itself says something is wrong (address, damage, loss, customs …). */
    EXCEPTION("guidance.EXCEPTION", "guidance.advice.EXCEPTION");

    private final String titleKey;
    private final String adviceKey;

    Guidance(String titleKey, String adviceKey) {
        this.titleKey = titleKey;
        this.adviceKey = adviceKey;
    }

    /** The title's message key; {@code CARRIER_DEGRADED}'s takes the carrier's name as argument {0}. */
    public String titleKey() {
        return titleKey;
    }

    public String adviceKey() {
        return adviceKey;
    }

    /**
     * The one case that applies, if any. An outage comes first: while the carrier cannot be read,
     * the missing news says nothing about the parcel. Then the carrier's own word (expired,
     * exception) before Otodoke's inference from silence.
     */
    public static Optional<Guidance> of(TrackingStatus status, String staleReason, boolean carrierUnavailable) {
        if (status == null || status.isFinished() && status != TrackingStatus.EXPIRED) {
            return Optional.empty();
        }
        if (carrierUnavailable) {
            return Optional.of(CARRIER_DEGRADED);
        }
        if (status == TrackingStatus.EXPIRED) {
            return Optional.of(EXPIRED);
        }
        if (status == TrackingStatus.EXCEPTION) {
            return Optional.of(EXCEPTION);
        }
        return staleReason == null ? Optional.empty() : Optional.of(valueOf(staleReason));
    }
}
