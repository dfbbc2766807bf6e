package io.otodoke.tracking.web;

import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderItem;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page a share link opens ({@code /s/<token>}, public): one shipment as its recipient may see
 * it, without signing in. What it shows is {@link Audience#SHARE_LINK}'s: status and timeline, the
 * destination's prefecture and city, and for a gift only what the giver allowed; never prices,
 * the street, the postal code, the phone or anyone's name but a giver who chose to show it.
 */
@PageController
class SharedShipmentPage {

    private static final Audience AUDIENCE = Audience.SHARE_LINK;

    private final ShareLinks links;
    private final ShipmentRegistry registry;
    private final ShipmentCards cards;

    SharedShipmentPage(ShareLinks links, ShipmentRegistry registry, ShipmentCards cards) {
        this.links = links;
        this.registry = registry;
        this.cards = cards;
    }

    /**
     * What the link holder sees of the order; each field null or empty when they may not see it.
     *
     * @param items     names and quantities only: {@link Item} has no price
     * @param expiresAt when the link stops working, in Japan time
     */
    record SharedPage(ShipmentCard card, Recipient destination, boolean gift, String giverName, String giftMessage,
                      List<Item> items, LocalDateTime expiresAt) {
    }

    record Item(String name, int quantity) {
    }

    @GetMapping("/s/{token}")
    String shared(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        // The token is the key to a person's parcel: no cache keeps the page, no search engine lists it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        ShareLink link = links.find(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (link.state(links.now()) != ShareLink.State.ACTIVE) {
            // Gone, not missing: the holder learns the link was real and whom to ask for a new one.
            response.setStatus(HttpStatus.GONE.value());
            return "tracking/shared-gone";
        }
        // The token was checked above: only now the system read, without a caller scope.
        ShipmentView s = registry.shipment(link.tenantId(), link.shipmentId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        OrderView order = s.orderId() == null ? null : registry.order(link.tenantId(), s.orderId()).orElse(null);
        model.addAttribute("page", page(s, order, link, locale));
        model.addAttribute("liveBase", "/s/" + token); // the live panel's data, under the same token
        model.addAttribute("inquiryUrl", "/s/" + token + "/inquiry");
        return "tracking/shared";
    }

    private SharedPage page(ShipmentView s, OrderView order, ShareLink link, Locale locale) {
        boolean gift = order != null && order.gift();
        String giver = gift && AUDIENCE.seesGiverName(order) ? order.giverName() : null;
        List<Item> items = order == null || !AUDIENCE.seesItems(order) ? List.of()
                : order.items().stream().map(SharedShipmentPage::item).toList();
        return new SharedPage(cards.of(s, locale), AUDIENCE.recipient(s.recipient()), gift, giver,
                gift ? order.giftMessage() : null, items, LocalDateTime.ofInstant(link.expiresAt(), EventTime.TOKYO));
    }

    private static Item item(OrderItem i) {
        return new Item(i.name(), i.quantity());
    }
}
