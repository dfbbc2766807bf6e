package io.otodoke.returns;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.fleet.DeliveryPhotos;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Routes;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.ProblemType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return authorisations (docs/delivery.md#returns). Who may do what:
 * <ul>
 *   <li>ask: the buyer of the order (a shopper, not for a gift they gave), or the shop's operator or
 *       the order's seller on the buyer's behalf;</li>
 *   <li>decide (approve, reject) and read the photos: the operator, the order's seller;</li>
 *   <li>give the carrier number of the return leg: the buyer, the operator, the seller;</li>
 *   <li>read: the buyer their own order's, the staff their scope's, administrators all.</li>
 * </ul>
 * A return of an order the caller may not see is not found, exactly like one that does not exist.
 */
@Service
public class Returns {

    static final int MAX_COMMENT = 1000;
    static final int MAX_NOTE = 500;
    static final int MAX_LIST = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReturnStore store;
    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;
    private final TrackingNumberDetector detector;
    private final ReturnsProperties properties;
    private final Clock clock;

    Returns(ReturnStore store, ShipmentRegistry registry, CarrierDirectory carriers, TrackingNumberDetector detector,
            ReturnsProperties properties, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.carriers = carriers;
        this.detector = detector;
        this.properties = properties;
        this.clock = clock;
    }

    /** What is asked: the reason, the items (by the order's item names) and a comment. */
    public record NewReturn(ReturnReason reason, String comment, List<Wanted> items) {
    }

    /** So many of the order's item of this name. */
    public record Wanted(String name, Integer quantity) {
    }

    // ---- asking ----

    @Transactional
    public ReturnAuthorisation request(Caller caller, long orderId, NewReturn r) {
        if (!(caller.is(Role.SHOPPER) || caller.is(Role.OPERATOR) || caller.is(Role.SELLER))) {
            throw forbidden("Only the buyer, the shop or the order's seller may ask for a return.");
        }
        OrderView order = registry.order(caller, orderId).orElseThrow(() -> ProblemType.notFound("Order " + orderId));
        if (caller.is(Role.SHOPPER) && order.gift()) {
            throw forbidden("A gift is returned by its recipient through the shop.");
        }
        if (r == null || r.reason() == null) {
            throw ProblemType.invalidField("reason", "reason is one of DAMAGED, WRONG_ITEM, NOT_AS_DESCRIBED, "
                    + "NO_LONGER_NEEDED, OTHER.");
        }
        String comment = text("comment", r.comment(), MAX_COMMENT);
        List<ReturnItem> items = items(order, r.items());
        long refund = items.stream().mapToLong(i -> i.quantity() * i.unitPriceYen()).sum();
        long id = store.insert(order.tenantId(), order.id(), r.reason(), comment, items, refund, caller.actor(),
                clock.instant());
        return store.byId(id).orElseThrow();
    }

    /** The wanted items as order lines; each must be the order's and not asked for more often than bought. */
    private List<ReturnItem> items(OrderView order, List<Wanted> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            throw ProblemType.invalidField("items", "Name at least one item of the order and its quantity.");
        }
        Map<String, Integer> left = new HashMap<>();
        Map<String, Long> price = new HashMap<>();
        for (OrderItem i : order.items()) {
            left.merge(i.name(), i.quantity(), Integer::sum);
            price.putIfAbsent(i.name(), i.unitPriceYen());
        }
        store.itemsAskedBefore(order.id()).forEach(i -> left.merge(i.name(), -i.quantity(), Integer::sum));
        List<ReturnItem> out = new ArrayList<>();
        for (int n = 0; n < wanted.size(); n++) {
            Wanted w = wanted.get(n);
            if (w == null || w.name() == null || !price.containsKey(w.name())) {
                throw ProblemType.invalidField("items[" + n + "].name", "Not an item of this order.");
            }
            int quantity = w.quantity() == null ? 1 : w.quantity();
            int remaining = left.getOrDefault(w.name(), 0);
            if (quantity < 1 || quantity > remaining) {
                throw ProblemType.invalidField("items[" + n + "].quantity", "Between 1 and " + remaining
                        + " of '" + w.name() + "' can still be returned.");
            }
            left.put(w.name(), remaining - quantity);
            out.add(new ReturnItem(w.name(), quantity, price.get(w.name())));
        }
        return out;
    }

    /** A photo of what is returned, re-encoded so that no EXIF or other metadata is kept. */
    @Transactional
    public ReturnAuthorisation addPhoto(Caller caller, long returnId, byte[] upload) {
        ReturnAuthorisation r = visible(caller, returnId, true);
        if (caller.is(Role.ADMIN) || caller.is(Role.DRIVER)) {
            throw forbidden("Photos come from the buyer or the shop.");
        }
        if (r.state() != ReturnState.REQUESTED && r.state() != ReturnState.APPROVED) {
            throw conflict("return-closed", "Photos are added while the return is asked for or approved.");
        }
        if (r.photoIds().size() >= properties.maxPhotos()) {
            throw conflict("too-many-photos", "A return has at most " + properties.maxPhotos() + " photos.");
        }
        Photo clean = DeliveryPhotos.clean(upload);
        store.photo(r.id(), clean);
        return store.byId(r.id()).orElseThrow();
    }

    // ---- deciding ----

    /**
     * The shop agrees. With {@code label} the return travels with the own fleet on a label with a
     * generated number, valid for {@link ReturnsProperties#labelValidity()}; without it the buyer
     * sends it with a carrier and gives its number. The refund is then due when the shop's policy says.
     */
    @Transactional
    public ReturnAuthorisation approve(Caller staff, long returnId, boolean label, String note) {
        ReturnAuthorisation r = decidable(staff, returnId);
        if (r.state() != ReturnState.REQUESTED && r.state() != ReturnState.LABEL_EXPIRED) {
            throw conflict("return-decided", "This return is " + r.state() + " already.");
        }
        Instant now = clock.instant();
        if (r.state() == ReturnState.LABEL_EXPIRED) {
            store.clearLeg(r.id()); // the expired label's shipment is cancelled; a new leg replaces it
        }
        store.decided(r.id(), ReturnState.APPROVED, staff.actor(), now, text("note", note, MAX_NOTE),
                policy(r.tenantId()), RefundState.PENDING);
        if (label) {
            long shipment = ownFleetLeg(r);
            store.leg(r.id(), shipment, now.plus(properties.labelValidity()));
        }
        return store.byId(r.id()).orElseThrow();
    }

    /**
     * The shop agrees and already knows the carrier number the return travels with (the staff's page:
     * the buyer gave it by telephone or mail). One transaction: a number that fails the check leaves
     * the return undecided, as it was.
     */
    @Transactional
    public ReturnAuthorisation approve(Caller staff, long returnId, String note, String carrier, String trackingNumber) {
        approve(staff, returnId, false, note);
        return returnShipment(staff, returnId, carrier, trackingNumber);
    }

    @Transactional
    public ReturnAuthorisation reject(Caller staff, long returnId, String note) {
        ReturnAuthorisation r = decidable(staff, returnId);
        if (r.state() != ReturnState.REQUESTED) {
            throw conflict("return-decided", "This return is " + r.state() + " already.");
        }
        String why = text("note", note, MAX_NOTE);
        if (why == null) {
            throw ProblemType.invalidField("note", "Say why, for the buyer.");
        }
        store.decided(r.id(), ReturnState.REJECTED, staff.actor(), clock.instant(), why, null, RefundState.NOT_DUE);
        return store.byId(r.id()).orElseThrow();
    }

    /**
     * The carrier number the return travels with, checked by the carrier detector (format and check
     * digit), registered as the order's return leg.
     */
    @Transactional
    public ReturnAuthorisation returnShipment(Caller caller, long returnId, String carrier, String trackingNumber) {
        if (caller.is(Role.ADMIN) || caller.is(Role.DRIVER)) {
            throw forbidden("The buyer or the shop gives the return's carrier number.");
        }
        ReturnAuthorisation r = visible(caller, returnId, true);
        if (!r.awaitsCarrierNumber()) {
            throw conflict("no-number-expected", "This return " + (r.shipmentId() != null ? "has its return leg already"
                    : "is " + r.state()) + ".");
        }
        if (carrier == null || !carriers.isKnown(carrier) || Routes.OWN_FLEET.equals(carrier)) {
            throw ProblemType.invalidField("carrier", "carrier is an outside carrier's code, e.g. yamato; "
                    + "GET /api/v1/carriers lists them.");
        }
        String number = TrackingNumbers.normalize(trackingNumber == null ? "" : trackingNumber);
        if (number.isEmpty() || !detector.detect(number).carriers().contains(carrier)) {
            throw ProblemType.invalidField("trackingNumber", "'" + trackingNumber + "' is not a valid " + carrier
                    + " tracking number (format and check digit).");
        }
        long shipment = leg(r, carrier, number);
        store.leg(r.id(), shipment, null);
        return store.byId(r.id()).orElseThrow();
    }

    // ---- the shop's policy ----

    public RefundTrigger policy(long tenantId) {
        return store.policy(tenantId).orElse(RefundTrigger.ON_ARRIVAL);
    }

    @Transactional
    public RefundTrigger policy(Caller operator, RefundTrigger trigger) {
        if (!operator.is(Role.OPERATOR) || operator.tenantId() == null) {
            throw forbidden("A shop's operator sets its return policy.");
        }
        if (trigger == null) {
            throw ProblemType.invalidField("refundTrigger", "refundTrigger is AT_PICKUP or ON_ARRIVAL.");
        }
        store.policy(operator.tenantId(), trigger);
        return trigger;
    }

    // ---- reading ----

    public ReturnAuthorisation get(Caller caller, long returnId) {
        return visible(caller, returnId, false);
    }

    /** The returns of an order the caller may see (else 404), oldest first. */
    public List<ReturnAuthorisation> ofOrder(Caller caller, long orderId) {
        OrderView order = registry.order(caller, orderId).orElseThrow(() -> ProblemType.notFound("Order " + orderId));
        return store.ofOrder(order.id());
    }

    /** The newest returns of the caller's shop (a seller: of its own orders; an administrator: all). */
    public List<ReturnAuthorisation> list(Caller staff, ReturnState state) {
        List<ReturnAuthorisation> all = store.list(staff.is(Role.ADMIN) ? null : staff.tenantId(), state, MAX_LIST);
        if (!staff.is(Role.SELLER)) {
            return all;
        }
        return all.stream().filter(r -> registry.order(staff, r.orderId()).isPresent()).toList();
    }

    /** A photo, for the shop's staff only. */
    public Optional<Photo> photo(Caller staff, long returnId, long photoId) {
        ReturnAuthorisation r = visible(staff, returnId, false);
        return store.photo(r.id(), photoId);
    }

    // ---- helpers ----

    private ReturnAuthorisation visible(Caller caller, long returnId, boolean forUpdate) {
        Optional<ReturnAuthorisation> r = forUpdate ? store.forUpdate(returnId) : store.byId(returnId);
        return r.filter(x -> registry.order(caller, x.orderId()).isPresent())
                .orElseThrow(() -> ProblemType.notFound("Return " + returnId));
    }

    private ReturnAuthorisation decidable(Caller staff, long returnId) {
        if (!staff.is(Role.OPERATOR) && !staff.is(Role.SELLER)) {
            throw forbidden("The shop or the order's seller decides on a return.");
        }
        return visible(staff, returnId, true);
    }

    /** A new own-fleet return leg with a generated label number ({@code RT} and ten digits). */
    private long ownFleetLeg(ReturnAuthorisation r) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String number = "RT" + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
            RegistrationOutcome o = register(r, Routes.OWN_FLEET, number);
            if (o.created()) {
                return o.shipmentId();
            }
        }
        throw new IllegalStateException("no free return label number after 5 attempts");
    }

    private long leg(ReturnAuthorisation r, String carrier, String number) {
        RegistrationOutcome o = register(r, carrier, number);
        if (!o.created()) {
            throw conflict("number-in-use", "This tracking number is registered already in this shop.");
        }
        return o.shipmentId();
    }

    private RegistrationOutcome register(ReturnAuthorisation r, String carrier, String number) {
        OrderView order = registry.order(r.tenantId(), r.orderId()).orElseThrow();
        OrderDetails same = new OrderDetails(order.orderNumber(), null, null, null, List.of(), null, false, null, null,
                null, false, false);
        RegistrationOutcome o = registry.register(r.tenantId(), List.of(new ShipmentRegistration(carrier, number,
                ShipmentLeg.RETURN, same, null, false, clock.instant()))).getFirst();
        if (o.error() != null) {
            throw ProblemType.invalidField("trackingNumber", o.error().detail());
        }
        return o;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemType.invalidField(field, field + " has more than " + max + " characters.");
        }
        return v;
    }

    private static RuntimeException forbidden(String detail) {
        return ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    private static RuntimeException conflict(String code, String detail) {
        return ProblemType.exception(HttpStatus.CONFLICT, code, "Conflict", detail);
    }
}
