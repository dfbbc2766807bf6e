package io.otodoke.delivery.web;

import io.otodoke.account.Caller;
import io.otodoke.delivery.ChangeRequest;
import io.otodoke.delivery.DeliveryChange;
import io.otodoke.delivery.DeliveryChanges;
import io.otodoke.delivery.DeliveryOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Changes of date, time slot and place of a delivery, for the shop's systems (docs/delivery.md). */
@RestController
@Tag(name = "Delivery changes", description = "Redelivery, a new date and time slot, a new place (置き配, branch, store, locker)")
class DeliveryChangeApi {

    private final DeliveryChanges changes;

    DeliveryChangeApi(DeliveryChanges changes) {
        this.changes = changes;
    }

    record ChangeList(long shipmentId, List<DeliveryChange> changes) {
    }

    @GetMapping("/api/v1/shipments/{id}/delivery-options")
    @Operation(summary = "What may be changed about this delivery now",
            description = "Depends on the carrier (its published slots and places), the status (nothing after delivery; "
                    + "redelivery only after an attempt or while held), the parcel (no 置き配 for cash on delivery, cool "
                    + "or signature-required) and the clock (same-day cut-off). When nothing may be changed, "
                    + "'unavailable' says why.")
    DeliveryOptions.Options options(@PathVariable long id, Caller caller) {
        return changes.options(caller, id);
    }

    @PostMapping("/api/v1/shipments/{id}/delivery-changes")
    @Operation(summary = "Ask for a redelivery or a new date, slot or place",
            description = "Idempotent with the Idempotency-Key header: the same key answers the first result again "
                    + "(200); another request with a used key is 422 idempotency-key-reused. 201 with the outcome: on the "
                    + "own fleet the route changes at once; for an outside carrier the request is recorded and "
                    + "carrierPage says where the carrier confirms it. 422 change-not-offered, slot-not-offered, "
                    + "place-not-offered or nothing-to-change when the options do not allow it.")
    ResponseEntity<DeliveryChanges.Result> request(@PathVariable long id, @RequestBody ChangeRequest body,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                   Caller caller) {
        DeliveryChanges.Result result = changes.request(caller, id, body, key);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @GetMapping("/api/v1/shipments/{id}/delivery-changes")
    @Operation(summary = "The change requests of a shipment and their outcomes, oldest first")
    ChangeList list(@PathVariable long id, Caller caller) {
        return new ChangeList(id, changes.changes(caller, id));
    }
}
