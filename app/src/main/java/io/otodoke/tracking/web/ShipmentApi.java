package io.otodoke.tracking.web;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.tracking.ItemError;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.Handling;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Shipments", description = "Register shipments and read them with their timeline")
class ShipmentApi {

    static final int MAX_BATCH = 10_000;
    static final int MAX_LIST = 500;

    private final ShipmentRegistry registry;
    private final AuditLog audit;
    private final ObjectMapper json;

    ShipmentApi(ShipmentRegistry registry, AuditLog audit, ObjectMapper json) {
        this.registry = registry;
        this.audit = audit;
        this.json = json;
    }

    /** A shipment as a shop registers it; {@code handling} (cash on delivery, cool, signature) is optional. */
    record ShipmentItem(String carrier, String trackingNumber, ShipmentLeg leg, Boolean international, Instant createdAt,
                        OrderDetails order, Recipient recipient, Handling handling) {
    }

    record Registered(int index, Long id, boolean created, ItemError error) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register one shipment (an object) or many (an array)",
            description = "Idempotent on carrier + tracking number: registering again returns the existing shipment "
                    + "with created=false. One object answers 201 (created) or 200 (existed); an array answers 200 "
                    + "with one result per item.")
    ResponseEntity<?> register(@RequestBody JsonNode body, Caller caller) {
        boolean single = body.isObject();
        if (!single && !body.isArray()) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "Send one shipment object or an array of them.");
        }
        List<JsonNode> nodes = new ArrayList<>();
        body.forEach(nodes::add);
        if (single) {
            nodes = List.of(body);
        }
        if (nodes.size() > MAX_BATCH) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A batch has at most " + MAX_BATCH + " shipments. Nothing was stored.");
        }
        List<ShipmentRegistration> good = new ArrayList<>();
        List<Integer> goodIndex = new ArrayList<>();
        List<Registered> results = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                ShipmentItem item = json.treeToValue(nodes.get(i), ShipmentItem.class);
                good.add(new ShipmentRegistration(item.carrier(), item.trackingNumber(), item.leg(),
                        item.order(), item.recipient(), Boolean.TRUE.equals(item.international()), item.createdAt(),
                        item.handling()));
                goodIndex.add(i);
            } catch (JacksonException e) {
                String first = e.getOriginalMessage().lines().findFirst().orElse("");
                results.add(new Registered(i, null, false, new ItemError(i, "malformed-item", null, first)));
            }
        }
        for (RegistrationOutcome o : registry.register(caller, good)) {
            int index = goodIndex.get(o.index());
            ItemError error = o.error() == null ? null : new ItemError(index, o.error().code(), o.error().field(), o.error().detail());
            results.add(new Registered(index, o.shipmentId(), o.created(), error));
        }
        results.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (single) {
            Registered r = results.getFirst();
            if (r.error() != null) {
                ProblemDetail p = ProblemType.detail(HttpStatus.UNPROCESSABLE_CONTENT, r.error().code(), "Invalid shipment",
                        r.error().detail());
                if (r.error().field() != null) {
                    p.setProperties(Map.of("field", r.error().field()));
                }
                return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
            return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(registry.shipment(caller, r.id()).orElseThrow());
        }
        return ResponseEntity.ok(Map.of("results", results));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A shipment with its timeline and recipient",
            description = "Only shipments the key may see (its tenant; a seller's own orders); any other id is 404. "
                    + "Reading the recipient's address is recorded in the audit log.")
    ShipmentView shipment(@PathVariable long id, Caller caller) {
        ShipmentView s = registry.shipment(caller, id).orElseThrow(() -> ProblemType.notFound("Shipment " + id));
        if (s.recipient() != null) {
            audit.record(caller, s.tenantId(), AuditLog.ADDRESS_VIEWED, "shipment:" + id);
        }
        return s;
    }

    @GetMapping
    @Operation(summary = "The newest shipments the key may see, without timelines or recipients",
            description = "Newest first, at most 'limit' (1 to 500, default 100); 'before' pages on with the last id; "
                    + "'status' filters by unified status.")
    Map<String, Object> list(@RequestParam(required = false) TrackingStatus status,
                             @RequestParam(required = false) Long before,
                             @RequestParam(defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ProblemType.invalidField("limit", "limit is 1 to " + MAX_LIST);
        }
        List<ShipmentView> page = registry.shipments(caller, status, before, limit).stream()
                .map(s -> new ShipmentView(s.id(), s.tenantId(), s.orderId(), s.leg(), s.carrier(), s.trackingNumber(),
                        s.status(), s.reason(), s.createdAt(), s.lastEventAt(), s.staleReason(), null, null,
                        s.handling(), s.estimate()))
                .toList();
        return page.size() < limit ? Map.of("shipments", page)
                : Map.of("shipments", page, "next", "/api/v1/shipments?limit=" + limit + "&before=" + page.getLast().id()
                        + (status == null ? "" : "&status=" + status));
    }
}
