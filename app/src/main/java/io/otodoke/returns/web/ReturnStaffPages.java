package io.otodoke.returns.web;

import static io.otodoke.web.PostRedirectGet.act;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Routes;
import io.otodoke.returns.ReturnAuthorisation;
import io.otodoke.returns.ReturnState;
import io.otodoke.returns.Returns;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.PageController;
import java.time.Instant;
import java.time.LocalDateTime;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's staff's return pages (docs/delivery.md#returns), shaped like the claim pages: the
 * operator, the order's seller and administrators (read only) list the return requests
 * ({@code /returns}) and open one with its items, reason and photos; the operator or the seller
 * approves it, creating the return leg (an own-fleet label, or the carrier number when they know it),
 * or rejects it with a reason for the buyer. Which returns each sees is {@link Returns}' scope:
 * anything else is not found.
 */
@PageController
class ReturnStaffPages {

    private final Returns returns;
    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;

    ReturnStaffPages(Returns returns, ShipmentRegistry registry, CarrierDirectory carriers) {
        this.returns = returns;
        this.registry = registry;
        this.carriers = carriers;
    }

    /** A return as shown to the staff, its times in Japan. */
    record Row(ReturnAuthorisation r, LocalDateTime createdAt, LocalDateTime decidedAt, LocalDateTime labelExpiresAt) {
    }

    @GetMapping("/returns")
    String list(@RequestParam(required = false) String state, Caller staff, Model model) {
        ReturnState filter = state(state);
        model.addAttribute("returns", returns.list(staff, filter).stream().map(ReturnStaffPages::row).toList());
        model.addAttribute("state", filter);
        model.addAttribute("states", ReturnState.values());
        return "returns/list";
    }

    @GetMapping("/returns/{id}")
    String detail(@PathVariable String id, Caller staff, Model model, Locale locale) {
        ReturnAuthorisation r = returns.get(staff, parse(id).orElseThrow(ReturnStaffPages::notFound));
        OrderView order = registry.order(staff, r.orderId()).orElseThrow(ReturnStaffPages::notFound);
        boolean staffMayAct = staff.is(Role.OPERATOR) || staff.is(Role.SELLER);
        model.addAttribute("row", row(r));
        model.addAttribute("order", order);
        model.addAttribute("mayDecide", staffMayAct
                && (r.state() == ReturnState.REQUESTED || r.state() == ReturnState.LABEL_EXPIRED));
        model.addAttribute("mayReject", staffMayAct && r.state() == ReturnState.REQUESTED);
        model.addAttribute("mayGiveNumber", staffMayAct && r.awaitsCarrierNumber());
        model.addAttribute("carriers", carriers.all().stream()
                .filter(c -> c.domestic() && !Routes.OWN_FLEET.equals(c.code()) && c.trackingUrl() != null)
                .map(c -> new String[] {c.code(), c.name(locale)}).toList());
        return "returns/return";
    }

    /**
     * Approve: {@code leg=LABEL} prints an own-fleet label; {@code leg=CARRIER} with a carrier and a
     * number registers that return leg at once; {@code leg=CARRIER} without a number leaves it to the buyer.
     */
    @PostMapping("/returns/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String leg,
                   @RequestParam(required = false) String carrier, @RequestParam(required = false) String trackingNumber,
                   @RequestParam(required = false) String note, Caller staff, RedirectAttributes redirect) {
        long returnId = parse(id).orElseThrow(ReturnStaffPages::notFound);
        boolean label = !"CARRIER".equals(leg);
        boolean number = !label && trackingNumber != null && !trackingNumber.isBlank();
        return act("redirect:/returns/" + returnId, redirect, "returns.done.approved", () -> {
            if (number) {
                returns.approve(staff, returnId, note, carrier, trackingNumber);
            } else {
                returns.approve(staff, returnId, label, note);
            }
        });
    }

    @PostMapping("/returns/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(required = false) String note, Caller staff,
                  RedirectAttributes redirect) {
        long returnId = parse(id).orElseThrow(ReturnStaffPages::notFound);
        return act("redirect:/returns/" + returnId, redirect, "returns.done.rejected",
                () -> returns.reject(staff, returnId, note));
    }

    /** The carrier number of an approved return, when the buyer gave it to the shop rather than on the site. */
    @PostMapping("/returns/{id}/shipment")
    String shipment(@PathVariable String id, @RequestParam(required = false) String carrier,
                    @RequestParam(required = false) String trackingNumber, Caller staff, RedirectAttributes redirect) {
        long returnId = parse(id).orElseThrow(ReturnStaffPages::notFound);
        return act("redirect:/returns/" + returnId, redirect, "returns.done.shipment",
                () -> returns.returnShipment(staff, returnId, carrier, trackingNumber));
    }

    /** A return's photo for the staff's page (the API's photo takes a bearer key; a page has a session). */
    @GetMapping("/returns/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId, Caller staff) {
        Photo p = returns.photo(staff, parse(id).orElseThrow(ReturnStaffPages::notFound),
                parse(photoId).orElseThrow(ReturnStaffPages::notFound)).orElseThrow(ReturnStaffPages::notFound);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    private static Row row(ReturnAuthorisation r) {
        return new Row(r, tokyo(r.createdAt()), tokyo(r.decidedAt()), tokyo(r.labelExpiresAt()));
    }

    private static LocalDateTime tokyo(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }

    private static ReturnState state(String name) {
        try {
            return name == null || name.isBlank() ? null : ReturnState.valueOf(name);
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
