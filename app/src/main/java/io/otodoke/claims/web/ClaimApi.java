package io.otodoke.claims.web;

import io.otodoke.account.Caller;
import io.otodoke.claims.Claim;
import io.otodoke.claims.ClaimOutcome;
import io.otodoke.claims.ClaimRules;
import io.otodoke.claims.ClaimState;
import io.otodoke.claims.Claims;
import io.otodoke.fleet.Photo;
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

/** Claims for the shop's systems (docs/delivery.md#claims). */
@RestController
@Tag(name = "Claims", description = "Lost, damaged and not-received claims with tracking evidence")
class ClaimApi {

    private final Claims claims;

    ClaimApi(Claims claims) {
        this.claims = claims;
    }

    record ClaimList(List<Claim> claims) {
    }

    /** With RESHIP, {@code carrier} and {@code trackingNumber} name the replacement parcel; without, it is an own-fleet label. */
    record Approval(ClaimOutcome outcome, String note, String carrier, String trackingNumber) {
    }

    record Rejection(String note) {
    }

    @PostMapping("/api/v1/shipments/{id}/claims")
    @Operation(summary = "File a claim: LOST, DAMAGED or NOT_RECEIVED",
            description = "The evidence is taken from tracking now; the shop's rules may approve it at once "
                    + "(state APPROVED, decidedBy 'rule'), otherwise it is UNDER_REVIEW. 422 claim-not-eligible "
                    + "when the parcel's state does not allow this kind; 409 claim-exists for a second open claim.")
    ResponseEntity<Claim> file(@PathVariable long id, @RequestBody Claims.NewClaim body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(claims.file(caller, id, body));
    }

    @GetMapping("/api/v1/claims")
    ClaimList list(@RequestParam(required = false) ClaimState state, Caller caller) {
        return new ClaimList(claims.list(caller, state));
    }

    @GetMapping("/api/v1/claims/{id}")
    Claim get(@PathVariable long id, Caller caller) {
        return claims.get(caller, id);
    }

    @PostMapping("/api/v1/claims/{id}/approve")
    @Operation(summary = "Approve with an outcome: RESHIP (a replacement parcel for the same order) or REFUND",
            description = "A RESHIP registers the replacement: with carrier and trackingNumber (checked: format and "
                    + "check digit) the shop's carrier parcel, without them an own-fleet label with a generated number. "
                    + "The claim's replacementShipmentId names it.")
    Claim approve(@PathVariable long id, @RequestBody Approval body, Caller caller) {
        boolean given = body.carrier() != null || body.trackingNumber() != null;
        return claims.approve(caller, id, body.outcome(), body.note(),
                given ? new Claims.Replacement(body.carrier(), body.trackingNumber()) : Claims.Replacement.OWN_FLEET);
    }

    @PostMapping("/api/v1/claims/{id}/reject")
    Claim reject(@PathVariable long id, @RequestBody(required = false) Rejection body, Caller caller) {
        return claims.reject(caller, id, body == null ? null : body.note());
    }

    @PostMapping(path = "/api/v1/claims/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Claim> photo(@PathVariable long id, @RequestPart("photo") MultipartFile photo, Caller caller)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(claims.addPhoto(caller, id, photo.getBytes()));
    }

    @GetMapping("/api/v1/claims/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Caller caller) {
        Photo p = claims.photo(caller, id, photoId).orElseThrow(() -> ProblemType.notFound("Photo " + photoId));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    @GetMapping("/api/v1/claim-rules")
    ClaimRules rules(Caller caller) {
        return claims.rules(caller.tenantId());
    }

    @PutMapping("/api/v1/claim-rules")
    @Operation(summary = "The shop's claim rules: farScanMeters (auto-approve a not-received claim when the delivery "
            + "scan lies farther from the address), lostAfterDays, autoApproveLost, autoOutcome")
    ClaimRules rules(@RequestBody ClaimRules body, Caller caller) {
        return claims.rules(caller, body);
    }
}
