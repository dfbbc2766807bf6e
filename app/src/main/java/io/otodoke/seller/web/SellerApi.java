package io.otodoke.seller.web;

import io.otodoke.account.Caller;
import io.otodoke.seller.RowResult;
import io.otodoke.seller.SellerCsv;
import io.otodoke.seller.SellerShipment;
import io.otodoke.seller.SellerShipments;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.SellerOrders;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A marketplace seller's tracking numbers, for the seller's systems and its shop's operator (docs/sellers.md). */
@RestController
@Tag(name = "Marketplace sellers", description = "Tracking numbers and untracked dispatches of a seller's orders")
class SellerApi {

    /** The most rows one CSV file may have. */
    static final int MAX_ROWS = 5_000;

    private final SellerShipments shipments;

    SellerApi(SellerShipments shipments) {
        this.shipments = shipments;
    }

    /** One parcel of an order: a tracking number, or an untracked method such as teikeigai. */
    record ShipmentRequest(String orderNumber, String carrier, String trackingNumber, String shippingMethod,
                           OffsetDateTime shippedAt) {
    }

    record Report(int stored, int alreadyStored, int refused, List<RowResult> results) {

        static Report of(List<RowResult> results) {
            return new Report(count(results, RowResult.Outcome.STORED), count(results, RowResult.Outcome.ALREADY_STORED),
                    count(results, RowResult.Outcome.REFUSED), results);
        }

        private static int count(List<RowResult> results, RowResult.Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    @PostMapping(path = "/api/v1/seller/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add the tracking number of one order, or mark it sent without one",
            description = "The number is checked with the detector and the carrier's check digit; with no carrier the "
                    + "detector names it. 201 stored, 200 already stored (same number, same order). 404 when the order "
                    + "is not one of the caller's (a seller's own; the operator's tenant). 422 with the reason otherwise: "
                    + "invalid-check-digit, wrong-carrier, unknown-carrier, ambiguous-carrier, duplicate, … (docs/api.md).")
    ResponseEntity<?> add(@RequestBody ShipmentRequest body, Caller caller) {
        RowResult r = shipments.add(caller, List.of(new SellerShipment(0, body.orderNumber(), body.carrier(),
                body.trackingNumber(), body.shippingMethod(), body.shippedAt() == null ? null : body.shippedAt().toInstant())))
                .getFirst();
        if (r.refused()) {
            String code = r.error().code();
            if (code.equals("unknown-order") || code.equals("order-of-another-seller")) {
                // another seller's order is answered like one that does not exist
                throw ProblemType.notFound("Order '" + body.orderNumber() + "'");
            }
            ProblemDetail p = ProblemType.detail(HttpStatus.UNPROCESSABLE_CONTENT, code, "Shipment refused", r.error().detail());
            if (r.error().field() != null) {
                p.setProperties(Map.of("field", r.error().field()));
            }
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.status(r.outcome() == RowResult.Outcome.STORED ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @PostMapping(path = "/api/v1/seller/shipments/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Add tracking numbers from a CSV file: orderNumber,carrier,trackingNumber,shippingMethod,shippedAt",
            description = "Never all or nothing: 200 with one result per row (its line number; the reason, column and "
                    + "explanation of a refused row); the good rows are stored. 400 malformed-csv when the file has no "
                    + "usable header; 413 when it has more than " + MAX_ROWS + " rows.")
    Report importCsv(@RequestBody byte[] file, Caller caller) {
        return Report.of(importing(shipments, caller, file));
    }

    @PostMapping(path = "/api/v1/seller/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a seller's order before it ships (operator)",
            description = "The order shape of POST /api/v1/shipments, with 'seller' (the seller's code) required. 201 "
                    + "created, 200 when the order number exists (the order is left as it is); 422 unknown-seller.")
    ResponseEntity<SellerOrders.OrderRef> createOrder(@RequestBody OrderDetails body, Caller caller) {
        SellerOrders.CreatedOrder c = shipments.createOrder(caller, body);
        return ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK).body(c.order());
    }

    @GetMapping("/api/v1/seller/orders")
    @Operation(summary = "The caller's seller orders still waiting for a tracking number, oldest first",
            description = "Each with shipBy and late (past its ship-by deadline, otodoke.seller.ship-within after the "
                    + "order). late=true lists only the late ones. A seller sees its own; the operator all of its tenant.")
    Map<String, Object> orders(@RequestParam(defaultValue = "false") boolean late, Caller caller) {
        return Map.of("orders", late ? shipments.late(caller) : shipments.awaiting(caller));
    }

    /** Reads and stores a CSV file for the caller: the API's and the seller page's upload. */
    static List<RowResult> importing(SellerShipments shipments, Caller caller, byte[] file) {
        SellerCsv.Parsed parsed;
        try {
            parsed = SellerCsv.read(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-csv", "Malformed CSV", e.getMessage());
        }
        if (parsed.rows().size() + parsed.refused().size() > MAX_ROWS) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A file has at most " + MAX_ROWS + " rows. Nothing was stored.");
        }
        List<RowResult> results = new ArrayList<>(shipments.add(caller, parsed.rows()));
        results.addAll(parsed.refused());
        results.sort(Comparator.comparingInt(RowResult::row));
        return results;
    }
}
