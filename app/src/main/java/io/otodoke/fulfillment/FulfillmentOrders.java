package io.otodoke.fulfillment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.IngestResult;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.ProblemType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fulfilment orders of a shop's other sales channels (docs/fulfillment.md). Only a shop's operator
 * reaches them, and only its own: an order id of another shop is simply not found.
 */
@Service
public class FulfillmentOrders {

    /** MCF's limits (fulfillmentOutbound_2020-07-01.json): ids 40, comment 750 characters. */
    static final int MAX_ID = 40;
    static final int MAX_COMMENT = 750;
    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 250;
    static final int MAX_LIST = 200;
    /** MCF lists the orders of the last 36 hours when no queryStartDate is given. */
    static final Duration DEFAULT_LIST_WINDOW = Duration.ofHours(36);
    static final Set<String> SPEEDS = Set.of("Standard", "Expedited", "Priority", "ScheduledDelivery");
    static final String OWN_FLEET = "own_fleet";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FulfillmentStore store;
    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;
    private final TrackingNumberDetector detector;
    private final TrackingIngest ingest;
    private final Clock clock;

    FulfillmentOrders(FulfillmentStore store, ShipmentRegistry registry, CarrierDirectory carriers,
                      TrackingNumberDetector detector, TrackingIngest ingest, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.carriers = carriers;
        this.detector = detector;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** The order and whether this call created it (false: an identical repeat). */
    public record Created(FulfillmentOrder order, boolean created) {
    }

    /**
     * Creates the order, idempotent on {@code sellerFulfillmentOrderId}: the same request again
     * returns the order; the same id with other content is a 409 conflict.
     */
    @Transactional
    public Created create(Caller operator, FulfillmentOrderRequest body) {
        long tenant = tenant(operator);
        FulfillmentOrderRequest r = validated(body);
        var id = store.insert(tenant, r, clock.instant());
        if (id.isPresent()) {
            return new Created(get(operator, r.sellerFulfillmentOrderId()), true);
        }
        FulfillmentStore.OrderRow existing = store.order(tenant, r.sellerFulfillmentOrderId()).orElseThrow();
        if (!existing.created().equals(r)) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "fulfillment-order-conflict", "Conflict",
                    "Fulfillment order '" + r.sellerFulfillmentOrderId() + "' exists with other content; "
                            + "a new order needs a new sellerFulfillmentOrderId.");
        }
        return new Created(get(operator, r.sellerFulfillmentOrderId()), false);
    }

    public FulfillmentOrder get(Caller operator, String sellerFulfillmentOrderId) {
        long tenant = tenant(operator);
        FulfillmentStore.OrderRow row = store.order(tenant, sellerFulfillmentOrderId == null ? "" : sellerFulfillmentOrderId)
                .orElseThrow(() -> ProblemType.notFound("Fulfillment order " + sellerFulfillmentOrderId));
        return withPackages(List.of(row)).getFirst();
    }

    /** Orders received, or given a package, since then (default: the last 36 hours, as MCF), newest first. */
    public List<FulfillmentOrder> list(Caller operator, Instant since) {
        long tenant = tenant(operator);
        Instant from = since == null ? clock.instant().minus(DEFAULT_LIST_WINDOW) : since;
        return withPackages(store.orders(tenant, from, MAX_LIST));
    }

    /** A package the shop may see, by its number; another shop's number is not found. */
    public FulfillmentOrder.Package pkg(Caller operator, long packageNumber) {
        long tenant = tenant(operator);
        FulfillmentStore.PackageRow p = store.pkg(tenant, packageNumber)
                .orElseThrow(() -> ProblemType.notFound("Package " + packageNumber));
        return pkg(tenant, p);
    }

    /** The destination of a package's order (MCF's shipToAddress). */
    public FulfillmentOrderRequest.Address destination(Caller operator, long packageNumber) {
        long tenant = tenant(operator);
        FulfillmentStore.PackageRow p = store.pkg(tenant, packageNumber)
                .orElseThrow(() -> ProblemType.notFound("Package " + packageNumber));
        return store.order(tenant, p.orderId()).orElseThrow().request().destinationAddress();
    }

    public record NewPackage(String carrierCode, String trackingNumber, String fulfillmentCenterId,
                             String shippingDate) {
    }

    /** The package and whether this call attached it (false: the same carrier and number again). */
    public record Attached(FulfillmentOrder.Package pkg, boolean created) {
    }

    /**
     * Attaches a parcel from the shop's warehouse: an outside carrier's number, checked by the
     * detector (format and check digit), or the own fleet's (generated when not given). It is
     * registered as a shipment of the order and tracked like any other.
     */
    @Transactional
    public Attached attach(Caller operator, String sellerFulfillmentOrderId, NewPackage p) {
        long tenant = tenant(operator);
        FulfillmentStore.OrderRow order = locked(tenant, sellerFulfillmentOrderId);
        if (order.cancelledAt() != null) {
            throw cancelled(sellerFulfillmentOrderId);
        }
        if (p == null || p.carrierCode() == null || p.carrierCode().isBlank()) {
            throw ProblemType.invalidField("carrierCode", "carrierCode is a carrier of GET /api/v1/carriers, e.g. yamato, "
                    + "or own_fleet.");
        }
        String carrier = p.carrierCode().strip().toLowerCase(Locale.ROOT);
        if (!carriers.isKnown(carrier)) {
            throw unprocessable("unknown-carrier", "carrierCode", "Unknown carrier '" + p.carrierCode()
                    + "'; GET /api/v1/carriers lists the codes.");
        }
        String number = TrackingNumbers.normalize(p.trackingNumber() == null ? "" : p.trackingNumber());
        if (OWN_FLEET.equals(carrier)) {
            if (number.isEmpty()) {
                number = "MCF" + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
            }
        } else {
            invalidNumber(carrier, p.trackingNumber(), number);
        }
        Instant shippingDate = p.shippingDate() == null ? null : timestamp("shippingDate", p.shippingDate());
        String center = text("fulfillmentCenterId", p.fulfillmentCenterId(), MAX_ID);
        var existing = store.pkg(tenant, carrier, number);
        if (existing.isPresent()) {
            if (existing.get().orderId() != order.id()) {
                throw ProblemType.exception(HttpStatus.CONFLICT, "package-in-use", "Conflict",
                        "This " + carrier + " number belongs to another fulfillment order.");
            }
            return new Attached(pkg(tenant, existing.get()), false);
        }
        FulfillmentOrderRequest r = order.request();
        RegistrationOutcome outcome = registry.register(tenant, List.of(new ShipmentRegistration(carrier, number,
                ShipmentLeg.OUTBOUND, orderDetails(r), recipient(r.destinationAddress()),
                !"JP".equals(r.destinationAddress().countryCode()), null))).getFirst();
        if (outcome.error() != null) {
            throw unprocessable(outcome.error().code(), outcome.error().field(), outcome.error().detail());
        }
        if (!outcome.created()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "package-in-use", "Conflict",
                    "This " + carrier + " number is registered already as another shipment of this shop.");
        }
        long n = store.insertPackage(order.id(), tenant, outcome.shipmentId(), carrier, number, center, shippingDate,
                clock.instant());
        return new Attached(pkg(tenant, store.pkg(tenant, n).orElseThrow()), true);
    }

    // ---- cancel and update, before the order ships (MCF cancelFulfillmentOrder, updateFulfillmentOrder) ----

    /** The source of a cancelled package's line in its timeline. */
    static final String CANCEL_SOURCE = "fulfillment";

    /**
     * Cancels the order while none of its packages has left with its carrier. Packages attached but
     * not handed over (a label printed) are cancelled with it, in their timelines, so that no van
     * picks them up. Cancelling a cancelled order again answers the same (MCF clients retry).
     */
    @Transactional
    public FulfillmentOrder cancel(Caller operator, String sellerFulfillmentOrderId) {
        long tenant = tenant(operator);
        FulfillmentStore.OrderRow order = locked(tenant, sellerFulfillmentOrderId);
        if (order.cancelledAt() == null) {
            FulfillmentOrder current = withPackages(List.of(order)).getFirst();
            refuseShipped(current, "cancelled");
            Instant now = clock.instant();
            store.cancelled(order.id(), now);
            for (FulfillmentOrder.Package p : current.packages()) {
                IngestResult result = ingest.ingest(tenant, List.of(new IncomingEvent(p.shipment().id(), null, null,
                        "fulfillment-cancelled:" + order.id(), new TrackingEvent(CANCEL_SOURCE, "CANCELLED",
                        "ご注文の取り消しにより発送を中止しました", TrackingStatus.CANCELLED, null,
                        EventTime.of(now, EventTime.TOKYO), EventLocation.NONE, 0, now))));
                if (!result.errors().isEmpty()) {
                    throw new IllegalStateException("package " + p.packageNumber() + " was not cancelled: " + result.errors());
                }
            }
        }
        return get(operator, sellerFulfillmentOrderId);
    }

    /**
     * What MCF's {@code updateFulfillmentOrder} may change here: the displayable order id, date and
     * comment, the shipping speed, the destination and the notification e-mails; a field left out
     * stays as it is. Items are not changed by an update (cancel and create another order).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(String displayableOrderId, String displayableOrderDate, String displayableOrderComment,
                         String shippingSpeedCategory, FulfillmentOrderRequest.Address destinationAddress,
                         List<String> notificationEmails, List<FulfillmentOrderRequest.Item> items) {
    }

    /**
     * Updates the order before it ships, each field checked as on creation. A new destination is
     * refused once a package is attached: its label carries the old address.
     */
    @Transactional
    public FulfillmentOrder update(Caller operator, String sellerFulfillmentOrderId, Update u) {
        long tenant = tenant(operator);
        if (u == null) {
            throw ProblemType.invalidField("displayableOrderComment", "Send the fields to change as JSON.");
        }
        if (u.items() != null) {
            throw ProblemType.invalidField("items", "An update does not change the items; cancel the order and "
                    + "create another.");
        }
        FulfillmentStore.OrderRow order = locked(tenant, sellerFulfillmentOrderId);
        if (order.cancelledAt() != null) {
            throw cancelled(sellerFulfillmentOrderId);
        }
        FulfillmentOrder current = withPackages(List.of(order)).getFirst();
        refuseShipped(current, "updated");
        FulfillmentOrderRequest was = order.request();
        FulfillmentOrderRequest next = validated(new FulfillmentOrderRequest(was.sellerFulfillmentOrderId(),
                or(u.displayableOrderId(), was.displayableOrderId()), or(u.displayableOrderDate(), was.displayableOrderDate()),
                or(u.displayableOrderComment(), was.displayableOrderComment()),
                or(u.shippingSpeedCategory(), was.shippingSpeedCategory()),
                u.destinationAddress() == null ? was.destinationAddress() : u.destinationAddress(), was.items(),
                u.notificationEmails() == null ? was.notificationEmails() : u.notificationEmails()));
        if (!next.destinationAddress().equals(was.destinationAddress()) && !current.packages().isEmpty()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "package-labelled", "Conflict",
                    "A package of this order has its label for the old address already; the destination "
                            + "cannot change now. Cancel the order and create another.");
        }
        if (!next.equals(was)) {
            store.updated(order.id(), next, clock.instant());
        }
        return get(operator, sellerFulfillmentOrderId);
    }

    /** MCF refuses to change an order once it has shipped: a package with its carrier is past recall. */
    private static void refuseShipped(FulfillmentOrder o, String what) {
        List<Long> shipped = o.packages().stream()
                .filter(p -> "SHIPPED".equals(McfCodes.shipmentStatus(p.shipment().status())))
                .map(FulfillmentOrder.Package::packageNumber).toList();
        if (!shipped.isEmpty()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "fulfillment-order-shipped", "Conflict",
                    "Fulfillment order '" + o.request().sellerFulfillmentOrderId() + "' cannot be " + what
                            + ": package " + shipped + " has left with its carrier already.");
        }
    }

    private FulfillmentStore.OrderRow locked(long tenant, String sellerFulfillmentOrderId) {
        return store.orderForUpdate(tenant, sellerFulfillmentOrderId == null ? "" : sellerFulfillmentOrderId)
                .orElseThrow(() -> ProblemType.notFound("Fulfillment order " + sellerFulfillmentOrderId));
    }

    private static RuntimeException cancelled(String sellerFulfillmentOrderId) {
        return ProblemType.exception(HttpStatus.CONFLICT, "fulfillment-order-cancelled", "Conflict",
                "Fulfillment order '" + sellerFulfillmentOrderId + "' is cancelled.");
    }

    private static String or(String given, String was) {
        return given == null ? was : given;
    }

    /** Says why a number is refused: the check digit, another carrier's shape, or no known shape. */
    private void invalidNumber(String carrier, String given, String number) {
        if (number.isEmpty()) {
            throw unprocessable("invalid-tracking-number", "trackingNumber", "trackingNumber is required for "
                    + carrier + " (only own_fleet numbers are generated).");
        }
        TrackingNumberDetection d = detector.detect(number);
        if (d.carriers().contains(carrier)) {
            return;
        }
        String reason;
        if (!d.failedChecks().isEmpty()) {
            reason = "its check digit does not match (a digit may be mistyped)";
        } else if (!d.candidates().isEmpty()) {
            reason = "it has the shape of a number of " + String.join(", ", d.carriers().stream().distinct().toList())
                    + ", not of " + carrier;
        } else {
            reason = "it has the shape of no " + carrier + " number";
        }
        throw unprocessable("invalid-tracking-number", "trackingNumber",
                "'" + given + "' is not a valid " + carrier + " tracking number: " + reason + ".");
    }

    private static OrderDetails orderDetails(FulfillmentOrderRequest r) {
        // The customer's address for notifications, if any, makes the order theirs on Otodoke's pages.
        String email = r.notificationEmails().isEmpty() ? null : r.notificationEmails().getFirst();
        List<OrderItem> items = r.items().stream().map(i -> new OrderItem(i.sellerSku(), i.quantity(), 0)).toList();
        return new OrderDetails(r.sellerFulfillmentOrderId(), email, r.destinationAddress().name(),
                OffsetDateTime.parse(r.displayableOrderDate()).toInstant(), items, null, false, null, null, null,
                false, false);
    }

    private static Recipient recipient(FulfillmentOrderRequest.Address a) {
        String line = java.util.stream.Stream.of(a.districtOrCounty(), a.addressLine1(), a.addressLine2(), a.addressLine3())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return new Recipient(a.name(), a.postalCode(), a.stateOrRegion(), a.city(), line, a.phone());
    }

    private List<FulfillmentOrder> withPackages(List<FulfillmentStore.OrderRow> rows) {
        Map<Long, List<FulfillmentStore.PackageRow>> byOrder = store.packages(rows.stream()
                .map(FulfillmentStore.OrderRow::id).toList()).stream()
                .collect(Collectors.groupingBy(FulfillmentStore.PackageRow::orderId));
        return rows.stream().map(o -> new FulfillmentOrder(o.id(), o.tenantId(), o.request(), o.createdAt(),
                byOrder.getOrDefault(o.id(), List.of()).stream().map(p -> pkg(o.tenantId(), p)).toList(),
                o.cancelledAt(), o.updatedAt())).toList();
    }

    private FulfillmentOrder.Package pkg(long tenant, FulfillmentStore.PackageRow p) {
        return new FulfillmentOrder.Package(p.packageNumber(), p.carrier(), p.trackingNumber(), p.fulfillmentCenterId(),
                p.shippingDate(), p.createdAt(), registry.shipment(tenant, p.shipmentId()).orElseThrow());
    }

    // ---- validation: a bad field is a 400 that names it ----

    static FulfillmentOrderRequest validated(FulfillmentOrderRequest r) {
        if (r == null) {
            throw ProblemType.invalidField("sellerFulfillmentOrderId", "Send the fulfillment order as JSON.");
        }
        String id = required("sellerFulfillmentOrderId", r.sellerFulfillmentOrderId(), MAX_ID);
        String displayId = required("displayableOrderId", r.displayableOrderId(), MAX_ID);
        String date = required("displayableOrderDate", r.displayableOrderDate(), 64);
        timestamp("displayableOrderDate", date);
        String comment = required("displayableOrderComment", r.displayableOrderComment(), MAX_COMMENT);
        String speed = required("shippingSpeedCategory", r.shippingSpeedCategory(), 32);
        if (!SPEEDS.contains(speed)) {
            throw ProblemType.invalidField("shippingSpeedCategory", "shippingSpeedCategory is one of " + SPEEDS + ".");
        }
        FulfillmentOrderRequest.Address a = r.destinationAddress();
        if (a == null) {
            throw ProblemType.invalidField("destinationAddress", "destinationAddress is required.");
        }
        FulfillmentOrderRequest.Address address = new FulfillmentOrderRequest.Address(
                required("destinationAddress.name", a.name(), MAX_TEXT),
                required("destinationAddress.addressLine1", a.addressLine1(), MAX_TEXT),
                text("destinationAddress.addressLine2", a.addressLine2(), MAX_TEXT),
                text("destinationAddress.addressLine3", a.addressLine3(), MAX_TEXT),
                text("destinationAddress.city", a.city(), MAX_TEXT),
                text("destinationAddress.districtOrCounty", a.districtOrCounty(), MAX_TEXT),
                text("destinationAddress.stateOrRegion", a.stateOrRegion(), MAX_TEXT),
                required("destinationAddress.postalCode", a.postalCode(), 20),
                country(a.countryCode()),
                text("destinationAddress.phone", a.phone(), 40));
        if (r.items() == null || r.items().isEmpty() || r.items().size() > MAX_ITEMS) {
            throw ProblemType.invalidField("items", "items has 1 to " + MAX_ITEMS + " lines.");
        }
        List<FulfillmentOrderRequest.Item> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            FulfillmentOrderRequest.Item item = r.items().get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                throw ProblemType.invalidField("items", "items[" + i + "] is empty.");
            }
            String itemId = required(at + "sellerFulfillmentOrderItemId", item.sellerFulfillmentOrderItemId(), 50);
            if (!itemIds.add(itemId)) {
                throw ProblemType.invalidField(at + "sellerFulfillmentOrderItemId", "sellerFulfillmentOrderItemId '"
                        + itemId + "' appears twice.");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > 10_000) {
                throw ProblemType.invalidField(at + "quantity", "quantity is 1 to 10000.");
            }
            items.add(new FulfillmentOrderRequest.Item(required(at + "sellerSku", item.sellerSku(), 50), itemId,
                    item.quantity(), text(at + "displayableComment", item.displayableComment(), MAX_TEXT)));
        }
        List<String> emails = new ArrayList<>();
        for (String e : r.notificationEmails() == null ? List.<String>of() : r.notificationEmails()) {
            String v = text("notificationEmails", e, 254);
            if (v == null || !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ProblemType.invalidField("notificationEmails", "'" + e + "' is not an e-mail address.");
            }
            emails.add(v);
        }
        return new FulfillmentOrderRequest(id, displayId, date, comment, speed, address, items, emails);
    }

    private static String country(String code) {
        String c = required("destinationAddress.countryCode", code, 2).toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{2}")) {
            throw ProblemType.invalidField("destinationAddress.countryCode", "countryCode is ISO 3166-1 alpha-2, e.g. JP.");
        }
        return c;
    }

    private static Instant timestamp(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.invalidField(field, field + " is ISO-8601 with an offset, e.g. 2026-11-30T10:00:00+09:00.");
        }
    }

    private static String required(String field, String value, int max) {
        String v = text(field, value, max);
        if (v == null) {
            throw ProblemType.invalidField(field, field + " is required.");
        }
        return v;
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

    private static long tenant(Caller c) {
        if (c == null || !c.is(Role.OPERATOR) || c.tenantId() == null) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A shop's operator manages its fulfillment orders.");
        }
        return c.tenantId();
    }

    private static RuntimeException unprocessable(String code, String field, String detail) {
        var e = ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, code, "Package refused", detail);
        e.getBody().setProperty("field", field);
        e.getBody().setProperty("reason", detail);
        return e;
    }
}
