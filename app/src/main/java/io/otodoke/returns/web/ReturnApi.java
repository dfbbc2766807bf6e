package io.otodoke.returns.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.Photo;
import io.otodoke.returns.RefundTrigger;
import io.otodoke.returns.ReturnAuthorisation;
import io.otodoke.returns.ReturnState;
import io.otodoke.returns.Returns;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Return authorisations for the shop's systems (docs/delivery.md#returns). */
@RestController
@Tag(name = "Returns", description = "Return authorisations, their return leg and refunds")
class ReturnApi {

    private final Returns returns;

    ReturnApi(Returns returns) {
        this.returns = returns;
    }

    record ReturnList(List<ReturnAuthorisation> returns) {
    }

    record Approval(Boolean label, String note) {
    }

    record Rejection(String note) {
    }

    record CarrierNumber(String carrier, String trackingNumber) {
    }

    record Policy(RefundTrigger refundTrigger) {
    }

    @PostMapping("/api/v1/orders/{id}/returns")
    @Operation(summary = "Ask for a return of items of an order (on the buyer's behalf)",
            description = "Items by the order's item names, at most as many as bought and not asked for already. "
                    + "The refund is the items' order price.")
    ResponseEntity<ReturnAuthorisation> request(@PathVariable long id, @RequestBody Returns.NewReturn body,
                                                Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(returns.request(caller, id, body));
    }

    @GetMapping("/api/v1/orders/{id}/returns")
    ReturnList ofOrder(@PathVariable long id, Caller caller) {
        return new ReturnList(returns.ofOrder(caller, id));
    }

    @GetMapping("/api/v1/returns")
    @Operation(summary = "The shop's newest returns, optionally of one state")
    ReturnList list(@RequestParam(required = false) ReturnState state, Caller caller) {
        return new ReturnList(returns.list(caller, state));
    }

    @GetMapping("/api/v1/returns/{id}")
    ReturnAuthorisation get(@PathVariable long id, Caller caller) {
        return returns.get(caller, id);
    }

    @PostMapping("/api/v1/returns/{id}/approve")
    @Operation(summary = "Approve: with label=true the return travels on an own-fleet label with a generated number",
            description = "Without a label the buyer sends it with a carrier and gives the number "
                    + "(POST /api/v1/returns/{id}/shipment). The refund is due when the shop's policy says.")
    ReturnAuthorisation approve(@PathVariable long id, @RequestBody(required = false) Approval body, Caller caller) {
        Approval a = body == null ? new Approval(false, null) : body;
        return returns.approve(caller, id, Boolean.TRUE.equals(a.label()), a.note());
    }

    @PostMapping("/api/v1/returns/{id}/reject")
    ReturnAuthorisation reject(@PathVariable long id, @RequestBody(required = false) Rejection body, Caller caller) {
        return returns.reject(caller, id, body == null ? null : body.note());
    }

    @PostMapping("/api/v1/returns/{id}/shipment")
    @Operation(summary = "The carrier number the return travels with (checked: format and check digit)")
    ReturnAuthorisation shipment(@PathVariable long id, @RequestBody CarrierNumber body, Caller caller) {
        return returns.returnShipment(caller, id, body.carrier(), body.trackingNumber());
    }

    @PostMapping(path = "/api/v1/returns/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo (JPEG or PNG; stored re-encoded, without EXIF or other metadata)")
    ResponseEntity<ReturnAuthorisation> photo(@PathVariable long id, @RequestPart("photo") MultipartFile photo,
                                              Caller caller) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(returns.addPhoto(caller, id, photo.getBytes()));
    }

    @GetMapping("/api/v1/returns/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Caller caller) {
        Photo p = returns.photo(caller, id, photoId).orElseThrow(() -> ProblemType.notFound("Photo " + photoId));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    @GetMapping("/api/v1/return-policy")
    Policy policy(Caller caller) {
        return new Policy(returns.policy(caller.tenantId()));
    }

    @PutMapping("/api/v1/return-policy")
    @Operation(summary = "When the shop refunds: AT_PICKUP (the carrier has the return) or ON_ARRIVAL (default)")
    Policy policy(@RequestBody Policy body, Caller caller) {
        return new Policy(returns.policy(caller, body == null ? null : body.refundTrigger()));
    }
}
