package io.otodoke.tracking.web;

import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.Guidance;
import io.otodoke.tracking.PublicShipment;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One shipment as the pages show it (templates/tracking/shipment.html): the same card for the
 * public lookup and for a shopper's order, built from what each of them may see.
 *
 * @param tone         the colour family of the status label, see {@link #tone(TrackingStatus)}
 * @param lastUpdate   the time of the latest event, in Japan time
 * @param redeliveryUrl the carrier's redelivery page when the parcel is waiting for one, else null
 * @param carrierUnavailable Otodoke cannot read the carrier's tracking now (its connector's circuit is
 *                      open): say so, and do not suggest the parcel is stuck
 * @param liveMap      the carrier sends its vans' positions (the own fleet): the pages that may show the
 *                      last mile add the live panel (fragments/live.html), the others say why there is no map
 * @param estimate     the carrier's delivery forecast while the parcel is on its way, else null
 */
record ShipmentCard(String carrierName, String trackingNumber, String trackingUrl, String redeliveryUrl,
                    ShipmentLeg leg, TrackingStatus status, StatusReason reason, String tone,
                    LocalDateTime lastUpdate, String staleReason, List<Line> timeline, boolean carrierUnavailable,
                    boolean liveMap, DeliveryEstimate estimate) {

    /** A replacement parcel sent for a claim (its timeline opens with the claims module's 「再送」 note). */
    public boolean replacement() {
        return timeline.stream().anyMatch(l -> l.sources().contains(TrackingEvent.REPLACEMENT_NOTE_SOURCE));
    }

    /** The advice that applies (status-model.md "Staleness", plus the carrier's exception), or null. */
    public Guidance guidance() {
        return Guidance.of(status, staleReason, carrierUnavailable).orElse(null);
    }

    ShipmentCard unavailable(boolean unavailable) {
        return new ShipmentCard(carrierName, trackingNumber, trackingUrl, redeliveryUrl, leg, status, reason, tone,
                lastUpdate, unavailable ? null : staleReason, timeline, unavailable, liveMap, estimate);
    }

    /**
     * A timeline entry.
     *
     * @param local   the wall-clock time where it happened, as the carrier printed it
     * @param dayOnly the source gave a date only: print no time
     * @param offset  the UTC offset to print after the time when it is not Japan's, else null
     */
    record Line(LocalDateTime local, boolean dayOnly, String offset, TrackingStatus status, StatusReason reason,
                String rawText, String facility, List<String> sources) {
    }

    static ShipmentCard of(PublicShipment s, CarrierDirectory carriers, Locale locale) {
        return of(carriers.find(s.carrier()), s.carrier(), s.trackingNumber(), s.leg(), s.status(), s.reason(),
                s.lastEventAt(), s.staleReason(), s.timeline(), s.estimate(), locale);
    }

    static ShipmentCard of(ShipmentView s, CarrierDirectory carriers, Locale locale) {
        return of(carriers.find(s.carrier()), s.carrier(), s.trackingNumber(), s.leg(), s.status(), s.reason(),
                s.lastEventAt(), s.staleReason(), s.timeline(), s.estimate(), locale);
    }

    private static ShipmentCard of(Optional<Carrier> carrier, String code, String number, ShipmentLeg leg,
                                   TrackingStatus status, StatusReason reason, Instant lastEventAt,
                                   String staleReason, List<TimelineEntry> timeline, DeliveryEstimate estimate,
                                   Locale locale) {
        boolean waiting = status == TrackingStatus.DELIVERY_ATTEMPTED || status == TrackingStatus.HELD_FOR_PICKUP;
        // Oldest first, as the Japanese carriers' own pages list a parcel's history (Yamato and
        // Japan Post, carriers.md §9), so the latest scan is read last, just above the next
        // action; the current status itself is shown large at the top of the card.
        List<Line> lines = timeline.stream().map(ShipmentCard::line).toList();
        return new ShipmentCard(carrier.map(c -> c.name(locale)).orElse(code), number,
                carrier.map(c -> c.trackingUrlFor(number)).orElse(null),
                waiting ? carrier.map(Carrier::redeliveryUrl).orElse(null) : null,
                leg, status, reason, tone(status),
                lastEventAt == null ? null : LocalDateTime.ofInstant(lastEventAt, EventTime.TOKYO),
                staleReason, lines, false, carrier.map(Carrier::liveMap).orElse(false),
                status.isFinished() ? null : estimate);
    }

    private static Line line(TimelineEntry e) {
        EventTime t = e.occurredAt();
        ZoneOffset offset = t.offset();
        boolean japan = offset.equals(EventTime.TOKYO.getRules().getOffset(t.instant()));
        return new Line(t.local(), t.precision() == TimePrecision.DAY,
                japan || t.precision() == TimePrecision.DAY ? null : "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId()),
                e.status(), e.reason(), e.rawText(), e.location().name(), e.sources());
    }

    /**
     * Colour families of the status label: done (green), needs the recipient (orange),
     * a problem (red), on its way (blue), over or unknown (grey).
     */
    static String tone(TrackingStatus status) {
        return switch (status) {
            case DELIVERED -> "done";
            case DELIVERY_ATTEMPTED, HELD_FOR_PICKUP -> "action";
            case EXCEPTION, RETURNING_TO_SENDER, RETURNED -> "problem";
            case PREPARING, LABEL_CREATED, PICKED_UP, IN_TRANSIT, ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY -> "moving";
            case NOT_FOUND, CANCELLED, EXPIRED, UNKNOWN -> "muted";
        };
    }
}
