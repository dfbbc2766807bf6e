package io.otodoke.delivery;

import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.Handling;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.otodoke.tracking.TrackingStatus.*;

/**
 * What may be changed about one delivery now: the rules of issue 8 in one place, pure (the clock is
 * an argument), so each rule is tested on its own.
 *
 * <ul>
 *   <li><b>Status.</b> Nothing once the parcel is delivered, returned, cancelled or tracking ended;
 *       nothing on a return leg or while it needs attention (the carrier must be called) or before the
 *       carrier knows the number. Redelivery only after an attempt or while held
 *       ({@code DELIVERY_ATTEMPTED}, {@code HELD_FOR_PICKUP}); before that, a new date and slot.
 *       While the van is out ({@code OUT_FOR_DELIVERY}) today can no longer be chosen.</li>
 *   <li><b>Carrier.</b> Its published slots and places ({@link CarrierChangeDirectory}); a carrier
 *       without rules gets no options.</li>
 *   <li><b>Product.</b> No 置き配 for cash on delivery, cool or signature-required parcels; no
 *       convenience store or locker for a cool parcel (neither keeps it cold) nor a locker for cash on
 *       delivery (nobody takes the money).</li>
 *   <li><b>Deadlines.</b> Dates from today up to {@link DeliveryProperties#daysAhead()}; a slot of
 *       today only before the same-day cut-off and when it starts at least the lead time later.</li>
 * </ul>
 */
public final class DeliveryOptions {

    /** Why nothing may be changed: a stable code, explained in the message bundles (delivery.unavailable.*). */
    public enum Unavailable {
        FINISHED,
        RETURN_LEG,
        NEEDS_ATTENTION,
        NOT_WITH_CARRIER_YET,
        CARRIER_NOT_SUPPORTED
    }

    /** A parcel flag that keeps it from some places. */
    public enum Restriction {
        CASH_ON_DELIVERY,
        COOL,
        SIGNATURE_REQUIRED
    }

    public record Day(LocalDate date, List<TimeSlot> slots) {
    }

    /**
     * The carrier's own page, where an outside carrier's change is booked and confirmed.
     *
     * @param numberFilledIn the page opens with the number; otherwise the person copies {@code trackingNumber}
     */
    public record CarrierPage(String url, boolean numberFilledIn, String trackingNumber) {
    }

    /**
     * @param kinds          what may be asked now; empty when {@code unavailable} says why not
     * @param dates          days with the slots still open, for REDELIVERY and RESCHEDULE
     * @param places         for CHANGE_PLACE
     * @param restrictions   the parcel's flags that removed places
     * @param appliedByOtodoke the own fleet: Otodoke moves the stop itself; otherwise the carrier confirms
     * @param carrierPage    null for the own fleet
     */
    public record Options(long shipmentId, String carrier, TrackingStatus status, List<ChangeKind> kinds,
                          Unavailable unavailable, List<Day> dates, List<Place> places,
                          List<SafePlaceSpot> safePlaceSpots, List<Restriction> restrictions,
                          boolean appliedByOtodoke, CarrierPage carrierPage) {

        public boolean offers(ChangeKind kind) {
            return kinds.contains(kind);
        }

        public Optional<TimeSlot> slot(LocalDate date, String code) {
            return dates.stream().filter(d -> d.date().equals(date)).flatMap(d -> d.slots().stream())
                    .filter(s -> s.code().equals(code)).findFirst();
        }
    }

    private static final Set<TrackingStatus> FINISHED_STATUSES = EnumSet.of(DELIVERED, RETURNED, CANCELLED, EXPIRED);
    private static final Set<TrackingStatus> WAITING = EnumSet.of(DELIVERY_ATTEMPTED, HELD_FOR_PICKUP);
    private static final Set<TrackingStatus> NOT_WITH_CARRIER = EnumSet.of(PREPARING, NOT_FOUND, UNKNOWN);

    private DeliveryOptions() {
    }

