package io.otodoke.fulfillment.web;

import io.otodoke.account.Caller;
import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.fulfillment.FulfillmentOrder;
import io.otodoke.fulfillment.FulfillmentOrderRequest;
import io.otodoke.fulfillment.FulfillmentOrders;
import io.otodoke.fulfillment.McfCodes;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Multi-channel orders in the shape of Amazon MCF's Fulfillment Outbound API v2020-07-01
 * (docs/fulfillment.md): the same field names and enum values, answers wrapped in {@code payload}
 * as the Selling Partner API does. MCF-shaped, not Amazon's service.
 */
@RestController
@Tag(name = "Fulfillment (MCF-shaped)", description = "Fulfilment orders from other sales channels, packages and tracking "
        + "in the shape of Amazon Multi-Channel Fulfillment (Fulfillment Outbound API v2020-07-01)")
class FulfillmentApi {

    private final FulfillmentOrders orders;
    private final CarrierDirectory carriers;

    FulfillmentApi(FulfillmentOrders orders, CarrierDirectory carriers) {
        this.orders = orders;
        this.carriers = carriers;
    }

    /** SP-API's envelope. */
    record Payload<T>(T payload) {
    }

    record FulfillmentOrderView(String sellerFulfillmentOrderId, String displayableOrderId, String displayableOrderDate,
                                String displayableOrderComment, String shippingSpeedCategory,
                                FulfillmentOrderRequest.Address destinationAddress, List<String> notificationEmails,
                                Instant receivedDate, String fulfillmentOrderStatus, Instant statusUpdatedDate) {
    }

    record ItemView(String sellerSku, String sellerFulfillmentOrderItemId, int quantity, String displayableComment,
                    int cancelledQuantity, int unfulfillableQuantity) {
    }

    record PackageView(long packageNumber, String carrierCode, String trackingNumber, OffsetDateTime estimatedArrivalDate) {
    }

    record FulfillmentShipmentView(String amazonShipmentId, String fulfillmentCenterId, String fulfillmentShipmentStatus,
                         OffsetDateTime shippingDate, OffsetDateTime estimatedArrivalDate,
                         List<PackageView> fulfillmentShipmentPackage) {
    }

    record GetFulfillmentOrderResult(FulfillmentOrderView fulfillmentOrder, List<ItemView> fulfillmentOrderItems,
                                     List<FulfillmentShipmentView> fulfillmentShipments) {
    }

    record ListAllFulfillmentOrdersResult(List<FulfillmentOrderView> fulfillmentOrders) {
    }

    record TrackingAddress(String city, String state, String country) {
    }

    record TrackingEventView(OffsetDateTime eventDate, TrackingAddress eventAddress, String eventCode,
                             String eventDescription) {
    }

    record PackageTrackingDetails(long packageNumber, String trackingNumber, String customerTrackingLink,
                                  String carrierCode, String carrierPhoneNumber, String carrierURL,
                                  OffsetDateTime shipDate, OffsetDateTime estimatedArrivalDate,
                                  TrackingAddress shipToAddress, String currentStatus, String currentStatusDescription,
                                  String additionalLocationInfo, List<TrackingEventView> trackingEvents) {
    }

