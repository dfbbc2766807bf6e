package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The support inquiry kit as a page (issue 7, item 5), for each person who can see the shipment:
 * the shop's staff, the shopper who ordered it, and the holder of a share link. Each sees what its
 * {@link Audience} may (see {@link InquiryKit}); an id outside their reach is not found.
 */
@PageController
class InquiryPages {

    private final ShipmentRegistry registry;
    private final ShareLinks links;
    private final InquiryKits kits;

    InquiryPages(ShipmentRegistry registry, ShareLinks links, InquiryKits kits) {
        this.registry = registry;
        this.links = links;
        this.kits = kits;
    }

    /**
     * @param since   the kit's {@code since} in Japan time
     * @param backUrl the page the kit was opened from
     */
    record InquiryPage(InquiryKit kit, LocalDateTime since, String backUrl) {
    }

    @GetMapping("/shipments/{id}/inquiry")
    String staff(@PathVariable String id, Caller caller, Model model, Locale locale) {
        ShipmentView s = parse(id).flatMap(n -> registry.shipment(caller, n)).orElseThrow(InquiryPages::notFound);
        OrderView order = s.orderId() == null ? null : registry.order(caller, s.orderId()).orElse(null);
        return show(model, kits.of(s, order, Audience.STAFF, locale), "/shipments/" + s.id());
    }

    @GetMapping("/orders/{orderId}/shipments/{id}/inquiry")
    String buyer(@PathVariable String orderId, @PathVariable String id, Caller shopper, Model model, Locale locale) {
        OrderView order = parse(orderId).flatMap(n -> registry.order(shopper, n)).orElseThrow(InquiryPages::notFound);
        ShipmentView s = parse(id).flatMap(n -> order.shipments().stream().filter(x -> x.id() == n).findFirst())
                .orElseThrow(InquiryPages::notFound);
        return show(model, kits.of(s, order, Audience.of(shopper, order.gift()), locale), "/orders/" + order.id());
    }

    @GetMapping("/s/{token}/inquiry")
    String shared(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        // As the share page itself: the token is a key to someone's parcel.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        ShareLink link = links.find(token).orElseThrow(InquiryPages::notFound);
        if (link.state(links.now()) != ShareLink.State.ACTIVE) {
            response.setStatus(HttpStatus.GONE.value());
            return "tracking/shared-gone";
        }
        ShipmentView s = registry.shipment(link.tenantId(), link.shipmentId()).orElseThrow(InquiryPages::notFound);
        OrderView order = s.orderId() == null ? null : registry.order(link.tenantId(), s.orderId()).orElse(null);
        return show(model, kits.of(s, order, Audience.SHARE_LINK, locale), "/s/" + token);
    }

    private static String show(Model model, InquiryKit kit, String backUrl) {
        model.addAttribute("page", new InquiryPage(kit, LocalDateTime.ofInstant(kit.since(), EventTime.TOKYO), backUrl));
        return "tracking/inquiry";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
