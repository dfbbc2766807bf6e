package io.otodoke.fleet.web;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.fleet.LiveRoutes;
import io.otodoke.fleet.LiveUpdates;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.ShipmentLive;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live last mile of one shipment (design/last-mile.md) for each kind of viewer, as JSON, as a
 * stream of Server-Sent Events for the pages, and the proof-of-delivery photo:
 * <ul>
 * <li>a share link's holder (the recipient): {@code /s/{token}/live}, {@code …/live/stream}, {@code …/photo};</li>
 * <li>the signed-in buyer: {@code /orders/{order}/shipments/{id}/live}, …;</li>
 * <li>the shop's staff, signed in: {@code /shipments/{id}/live}, …; by API key: {@code /api/v1/shipments/{id}/live}
 *     and {@code /api/v1/shipments/{id}/proof-of-delivery/photo}.</li>
 * </ul>
 * Each resolves who may see which shipment first; a shipment the viewer may not see is a 404, and
 * the photo is a 404 for a gift's giver. Staff views of a photo are written to the audit log.
 */
@RestController
@Tag(name = "Live", description = "Where the van is and when it arrives: stops away, ETA, proof of delivery")
class LiveApi {

    /** A page's stream ends after this and the browser reconnects (EventSource does by itself). */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final LiveRoutes live;
    private final LiveUpdates updates;
    private final Routes routes;
    private final ShipmentRegistry registry;
    private final ShareLinks links;
    private final AuditLog audit;

    LiveApi(LiveRoutes live, LiveUpdates updates, Routes routes, ShipmentRegistry registry, ShareLinks links,
            AuditLog audit) {
        this.live = live;
        this.updates = updates;
        this.routes = routes;
        this.registry = registry;
        this.links = links;
        this.audit = audit;
    }

    /** A shipment as one viewer may see it live: which, and where that viewer fetches the photo. */
    private record Viewer(long tenantId, long shipmentId, boolean giftGiver, String photoUrl, Supplier<Boolean> stillAllowed) {

        ShipmentLive view(LiveRoutes live) {
            return live.view(shipmentId, giftGiver, giftGiver ? null : photoUrl);
        }
    }

    // ---- share link (the recipient) ----

    @GetMapping("/s/{token}/live")
    ResponseEntity<ShipmentLive> shared(@PathVariable String token) {
        return json(shareViewer(token));
    }

    @GetMapping(path = "/s/{token}/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter sharedStream(@PathVariable String token) {
        return stream(shareViewer(token));
    }

    @GetMapping("/s/{token}/photo")
    ResponseEntity<byte[]> sharedPhoto(@PathVariable String token) {
        return photo(shareViewer(token));
    }

    private Viewer shareViewer(String token) {
        ShareLink link = links.find(token).filter(l -> l.state(links.now()) == ShareLink.State.ACTIVE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Viewer(link.tenantId(), link.shipmentId(), false, "/s/" + token + "/photo",
                () -> links.find(token).filter(l -> l.state(links.now()) == ShareLink.State.ACTIVE).isPresent());
    }

    // ---- the signed-in buyer ----

    @GetMapping("/orders/{orderId}/shipments/{shipmentId}/live")
    ResponseEntity<ShipmentLive> buyer(@PathVariable long orderId, @PathVariable long shipmentId, Caller caller) {
        return json(buyerViewer(orderId, shipmentId, caller));
    }

    @GetMapping(path = "/orders/{orderId}/shipments/{shipmentId}/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter buyerStream(@PathVariable long orderId, @PathVariable long shipmentId, Caller caller) {
        return stream(buyerViewer(orderId, shipmentId, caller));
    }

    @GetMapping("/orders/{orderId}/shipments/{shipmentId}/photo")
    ResponseEntity<byte[]> buyerPhoto(@PathVariable long orderId, @PathVariable long shipmentId, Caller caller) {
        return photo(buyerViewer(orderId, shipmentId, caller));
    }

    private Viewer buyerViewer(long orderId, long shipmentId, Caller caller) {
        OrderView order = registry.order(caller, orderId).orElseThrow(LiveApi::notFound);
        ShipmentView s = order.shipments().stream().filter(x -> x.id() == shipmentId).findFirst()
                .orElseThrow(LiveApi::notFound);
        boolean giver = Audience.of(caller, order.gift()) == Audience.GIFT_GIVER;
        return new Viewer(s.tenantId(), s.id(), giver, "/orders/" + orderId + "/shipments/" + shipmentId + "/photo",
                () -> true);
    }

    // ---- the shop's staff ----

    @GetMapping("/shipments/{id}/live")
    ResponseEntity<ShipmentLive> staff(@PathVariable long id, Caller caller) {
        return json(staffViewer(id, caller, "/shipments/" + id + "/photo"));
    }

    @GetMapping(path = "/shipments/{id}/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter staffStream(@PathVariable long id, Caller caller) {
        return stream(staffViewer(id, caller, "/shipments/" + id + "/photo"));
    }

    @GetMapping("/shipments/{id}/photo")
    ResponseEntity<byte[]> staffPhoto(@PathVariable long id, Caller caller) {
        return staffPhotoFor(id, caller);
    }

    @GetMapping("/api/v1/shipments/{id}/live")
    @Operation(summary = "A shipment's last mile: stops away, distance, ETA and window, the van while visible, outcome",
            description = "remainingStopCount counts the shipment's own stop (its van's next stop → 1). The count and "
                    + "vehicleLocation are given only while the stop is at most 10 stops away and the van's position "
                    + "is at most 5 minutes old; vehicleHidden says why otherwise. Nothing of other stops is given.")
    ResponseEntity<ShipmentLive> api(@PathVariable long id, Caller caller) {
        return json(staffViewer(id, caller, "/api/v1/shipments/" + id + "/proof-of-delivery/photo"));
    }

    @GetMapping("/api/v1/shipments/{id}/proof-of-delivery/photo")
    @Operation(summary = "The delivery photo (JPEG, without any metadata); viewing it is audited")
    ResponseEntity<byte[]> apiPhoto(@PathVariable long id, Caller caller) {
        return staffPhotoFor(id, caller);
    }

    private Viewer staffViewer(long id, Caller caller, String photoUrl) {
        ShipmentView s = registry.shipment(caller, id).orElseThrow(LiveApi::notFound);
        return new Viewer(s.tenantId(), s.id(), false, photoUrl, () -> true);
    }

    private ResponseEntity<byte[]> staffPhotoFor(long id, Caller caller) {
        Viewer v = staffViewer(id, caller, null);
        ResponseEntity<byte[]> photo = photo(v);
        audit.record(caller, v.tenantId(), "DELIVERY_PHOTO_VIEWED", "shipment:" + id);
        return photo;
    }

    // ---- answers ----

    private ResponseEntity<ShipmentLive> json(Viewer v) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(v.view(live));
    }

    private ResponseEntity<byte[]> photo(Viewer v) {
        if (v.giftGiver()) {
            throw notFound(); // the photo shows the recipient's door: never to the giver
        }
        Photo p = routes.photoOfShipment(v.shipmentId()).orElseThrow(LiveApi::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    /** The current view at once, then again after every change of the shipment's route. */
    private SseEmitter stream(Viewer v) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Runnable send = () -> {
            try {
                if (!v.stillAllowed().get()) {
                    emitter.complete(); // a revoked link stops the stream at its next change
                    return;
                }
                emitter.send(SseEmitter.event().name("live").data(v.view(live), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        };
        AutoCloseable watch = updates.watch(v.shipmentId(), send);
        Runnable close = () -> {
            try {
                watch.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        send.run();
        return emitter;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
