package io.otodoke.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.otodoke.tracking.TrackingStatus.*;

/**
 * One shipment status from all of a parcel's events, by the precedence rules of status-model.md
 * "Deriving the shipment status" — not "the last row wins" (carriers.md §2 rule 2).
 *
 * <p>Events are read in {@link EventOrder}; each one may move the status:
 * <ul>
 *   <li>Notes ({@link TrackingEvent#isNote()}: Otodoke's record of a change request) never do,
 *       whatever status they carry and whenever they arrive.</li>
 *   <li>{@code UNKNOWN} events and request acknowledgements (reason {@code RESCHEDULED} with the
 *       status the shipment already has, e.g. Yamato 依頼受付（再配達）) do not (rule 2).</li>
 *   <li><b>Terminal stickiness</b> (rule 3): after {@code DELIVERED} only {@code RETURNING_TO_SENDER},
 *       {@code RETURNED} or {@code EXCEPTION} move the status, so a 配達中 stamped after 配達完了
 *       changes nothing. A second pickup after {@code DELIVERED} on the same waybill (a return
 *       reusing the number, carriers.md §9, shlee322/delivery-tracker #104) starts a new leg that
 *       "does not undo the delivery": the shipment stays {@code DELIVERED}; the leg is visible in
 *       the {@link Timeline}. A later {@code DELIVERED} does not replace the first one either.</li>
 *   <li>{@code RETURNED} is final: the parcel is back with the sender and nothing moves it.</li>
 *   <li>{@code CANCELLED} means "cancelled before carriage" (carriers.md §2). Pre-carriage events
 *       (label, preparing) do not move it back, but a carrier scan proving carriage
 *       ({@code PICKED_UP} onwards, or {@code EXCEPTION}) does: the parcel moved, so the
 *       cancellation (e.g. a PickupCancelled for one pickup slot) did not take effect.</li>
 *   <li><b>Return-leg stickiness</b> (rule 3): after {@code RETURNING_TO_SENDER} — Yamato keeps
 *       printing 陸・海上切替え after 返品 — movement scans belong to the return leg and the status
 *       stays {@code RETURNING_TO_SENDER} until {@code RETURNED} or {@code EXCEPTION}. A
 *       {@code DELIVERED} on the return leg is the delivery back to the sender and yields
 *       {@code RETURNED}. A movement scan after an {@code EXCEPTION} on the return leg resumes
 *       {@code RETURNING_TO_SENDER}.</li>
 *   <li>Pre-carriage events ({@code PREPARING}, {@code LABEL_CREATED}) never move the status back
 *       once the parcel is further: DHL's Unified API can report pre-transit after transit
 *       (carriers.md §9 "Ordering").</li>
 *   <li>{@code EXPIRED} events (an aggregator stopped tracking) do not move the status: they say
 *       nothing about the parcel, and Otodoke applies its own clock-based expiry in
 *       {@link Staleness} (rule 5).</li>
 *   <li>Otherwise the latest event decides; the redelivery loop 配達中 → 持戻 → 保管中 → 配達中 →
 *       配達完了 is followed as it happened.</li>
 * </ul>
 * {@code NOT_FOUND} never overrides a real scan: it is the status only when no other event
 * remains, and a "no record" answer observed (its {@code receivedAt}) less than
 * {@link #NOT_FOUND_GRACE} after the shipment was created shows {@code LABEL_CREATED}, because
 * carriers give the same answer for a number not registered yet (carriers.md §2). Without any
 * event the status is {@code LABEL_CREATED}: a registered tracking number means a label exists.
 *
 * <p>Pure: no clock, so the same events give the same status on any day (rule 5). Scans that
 * differ only in {@code receivedAt} (the same row polled again) count once, so re-ingesting an
 * event changes nothing (rule 4). Never returns {@code UNKNOWN}.
 */
public final class StatusDerivation {

    /** A carrier's "no record" answer is normal this long after the label was created (status-model.md). */
    public static final Duration NOT_FOUND_GRACE = Duration.ofHours(48);

    /** Statuses of a parcel that is physically moving with the carrier. */
    private static final Set<TrackingStatus> MOVING = EnumSet.of(PICKED_UP, IN_TRANSIT,
            ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, HELD_FOR_PICKUP);

    /** Statuses that prove the carrier had the parcel, so a cancellation did not take effect. */
    private static final Set<TrackingStatus> CARRIAGE = EnumSet.of(PICKED_UP, IN_TRANSIT,
            ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, HELD_FOR_PICKUP,
            DELIVERED, RETURNING_TO_SENDER, RETURNED, EXCEPTION);

    /** May follow DELIVERED (status-model.md, terminal stickiness). */
    private static final Set<TrackingStatus> AFTER_DELIVERED = EnumSet.of(RETURNING_TO_SENDER, RETURNED, EXCEPTION);

    /** Never move the status: no information about the parcel, or handled after the scan (NOT_FOUND). */
    private static final Set<TrackingStatus> SILENT = EnumSet.of(UNKNOWN, NOT_FOUND, EXPIRED);

    private StatusDerivation() {
    }

    /**
     * The derived status with what decided it.
     *
     * @param status    never {@code UNKNOWN}
     * @param reason    the deciding event's reason when its status is the derived one, else null
     * @param decidedBy the event the status comes from; null when no event decided (no events, or
     *                  only {@code UNKNOWN} / {@code EXPIRED} ones). Its own
     *                  status differs when a rule reinterpreted it: a NOT_FOUND within the grace
     *                  period, a movement scan or a delivery on the return leg
     * @param progress  where the rules stand after these events, for {@link #resume}
     */
    public record Derived(TrackingStatus status, StatusReason reason, TrackingEvent decidedBy, Progress progress) {
        public Derived {
            Objects.requireNonNull(status, "status");
        }
    }

