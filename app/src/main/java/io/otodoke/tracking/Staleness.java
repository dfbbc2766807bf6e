package io.otodoke.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.otodoke.tracking.TrackingStatus.*;

/**
 * Whether an unfinished shipment looks stuck, and whether it has expired: the clock-based states
 * of status-model.md "Staleness". Applied by the scheduler against the current time, never by a
 * parser (rule 5), so {@code now} is a parameter and this class reads no clock.
 *
 * <p>Reading of the staleness table:
 * <ul>
 *   <li>Finished shipments ({@link TrackingStatus#isFinished()}) are never stale or expired.</li>
 *   <li>{@code NO_CARRIER_SCAN} — the carrier has not scanned the parcel: {@code LABEL_CREATED} or
 *       {@code NOT_FOUND}, counted from the shipment's creation (the same 48 h in which
 *       {@link StatusDerivation} shows a "no record" answer as a fresh label); or
 *       {@code PICKED_UP} known only from the shop's side (no carrier event at all), counted from
 *       that handover.</li>
 *   <li>{@code NOT_DELIVERED_TODAY} — {@code OUT_FOR_DELIVERY} and the local day of the last update
 *       is over in {@code zone}. Checked before {@code NO_UPDATE}: it is the more specific advice.</li>
 *   <li>{@code NO_UPDATE} — the other in-progress statuses (carrier-scanned {@code PICKED_UP},
 *       {@code IN_TRANSIT}, {@code ARRIVED_AT_DELIVERY_BASE}, {@code DELIVERY_ATTEMPTED},
 *       {@code RETURNING_TO_SENDER}, {@code EXCEPTION}) after 24 h, or 72 h on an international
 *       leg, without an update.</li>
 *   <li>Not stale: {@code PREPARING} (no carrier involved yet) and {@code HELD_FOR_PICKUP} (the
 *       parcel waits for the recipient, days of silence are normal); both still expire.</li>
 * </ul>
 * A duration reached exactly counts as elapsed.
 */
public final class Staleness {

    private static final Set<TrackingStatus> IN_PROGRESS = EnumSet.of(PICKED_UP, IN_TRANSIT,
            ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, RETURNING_TO_SENDER, EXCEPTION);

    private Staleness() {
    }

    /**
     * @param lastEventAt       when the latest event of the shipment happened; null when there is none
     * @param lastCarrierScanAt when the latest event from the carrier itself (not the shop's order
     *                          side) happened; null when the carrier has said nothing yet
     * @param international     the current leg crosses a border (customs, foreign carriers)
     * @param zone              the zone whose day ends an out-for-delivery run (Asia/Tokyo in Japan)
     */
    public static Optional<StaleReason> evaluate(TrackingStatus status, Instant lastEventAt,
                                                 Instant lastCarrierScanAt, Instant createdAt,
                                                 boolean international, Instant now, ZoneId zone,
                                                 StalenessThresholds t) {
        requireShipmentStatus(status);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(t, "thresholds");
        if (status.isFinished()) {
            return Optional.empty();
        }
        Instant lastUpdate = lastEventAt != null ? lastEventAt : createdAt;

        if (status == LABEL_CREATED || status == NOT_FOUND) {
            return elapsed(createdAt, now, t.noCarrierScan()) ? Optional.of(StaleReason.NO_CARRIER_SCAN) : Optional.empty();
        }
        if (status == PICKED_UP && lastCarrierScanAt == null) {
            Instant handover = lastUpdate.isAfter(createdAt) ? lastUpdate : createdAt;
            return elapsed(handover, now, t.noCarrierScan()) ? Optional.of(StaleReason.NO_CARRIER_SCAN) : Optional.empty();
        }
        if (status == OUT_FOR_DELIVERY
                && now.atZone(zone).toLocalDate().isAfter(lastUpdate.atZone(zone).toLocalDate())) {
            return Optional.of(StaleReason.NOT_DELIVERED_TODAY);
        }
        if (IN_PROGRESS.contains(status)) {
            Duration limit = international ? t.noUpdateInternational() : t.noUpdate();
            return elapsed(lastUpdate, now, limit) ? Optional.of(StaleReason.NO_UPDATE) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether Otodoke sets the shipment to {@code EXPIRED}: no update for {@code expireAfter} (30 days)
     * while not finished (status-model.md "Staleness", last row).
     *
     * @param lastEventAt when the latest event happened; null when there is none (then since creation)
     */
    public static boolean shouldExpire(TrackingStatus status, Instant lastEventAt, Instant createdAt, Instant now,
                                       StalenessThresholds t) {
        requireShipmentStatus(status);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(t, "thresholds");
        if (status.isFinished()) {
            return false;
        }
        Instant lastUpdate = lastEventAt != null ? lastEventAt : createdAt;
        return elapsed(lastUpdate, now, t.expireAfter());
    }

    private static boolean elapsed(Instant since, Instant now, Duration duration) {
        return !now.isBefore(since.plus(duration));
    }

    private static void requireShipmentStatus(TrackingStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is an event status, never a shipment status");
        }
    }
}
