package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Share links of a shipment the key may see: created, listed, revoked. */
@RestController
@RequestMapping("/api/v1/shipments/{shipmentId}/share-links")
@Tag(name = "Share links", description = "Links to one shipment's tracking page that work without signing in")
class ShareLinkApi {

    private final ShipmentRegistry registry;
    private final ShareLinks links;

    ShareLinkApi(ShipmentRegistry registry, ShareLinks links) {
        this.registry = registry;
        this.links = links;
    }

    /** @param validHours how long the link works (default 30 days) */
    record NewLink(Integer validHours) {
    }

    /** A link as listed: the token is not kept, so only a new link carries its URL. */
    record Link(long id, Instant createdAt, Instant expiresAt, Instant revokedAt, ShareLink.State state, String createdBy,
                String url) {
    }

    @PostMapping
    @Operation(summary = "Create a share link", description = "The answer carries the link's URL once; only a digest "
            + "of its token is stored. The page shows status and timeline, the destination city, and for gifts what "
            + "the giver allowed; never prices, the street address or the phone number.")
    ResponseEntity<Link> create(@PathVariable long shipmentId, @RequestBody(required = false) NewLink body,
                                Caller caller) {
        ShipmentView s = visible(shipmentId, caller);
        Duration valid = body == null || body.validHours() == null ? null : Duration.ofHours(body.validHours());
        ShareLink.Created created = links.create(caller, s.tenantId(), s.id(), valid);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).body(link(created.link(), url));
    }

    @GetMapping
    @Operation(summary = "The shipment's share links, newest first (without their URLs)")
    Map<String, List<Link>> list(@PathVariable long shipmentId, Caller caller) {
        visible(shipmentId, caller);
        return Map.of("links", links.of(shipmentId).stream().map(l -> link(l, null)).toList());
    }

    @DeleteMapping("/{linkId}")
    @Operation(summary = "Revoke a share link: it stops working at once")
    Link revoke(@PathVariable long shipmentId, @PathVariable long linkId, Caller caller) {
        visible(shipmentId, caller);
        return link(links.revoke(caller, shipmentId, linkId), null);
    }

    private ShipmentView visible(long id, Caller caller) {
        return registry.shipment(caller, id).orElseThrow(() -> ProblemType.notFound("Shipment " + id));
    }

    private Link link(ShareLink l, String url) {
        return new Link(l.id(), l.createdAt(), l.expiresAt(), l.revokedAt(), l.state(links.now()), l.createdBy(), url);
    }
}