    public static TrackingStatus derive(Collection<TrackingEvent> events, Instant shipmentCreatedAt) {
        return deriveWithReason(events, shipmentCreatedAt).status();
    }

    /**
     * Where the rules stand after some events: enough to go on with later ones without reading the
     * earlier ones again. {@code status} is null while no event has moved the status (no events, or
     * only {@code NOT_FOUND} / {@code UNKNOWN} ones); then {@link #deriveWithReason} needs them all.
     */
    public record Progress(TrackingStatus status, StatusReason reason, boolean returnLeg) {

        public static final Progress NONE = new Progress(null, null, false);
    }

    /** The progress after all these events. */
    public static Progress progress(Collection<TrackingEvent> events) {
        Fold fold = new Fold(Progress.NONE);
        EventOrder.sort(distinctScans(events)).forEach(fold::apply);
        return fold.progress();
    }

    /**
     * Goes on from {@code progress} with events that all come after those it was made from in
     * {@link EventOrder}; the result equals {@link #progress} of all the events (property-tested).
     */
    public static Progress resume(Progress progress, Collection<TrackingEvent> later) {
        Fold fold = new Fold(progress);
        EventOrder.sort(distinctScans(later)).forEach(fold::apply);
        return fold.progress();
    }

    public static Derived deriveWithReason(Collection<TrackingEvent> events, Instant shipmentCreatedAt) {
        Objects.requireNonNull(shipmentCreatedAt, "shipmentCreatedAt");
        List<TrackingEvent> ordered = EventOrder.sort(distinctScans(events));

        Fold fold = new Fold(Progress.NONE);
        ordered.forEach(fold::apply);
        if (fold.status != null) {
            return new Derived(fold.status, fold.reason, fold.decidedBy, fold.progress());
        }

        TrackingEvent notFound = ordered.stream()
                .filter(e -> e.status() == NOT_FOUND)
                .max(Comparator.comparing(TrackingEvent::receivedAt).thenComparing(EventOrder.of(ordered)))
                .orElse(null);
        if (notFound == null) {
            return new Derived(LABEL_CREATED, null, null, Progress.NONE);
        }
        boolean labelIsFresh = notFound.receivedAt().isBefore(shipmentCreatedAt.plus(NOT_FOUND_GRACE));
        return derived(labelIsFresh ? LABEL_CREATED : NOT_FOUND, notFound);
    }

    private static Derived derived(TrackingStatus status, TrackingEvent decidedBy) {
        StatusReason reason = decidedBy.status() == status ? decidedBy.reason() : null;
        return new Derived(status, reason, decidedBy, Progress.NONE);
    }

    /** One event per scan: the same row received again counts once, at its first receipt. */
    private static Collection<TrackingEvent> distinctScans(Collection<TrackingEvent> events) {
        Map<TrackingEvent, TrackingEvent> firstReceipt = new LinkedHashMap<>();
        for (TrackingEvent e : events) {
            TrackingEvent scan = new TrackingEvent(e.source(), e.rawCode(), e.rawText(), e.status(),
                    e.reason(), e.occurredAt(), e.location(), e.sourceSequence(), Instant.EPOCH);
            firstReceipt.merge(scan, e,
                    (kept, other) -> other.receivedAt().isBefore(kept.receivedAt()) ? other : kept);
        }
        return firstReceipt.values();
    }

    /** The status so far while reading events oldest first. */
    private static final class Fold {
        TrackingStatus status;
        StatusReason reason;
        TrackingEvent decidedBy;
        boolean returnLeg;

        Fold(Progress from) {
            status = from.status();
            reason = from.reason();
            returnLeg = from.returnLeg();
        }

        Progress progress() {
            return new Progress(status, reason, returnLeg);
        }

        void apply(TrackingEvent e) {
            TrackingStatus s = e.status();
            if (SILENT.contains(s) || e.isNote()) {
                return;
            }
            if (e.reason() == StatusReason.RESCHEDULED && s == status) {
                return; // a request acknowledgement (依頼受付): nothing happened to the parcel
            }
            if (status == RETURNED) {
                return;
            }
            if (returnLeg) {
                applyOnReturnLeg(e, s);
            } else if (status == DELIVERED) {
                if (AFTER_DELIVERED.contains(s)) {
                    move(e, s);
                }
            } else if (status == CANCELLED) {
                if (CARRIAGE.contains(s)) {
                    move(e, s);
                }
            } else if (s == PREPARING || s == LABEL_CREATED) {
                if (status == null || isPreCarriageAtOrBefore(status, s)) {
                    move(e, s);
                }
            } else {
                move(e, s);
            }
        }

        private void applyOnReturnLeg(TrackingEvent e, TrackingStatus s) {
            switch (s) {
                case RETURNED, DELIVERED -> move(e, RETURNED);
                case EXCEPTION -> move(e, EXCEPTION);
                case RETURNING_TO_SENDER -> {
                    if (status != RETURNING_TO_SENDER) {
                        move(e, s);
                    }
                }
                default -> {
                    if (status == EXCEPTION && MOVING.contains(s)) {
                        move(e, RETURNING_TO_SENDER);
                    }
                }
            }
        }

        private static boolean isPreCarriageAtOrBefore(TrackingStatus current, TrackingStatus next) {
            return (current == PREPARING || current == LABEL_CREATED) && current.ordinal() <= next.ordinal();
        }

        private void move(TrackingEvent e, TrackingStatus s) {
            status = s;
            reason = e.status() == s ? e.reason() : null;
            decidedBy = e;
            if (s == RETURNING_TO_SENDER) {
                returnLeg = true;
            }
        }
    }
}
