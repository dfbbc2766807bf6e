package io.otodoke.claims.web;

import static io.otodoke.web.PostRedirectGet.act;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.claims.Claim;
import io.otodoke.claims.ClaimKind;
import io.otodoke.claims.ClaimOutcome;
import io.otodoke.claims.ClaimState;
import io.otodoke.claims.Claims;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Routes;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.PageController;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim pages (docs/delivery.md#claims). The shop's staff ({@code /claims}: operator, the
 * order's seller, administrators read) list claims and decide one with the evidence tracking gave;
 * the buyer ({@code /orders/…/claim}, role SHOPPER) reports a parcel lost, damaged or not received
 * and follows the answer. Which claims each sees is {@link Claims}' scope: anything else is not found.
 */
@PageController
class ClaimPages {

    private final Claims claims;
    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;

    ClaimPages(Claims claims, ShipmentRegistry registry, CarrierDirectory carriers) {
        this.claims = claims;
        this.registry = registry;
        this.carriers = carriers;
    }

    /** A claim as shown, its times in Japan. */
    record Row(Claim claim, LocalDateTime createdAt, LocalDateTime decidedAt, LocalDateTime deliveredAt,
               List<Line> lastEvents) {
    }

    record Line(LocalDateTime at, io.otodoke.claims.ClaimEvidence.Line line) {
    }

    // ---- the shop's staff ----

    @GetMapping("/claims")
    String list(@RequestParam(required = false) String state, Caller staff, Model model) {
        ClaimState filter = value(ClaimState.class, state);
        model.addAttribute("claims", claims.list(staff, filter).stream().map(ClaimPages::row).toList());
        model.addAttribute("state", filter);
        model.addAttribute("states", ClaimState.values());
        return "claims/list";
    }

    @GetMapping("/claims/{id}")
    String claim(@PathVariable String id, Caller staff, Model model, Locale locale) {
        Claim c = claims.get(staff, parse(id).orElseThrow(ClaimPages::notFound));
        model.addAttribute("row", row(c));
        model.addAttribute("shipment", registry.shipment(staff, c.shipmentId()).orElseThrow(ClaimPages::notFound));
        model.addAttribute("rules", claims.rules(c.tenantId()));
        model.addAttribute("mayDecide", c.state() == ClaimState.UNDER_REVIEW
                && (staff.is(Role.OPERATOR) || staff.is(Role.SELLER)));
        model.addAttribute("outcomes", ClaimOutcome.values());
        model.addAttribute("carriers", carriers.all().stream()
                .filter(x -> x.domestic() && !Routes.OWN_FLEET.equals(x.code()) && x.trackingUrl() != null)
                .map(x -> new String[] {x.code(), x.name(locale)}).toList());
        return "claims/claim";
    }

    @PostMapping("/claims/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String carrier,
                   @RequestParam(required = false) String trackingNumber, Caller staff, RedirectAttributes redirect) {
        long claim = parse(id).orElseThrow(ClaimPages::notFound);
        // a reship with the shop's carrier number; an empty number field means an own-fleet label
        Claims.Replacement how = !"RESHIP".equals(outcome) || trackingNumber == null || trackingNumber.isBlank()
                ? Claims.Replacement.OWN_FLEET : new Claims.Replacement(carrier, trackingNumber);
        return act("redirect:/claims/" + claim, redirect, "claims.done.approved",
                () -> claims.approve(staff, claim, value(ClaimOutcome.class, outcome), note, how));
    }

    @PostMapping("/claims/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(required = false) String note, Caller staff,
                  RedirectAttributes redirect) {
        long claim = parse(id).orElseThrow(ClaimPages::notFound);
        return act("redirect:/claims/" + claim, redirect, "claims.done.rejected", () -> claims.reject(staff, claim, note));
    }

    /** A claim's photo for the staff's page (the API's photo takes a bearer key; a page has a session). */
    @GetMapping("/claims/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId, Caller staff) {
        Photo p = claims.photo(staff, parse(id).orElseThrow(ClaimPages::notFound),
                parse(photoId).orElseThrow(ClaimPages::notFound)).orElseThrow(ClaimPages::notFound);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    // ---- the buyer ----

    @GetMapping("/orders/{orderId}/shipments/{shipmentId}/claim")
    String shopper(@PathVariable String orderId, @PathVariable String shipmentId, Caller shopper, Model model) {
        OrderView order = own(orderId, shopper);
        ShipmentView s = shipmentOf(order, shipmentId);
        model.addAttribute("order", order);
        model.addAttribute("shipment", s);
        model.addAttribute("claims", claims.ofShipment(shopper, s.id()).stream().map(ClaimPages::row).toList());
        model.addAttribute("kinds", ClaimKind.values());
        return "claims/report";
    }

    @PostMapping("/orders/{orderId}/shipments/{shipmentId}/claim")
    String report(@PathVariable String orderId, @PathVariable String shipmentId,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                  @RequestParam(name = "photo", required = false) List<MultipartFile> photos, Caller shopper,
                  RedirectAttributes redirect) {
        OrderView order = own(orderId, shopper);
        ShipmentView s = shipmentOf(order, shipmentId);
        return act("redirect:/orders/" + order.id() + "/shipments/" + s.id() + "/claim", redirect, "claims.done.filed",
                () -> {
                    Claim c = claims.file(shopper, s.id(), new Claims.NewClaim(value(ClaimKind.class, kind), description));
                    for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                        if (!photo.isEmpty()) {
                            claims.addPhoto(shopper, c.id(), bytes(photo));
                        }
                    }
                });
    }

    // ---- shared ----

    private static Row row(Claim c) {
        return new Row(c, tokyo(c.createdAt()), tokyo(c.decidedAt()), tokyo(c.evidence().deliveredAt()),
                c.evidence().lastEvents().reversed().stream().map(l -> new Line(tokyo(l.at()), l)).toList());
    }

    private OrderView own(String id, Caller shopper) {
        return parse(id).flatMap(n -> registry.order(shopper, n)).orElseThrow(ClaimPages::notFound);
    }

    /** A shipment of this order, outbound and not a gift's (the giver does not receive it). */
    private static ShipmentView shipmentOf(OrderView order, String shipmentId) {
        return parse(shipmentId).filter(n -> !order.gift())
                .flatMap(n -> order.shipments().stream().filter(s -> s.id() == n).findFirst())
                .orElseThrow(ClaimPages::notFound);
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw io.otodoke.web.ProblemType.invalidField("photo", "The photo could not be read.");
        }
    }

    private static LocalDateTime tokyo(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