    @PostMapping("/api/v1/fulfillment/orders")
    @Operation(summary = "Create a fulfillment order (MCF createFulfillmentOrder)",
            description = "Idempotent on sellerFulfillmentOrderId: 201 when created, 200 for an identical repeat, "
                    + "409 fulfillment-order-conflict for the same id with other content.")
    ResponseEntity<Payload<GetFulfillmentOrderResult>> create(@RequestBody FulfillmentOrderRequest body, Caller caller) {
        FulfillmentOrders.Created c = orders.create(caller, body);
        return ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new Payload<>(result(c.order())));
    }

    @GetMapping("/api/v1/fulfillment/orders/{sellerFulfillmentOrderId}")
    @Operation(summary = "A fulfillment order with its items, shipments and packages (MCF getFulfillmentOrder)")
    Payload<GetFulfillmentOrderResult> get(@PathVariable String sellerFulfillmentOrderId, Caller caller) {
        return new Payload<>(result(orders.get(caller, sellerFulfillmentOrderId)));
    }

    @GetMapping("/api/v1/fulfillment/orders")
    @Operation(summary = "Orders received or shipped since queryStartDate (MCF listAllFulfillmentOrders); "
            + "default the last 36 hours")
    Payload<ListAllFulfillmentOrdersResult> list(@RequestParam(required = false) String queryStartDate, Caller caller) {
        Instant since = null;
        if (queryStartDate != null && !queryStartDate.isBlank()) {
            try {
                since = OffsetDateTime.parse(queryStartDate.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemType.invalidField("queryStartDate", "queryStartDate is ISO-8601 with an offset, "
                        + "e.g. 2026-11-01T00:00:00Z.");
            }
        }
        return new Payload<>(new ListAllFulfillmentOrdersResult(orders.list(caller, since).stream()
                .map(FulfillmentApi::order).toList()));
    }

    @PutMapping("/api/v1/fulfillment/orders/{sellerFulfillmentOrderId}/cancel")
    @Operation(summary = "Cancel a fulfillment order before it ships (MCF cancelFulfillmentOrder)",
            description = "200 with the order (fulfillmentOrderStatus Cancelled; packages not yet handed over are "
                    + "cancelled too); 200 again for a cancelled order; 409 fulfillment-order-shipped once a package "
                    + "has left with its carrier.")
    Payload<GetFulfillmentOrderResult> cancel(@PathVariable String sellerFulfillmentOrderId, Caller caller) {
        return new Payload<>(result(orders.cancel(caller, sellerFulfillmentOrderId)));
    }

    @PutMapping("/api/v1/fulfillment/orders/{sellerFulfillmentOrderId}")
    @Operation(summary = "Update a fulfillment order before it ships (MCF updateFulfillmentOrder)",
            description = "Any of displayableOrderId, displayableOrderDate, displayableOrderComment, "
                    + "shippingSpeedCategory, destinationAddress (whole), notificationEmails; others stay. 409 "
                    + "fulfillment-order-shipped, fulfillment-order-cancelled, package-labelled (a new destination "
                    + "after a package was attached); 400 invalid-<field> as on creation, invalid-items for items.")
    Payload<GetFulfillmentOrderResult> update(@PathVariable String sellerFulfillmentOrderId,
                                              @RequestBody(required = false) FulfillmentOrders.Update body,
                                              Caller caller) {
        return new Payload<>(result(orders.update(caller, sellerFulfillmentOrderId, body)));
    }

    record NewPackageResult(long packageNumber, String carrierCode, String trackingNumber) {
    }

    @PostMapping("/api/v1/fulfillment/orders/{sellerFulfillmentOrderId}/packages")
    @Operation(summary = "The shop's warehouse attaches a package: carrierCode and trackingNumber (checked by the detector), "
            + "or carrierCode own_fleet (number generated when absent)",
            description = "201 when attached, 200 when the same carrier and number were attached to this order already; "
                    + "422 invalid-tracking-number with the reason; 409 package-in-use for a number of another order.")
    ResponseEntity<Payload<NewPackageResult>> attach(@PathVariable String sellerFulfillmentOrderId,
                                                     @RequestBody FulfillmentOrders.NewPackage body, Caller caller) {
        FulfillmentOrders.Attached a = orders.attach(caller, sellerFulfillmentOrderId, body);
        return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new Payload<>(
                new NewPackageResult(a.pkg().packageNumber(), a.pkg().carrier(), a.pkg().trackingNumber())));
    }

    @GetMapping("/api/v1/fulfillment/tracking")
    @Operation(summary = "A package's tracking (MCF getPackageTrackingDetails): currentStatus and trackingEvents "
            + "in MCF's codes, newest first")
    Payload<PackageTrackingDetails> tracking(@RequestParam(required = false) String packageNumber, Caller caller) {
        long n;
        try {
            n = Long.parseLong(packageNumber == null ? "" : packageNumber.strip());
        } catch (NumberFormatException e) {
            throw ProblemType.invalidField("packageNumber", "packageNumber is the number a package got when attached.");
        }
        FulfillmentOrder.Package p = orders.pkg(caller, n);
        FulfillmentOrderRequest.Address to = orders.destination(caller, n);
        ShipmentView s = p.shipment();
        Optional<Carrier> carrier = carriers.find(p.carrier());
        List<TrackingEventView> events = s.timeline().reversed().stream()
                .flatMap(e -> McfCodes.eventCode(e.status(), e.reason()).map(code -> new TrackingEventView(
                        e.occurredAt().offsetDateTime(), address(e), code, description(e))).stream())
                .toList();
        String link = carrier.map(c -> c.trackingUrlFor(p.trackingNumber())).orElse(null);
        return new Payload<>(new PackageTrackingDetails(p.packageNumber(), p.trackingNumber(), link, p.carrier(),
                carrier.map(Carrier::customerService).orElse(null), link, shipDate(p),
                estimate(s), new TrackingAddress(to.city(), to.stateOrRegion(), to.countryCode()),
                McfCodes.currentStatus(s.status(), s.reason()), s.status().name(),
                s.status() == TrackingStatus.DELIVERED ? McfCodes.locationInfo(s.reason()) : null, events));
    }

    private static TrackingAddress address(TimelineEntry e) {
        var l = e.location();
        return new TrackingAddress(l.name(), l.prefecture(), l.country());
    }

    /** The carrier's own words when it gave them, else the unified status. */
    private static String description(TimelineEntry e) {
        return e.rawText() != null && !e.rawText().isBlank() ? e.rawText() : e.status().name();
    }

    private static GetFulfillmentOrderResult result(FulfillmentOrder o) {
        return new GetFulfillmentOrderResult(order(o),
                o.request().items().stream().map(i -> new ItemView(i.sellerSku(), i.sellerFulfillmentOrderItemId(),
                        i.quantity(), i.displayableComment(), o.cancelled() ? i.quantity() : 0, 0)).toList(),
                o.packages().stream().map(p -> new FulfillmentShipmentView("OTD" + p.packageNumber(), p.fulfillmentCenterId(),
                        McfCodes.shipmentStatus(p.shipment().status()), shipDate(p), estimate(p.shipment()),
                        List.of(new PackageView(p.packageNumber(), p.carrier(), p.trackingNumber(),
                                estimate(p.shipment()))))).toList());
    }

    private static FulfillmentOrderView order(FulfillmentOrder o) {
        FulfillmentOrderRequest r = o.request();
        Instant updated = java.util.stream.Stream.concat(o.packages().stream().map(p -> p.shipment().lastEventAt() == null
                        ? p.createdAt() : p.shipment().lastEventAt()),
                        java.util.stream.Stream.of(o.cancelledAt(), o.updatedAt()).filter(java.util.Objects::nonNull))
                .max(Instant::compareTo).orElse(o.receivedAt());
        return new FulfillmentOrderView(r.sellerFulfillmentOrderId(), r.displayableOrderId(), r.displayableOrderDate(),
                r.displayableOrderComment(), r.shippingSpeedCategory(), r.destinationAddress(), r.notificationEmails(),
                o.receivedAt(), status(o), updated);
    }

    /**
     * MCF's FulfillmentOrderStatus: Received until a package is attached; Complete once every
     * package has left with its carrier (MCF: all items shipped); Processing in between; Cancelled
     * once the shop cancelled it.
     */
    static String status(FulfillmentOrder o) {
        if (o.cancelled()) {
            return "Cancelled";
        }
        if (o.packages().isEmpty()) {
            return "Received";
        }
        boolean allShipped = o.packages().stream().allMatch(p -> "SHIPPED".equals(McfCodes.shipmentStatus(p.shipment().status())));
        return allShipped ? "Complete" : "Processing";
    }

    /** When the package left: the given shippingDate, else the first scan after the label, else unknown. */
    private static OffsetDateTime shipDate(FulfillmentOrder.Package p) {
        if (p.shippingDate() != null) {
            return p.shippingDate().atZone(EventTime.TOKYO).toOffsetDateTime();
        }
        return p.shipment().timeline().stream()
                .filter(e -> e.status() != TrackingStatus.LABEL_CREATED && e.status() != TrackingStatus.PREPARING)
                .map(e -> e.occurredAt().offsetDateTime()).findFirst().orElse(null);
    }

    /** The carrier's forecast day, as the start of that day in Japan. */
    private static OffsetDateTime estimate(ShipmentView s) {
        if (s.estimate() == null) {
            return null;
        }
        LocalDate d = s.estimate().date();
        return d.atStartOfDay(EventTime.TOKYO).toOffsetDateTime();
    }
}