    public static Options of(ShipmentView s, Optional<CarrierChangeRules> carrierRules, DeliveryProperties properties,
                             Instant now) {
        Unavailable unavailable = unavailable(s, carrierRules.isPresent());
        if (unavailable != null) {
            return new Options(s.id(), s.carrier(), s.status(), List.of(), unavailable, List.of(), List.of(), List.of(),
                    List.of(), false, null);
        }
        CarrierChangeRules rules = carrierRules.orElseThrow();
        List<ChangeKind> kinds = new ArrayList<>();
        List<Day> dates = dates(rules, properties, now, s.status() == OUT_FOR_DELIVERY);
        if (!dates.isEmpty()) {
            kinds.add(WAITING.contains(s.status()) ? ChangeKind.REDELIVERY : ChangeKind.RESCHEDULE);
        }
        List<Restriction> restrictions = restrictions(s.handling());
        List<Place> places = Arrays.stream(Place.values()).filter(rules.places()::contains)
                .filter(p -> allowed(p, s.handling())).toList();
        if (!places.isEmpty()) {
            kinds.add(ChangeKind.CHANGE_PLACE);
        }
        CarrierPage page = carrierPage(rules, s.trackingNumber());
        return new Options(s.id(), s.carrier(), s.status(), List.copyOf(kinds), null, dates, places,
                places.contains(Place.SAFE_PLACE) ? List.of(SafePlaceSpot.values()) : List.of(), restrictions,
                page == null, page);
    }

    /** The carrier's page for this number; null for the own fleet, which Otodoke changes itself. */
    static CarrierPage carrierPage(CarrierChangeRules rules, String trackingNumber) {
        return rules.changeUrl() == null ? null
                : new CarrierPage(rules.changeUrlFor(trackingNumber), rules.fillsInNumber(), trackingNumber);
    }

    private static Unavailable unavailable(ShipmentView s, boolean carrierKnown) {
        if (s.leg() == ShipmentLeg.RETURN || s.status() == RETURNING_TO_SENDER) {
            return Unavailable.RETURN_LEG;
        }
        if (FINISHED_STATUSES.contains(s.status())) {
            return Unavailable.FINISHED;
        }
        if (s.status() == EXCEPTION) {
            return Unavailable.NEEDS_ATTENTION;
        }
        if (NOT_WITH_CARRIER.contains(s.status())) {
            return Unavailable.NOT_WITH_CARRIER_YET;
        }
        return carrierKnown ? null : Unavailable.CARRIER_NOT_SUPPORTED;
    }

    private static List<Day> dates(CarrierChangeRules rules, DeliveryProperties properties, Instant now,
                                   boolean vanIsOut) {
        LocalDateTime local = LocalDateTime.ofInstant(now, EventTime.TOKYO);
        LocalDate today = local.toLocalDate();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < properties.daysAhead(); i++) {
            LocalDate date = today.plusDays(i);
            List<TimeSlot> slots = rules.slots();
            if (i == 0) {
                boolean beforeCutoff = local.toLocalTime().isBefore(properties.sameDayCutoff());
                LocalDateTime earliest = local.plus(properties.slotLeadTime());
                slots = vanIsOut || !beforeCutoff ? List.of() : slots.stream()
                        .filter(slot -> !date.atTime(slot.start()).isBefore(earliest)).toList();
            }
            if (!slots.isEmpty()) {
                days.add(new Day(date, slots));
            }
        }
        return days;
    }

    private static boolean allowed(Place place, Handling h) {
        return switch (place) {
            case SAFE_PLACE -> h.mayBeLeftUnattended();
            case CONVENIENCE_STORE -> !h.cool();
            case LOCKER -> !h.cool() && !h.cashOnDelivery();
            case BRANCH -> true;
        };
    }

    private static List<Restriction> restrictions(Handling h) {
        List<Restriction> out = new ArrayList<>();
        if (h.cashOnDelivery()) {
            out.add(Restriction.CASH_ON_DELIVERY);
        }
        if (h.cool()) {
            out.add(Restriction.COOL);
        }
        if (h.signatureRequired()) {
            out.add(Restriction.SIGNATURE_REQUIRED);
        }
        return out;
    }
}
