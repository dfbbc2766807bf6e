package io.otodoke.delivery;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.Routes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a change request and carries it out as far as Otodoke can (docs/delivery.md): on the own
 * fleet it moves the stop on the route, for an outside carrier it hands the person to the carrier's
 * own page, where the carrier confirms. Both the request and its outcome become notes in the
 * shipment's timeline ({@link TrackingEvent#isNote()}: they never move the status).
 *
 * <p>Who may ask: the shop's operator, the seller of the order (both e.g. for a customer on the
 * phone) and the shopper who bought the order for themselves. Not a gift's giver, who does not
 * live at the address, nor an administrator, who has no shop to act in.
 */
@Service
public class DeliveryChanges {

    /** The source of the timeline notes this module writes. */
    public static final String SOURCE = TrackingEvent.NOTE_SOURCE_PREFIX + "delivery";
    static final int MAX_IDEMPOTENCY_KEY = 100;
    private static final Set<Role> MAY_ASK = Set.of(Role.OPERATOR, Role.SELLER, Role.SHOPPER);
    static final String AUDIT_ACTION = "DELIVERY_CHANGE_REQUESTED";

    private final ShipmentRegistry registry;
    private final CarrierChangeDirectory carriers;
    private final DeliveryProperties properties;
    private final DeliveryChangeStore store;
    private final Routes routes;
    private final TrackingIngest ingest;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DeliveryChanges(ShipmentRegistry registry, CarrierChangeDirectory carriers, DeliveryProperties properties,
                    DeliveryChangeStore store, Routes routes, TrackingIngest ingest, AuditLog audit,
                    ApplicationEventPublisher publisher, Clock clock) {
        this.registry = registry;
        this.carriers = carriers;
        this.properties = properties;
        this.store = store;
        this.routes = routes;
        this.ingest = ingest;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A recorded request and where the person goes next.
     *
     * @param carrierPage the carrier's page to book and confirm the change; null for the own fleet
     * @param replayed    the same idempotency key was used before: this is the first answer again
     */
    public record Result(DeliveryChange change, DeliveryOptions.CarrierPage carrierPage, boolean replayed) {
    }

    /** What the caller may change about a shipment they may see (else 404). */
    public DeliveryOptions.Options options(Caller caller, long shipmentId) {
        return options(visible(caller, shipmentId));
    }

    public DeliveryOptions.Options options(ShipmentView s) {
        return DeliveryOptions.of(s, carriers.of(s.carrier()), properties, clock.instant());
    }

    /** The requests made for a shipment the caller may see (else 404), oldest first. */
    public List<DeliveryChange> changes(Caller caller, long shipmentId) {
        return store.ofShipment(visible(caller, shipmentId).id());
    }

    public List<DeliveryChange> changes(ShipmentView s) {
        return store.ofShipment(s.id());
    }

    /**
     * Records and carries out a request. The same idempotency key for the same shipment answers the
     * first result again; with another request it is refused (422), never applied twice.
     */
    @Transactional
    public Result request(Caller caller, long shipmentId, ChangeRequest request, String idempotencyKey) {
        if (caller == null || !MAY_ASK.contains(caller.role())) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only the shop, the order's seller or the buyer may change a delivery.");
        }
        ShipmentView s = visible(caller, shipmentId);
        if (caller.is(Role.SHOPPER) && s.orderId() != null
                && registry.order(caller, s.orderId()).map(o -> o.gift()).orElse(true)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "gift-recipient-decides", "The recipient decides",
                    "This order is a gift: its delivery is the recipient's to change, with the shop's help.");
        }
        String key = idempotencyKey(idempotencyKey);
        var earlier = store.byKey(s.id(), key);
        if (earlier.isPresent()) {
            return replay(s, earlier.get(), request);
        }
        DeliveryOptions.Options options = options(s);
        ChangeRequest r = checked(request, options);
        Instant now = clock.instant();
        Long id = store.insert(s.tenantId(), s.id(), r, Outcome.CARRIER_TO_CONFIRM, caller.actor(), key, now)
                .orElse(null);
        if (id == null) { // the same key, committed by a concurrent request meanwhile
            return replay(s, store.byKey(s.id(), key).orElseThrow(), request);
        }
        Outcome outcome = carryOut(s, r, options);
        store.outcome(id, outcome);
        DeliveryChange change = store.byId(id).orElseThrow();
        ingest.ingest(s.tenantId(), notes(s, change, now));
        audit.record(caller, s.tenantId(), AUDIT_ACTION, "shipment:" + s.id());
        publisher.publishEvent(new DeliveryChangeRequested(id, s.tenantId(), s.id(), s.carrier(), s.trackingNumber(),
                r.kind(), r.date(), r.slot(), r.place(), outcome, now,
                options.carrierPage() == null ? null : options.carrierPage().url()));
        return new Result(change, options.carrierPage(), false);
    }

    private ShipmentView visible(Caller caller, long shipmentId) {
        return registry.shipment(caller, shipmentId).orElseThrow(() -> ProblemType.notFound("Shipment " + shipmentId));
    }

    private Result replay(ShipmentView s, DeliveryChangeStore.Stored earlier, ChangeRequest request) {
        ChangeRequest asked = request == null ? null : normalised(request);
        if (asked == null || !earlier.digest().equals(asked.digest())) {
            throw ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency key reused", "This Idempotency-Key was used for another request on this shipment; "
                            + "send a new key for a new request.");
        }
        var page = carriers.of(s.carrier()).map(c -> DeliveryOptions.carrierPage(c, s.trackingNumber())).orElse(null);
        return new Result(earlier.change(), page, true);
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "missing-idempotency-key", "Idempotency key required",
                    "Send a unique Idempotency-Key header per change request (e.g. a UUID); a retry sends the same key.");
        }
        String k = key.strip();
        if (k.length() > MAX_IDEMPOTENCY_KEY || !k.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid idempotency key",
                    "An Idempotency-Key has 1 to " + MAX_IDEMPOTENCY_KEY + " printable ASCII characters.");
        }
        return k;
    }

    private static ChangeRequest normalised(ChangeRequest r) {
        String pickup = r.pickupPoint() == null || r.pickupPoint().isBlank() ? null : r.pickupPoint().strip();
        String slot = r.slot() == null || r.slot().isBlank() ? null : r.slot().strip();
        return new ChangeRequest(r.kind(), r.date(), slot, r.place(), r.safePlaceSpot(), pickup);
    }

    /** The request as offered, or a 400 (malformed) or 422 (not offered now) saying what is wrong. */
    static ChangeRequest checked(ChangeRequest request, DeliveryOptions.Options options) {
        if (request == null || request.kind() == null) {
            throw ProblemType.invalidField("kind", "kind is one of REDELIVERY, RESCHEDULE, CHANGE_PLACE.");
        }
        ChangeRequest r = normalised(request);
        boolean dated = r.kind() != ChangeKind.CHANGE_PLACE;
        if (dated) {
            if (r.date() == null) {
                throw ProblemType.invalidField("date", "date is required (YYYY-MM-DD) for " + r.kind() + ".");
            }
            if (r.slot() == null) {
                throw ProblemType.invalidField("slot", "slot is required (AM or HH-HH, e.g. 18-20) for " + r.kind() + ".");
            }
            if (r.place() != null || r.safePlaceSpot() != null || r.pickupPoint() != null) {
                throw ProblemType.invalidField("place", "A new place is a separate CHANGE_PLACE request.");
            }
        } else {
            if (r.place() == null) {
                throw ProblemType.invalidField("place", "place is one of SAFE_PLACE, BRANCH, CONVENIENCE_STORE, LOCKER.");
            }
            if (r.date() != null || r.slot() != null) {
                throw ProblemType.invalidField("date", "A new date and slot is a separate RESCHEDULE or REDELIVERY request.");
            }
            if ((r.place() == Place.SAFE_PLACE) != (r.safePlaceSpot() != null)) {
                throw ProblemType.invalidField("safePlaceSpot", r.place() == Place.SAFE_PLACE
                        ? "置き配 needs a spot: FRONT_DOOR, DELIVERY_BOX, METER_BOX, GARAGE or SHED."
                        : "safePlaceSpot is only for SAFE_PLACE.");
            }
            if (r.pickupPoint() != null && (r.place() == Place.SAFE_PLACE
                    || r.pickupPoint().length() > ChangeRequest.MAX_PICKUP_POINT)) {
                throw ProblemType.invalidField("pickupPoint", "pickupPoint names the branch, store or locker, in at most "
                        + ChangeRequest.MAX_PICKUP_POINT + " characters.");
            }
        }
        if (options.unavailable() != null) {
            throw notOffered("nothing-to-change", "Nothing about this delivery can be changed now: "
                    + options.unavailable() + " (status " + options.status() + ").");
        }
        if (!options.offers(r.kind())) {
            throw notOffered("change-not-offered", r.kind() + " is not offered for a shipment with status "
                    + options.status() + "; offered now: " + options.kinds() + ".");
        }
        if (dated && options.slot(r.date(), r.slot()).isEmpty()) {
            throw notOffered("slot-not-offered", "Slot " + r.slot() + " on " + r.date() + " is not offered: "
                    + "GET /api/v1/shipments/" + options.shipmentId() + "/delivery-options lists the open dates and slots.");
        }
        if (!dated && !options.places().contains(r.place())) {
            throw notOffered("place-not-offered", r.place() + " is not offered for this parcel"
                    + (options.restrictions().isEmpty() ? "" : " (" + options.restrictions() + ")")
                    + "; offered places: " + options.places() + ".");
        }
        return r;
    }

    private static RuntimeException notOffered(String code, String detail) {
        return ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, code, "Change not offered", detail);
    }

    /** On the own fleet the route changes now; an outside carrier confirms on its own page. */
    private Outcome carryOut(ShipmentView s, ChangeRequest r, DeliveryOptions.Options options) {
        if (!options.appliedByOtodoke()) {
            return Outcome.CARRIER_TO_CONFIRM;
        }
        if (r.kind() == ChangeKind.CHANGE_PLACE) {
            return routes.instruct(s.tenantId(), s.id(), NoteText.place(r)) ? Outcome.ROUTE_UPDATED : Outcome.AWAITING_ROUTE;
        }
        TimeSlot slot = options.slot(r.date(), r.slot()).orElseThrow();
        Instant start = r.date().atTime(slot.start()).atZone(EventTime.TOKYO).toInstant();
        Instant end = r.date().atTime(slot.end()).atZone(EventTime.TOKYO).toInstant();
        return switch (routes.reschedule(s.tenantId(), s.id(), r.date(), start, end)) {
            case WINDOW_MOVED -> Outcome.ROUTE_UPDATED;
            case LEFT_ROUTE -> Outcome.LEFT_ROUTE;
            case NOT_ROUTED -> Outcome.AWAITING_ROUTE;
        };
    }

    /** The request and its outcome as two timeline lines, in this order. */
    private static List<IncomingEvent> notes(ShipmentView s, DeliveryChange c, Instant at) {
        StatusReason reason = c.kind() == ChangeKind.CHANGE_PLACE ? null : StatusReason.RESCHEDULED;
        EventTime when = EventTime.of(at, EventTime.TOKYO);
        String prefix = "delivery-change:" + c.id();
        // Requests made within the same second keep their order: each pair follows the earlier pairs.
        int sequence = (int) Math.min(Integer.MAX_VALUE - 1, c.id() * 2);
        return List.of(
                new IncomingEvent(s.id(), null, null, prefix + ":requested", new TrackingEvent(SOURCE, "REQUESTED",
                        NoteText.requested(c), s.status(), reason, when, EventLocation.NONE, sequence, at)),
                new IncomingEvent(s.id(), null, null, prefix + ":outcome", new TrackingEvent(SOURCE, c.outcome().name(),
                        NoteText.outcome(c), s.status(), reason, when, EventLocation.NONE, sequence + 1, at)));
    }

    /** Today in Japan, for pages. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(EventTime.TOKYO));
    }
}
