package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.account.ShareLink;
import io.otodoke.account.ShareLinks;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.SellerOrders;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.PageController;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A signed-in shopper's own orders (role SHOPPER, see SecurityConfiguration), and the share links
 * of their shipments: a link lets the recipient follow the parcel without an account.
 */
@PageController
class OrderPages {

    /** The validities a shopper chooses from, in days; the last is the default. */
    static final List<Integer> VALID_DAYS = List.of(1, 7, 30);

    private final ShipmentRegistry registry;
    private final ShipmentCards cards;
    private final ShareLinks links;
    private final Tenants tenants;
    private final SellerOrders sellerOrders;

    OrderPages(ShipmentRegistry registry, ShipmentCards cards, ShareLinks links, Tenants tenants,
               SellerOrders sellerOrders) {
        this.registry = registry;
        this.cards = cards;
        this.links = links;
        this.tenants = tenants;
        this.sellerOrders = sellerOrders;
    }

    /** A parcel a seller sent without a tracking number: its window instead of a timeline (docs/sellers.md). */
    record UntrackedPanel(String method, LocalDate shippedOn, LocalDate expectedFrom, LocalDate expectedTo) {
    }

    /**
     * An order with its shipments as cards.
     *
     * @param orderedAt in Japan time
     */
    record OrderPage(OrderView order, LocalDateTime orderedAt, List<ShipmentCard> shipments) {
    }

    /**
     * One shipment of the order page.
     *
     * @param recipient what this shopper may see of the recipient: a gift's giver, the city only
     */
    record ShipmentPanel(long id, ShipmentCard card, Recipient recipient, List<LinkRow> links) {
    }

    /** A share link as listed: its URL is not kept, so only a new link shows it (once). */
    record LinkRow(long id, LocalDateTime createdAt, LocalDateTime expiresAt, ShareLink.State state) {
    }

    /** The link just created, shown once after the redirect (a flash attribute). */
    record NewLink(long shipmentId, String url) {
    }

    @GetMapping("/orders")
    String orders(Caller shopper, Model model, Locale locale) {
        model.addAttribute("orders", registry.orders(shopper).stream().map(o -> page(o, locale)).toList());
        return "tracking/orders";
    }

    /**
     * Order ids are sequential, not secrets: an order of someone else is answered exactly like
     * an order that does not exist, so that ids reveal nothing.
     */
    @GetMapping("/orders/{id}")
    String order(@PathVariable String id, Caller shopper, Model model, Locale locale) {
        OrderView order = own(id, shopper);
        Audience audience = Audience.of(shopper, order.gift());
        Instant now = links.now();
        model.addAttribute("page", page(order, locale));
        model.addAttribute("panels", order.shipments().stream().map(s -> new ShipmentPanel(s.id(),
                cards.of(s, locale), audience.recipient(s.recipient()),
                links.of(s.id()).stream().map(l -> row(l, now)).toList())).toList());
        model.addAttribute("validDays", VALID_DAYS);
        // a marketplace seller's order: 「出品者から発送」, the seller's contact path, an untracked parcel's window
        model.addAttribute("seller", order.sellerId() == null ? null : tenants.seller(order.sellerId()).orElse(null));
        model.addAttribute("untracked", sellerOrders.untracked(order.id()).map(u -> new UntrackedPanel(u.method(),
                u.shippedAt().atZone(EventTime.TOKYO).toLocalDate(), u.expectedFrom(), u.expectedTo())).orElse(null));
        return "tracking/order";
    }

    /**
     * Creates a share link of one of the order's shipments. For a gift the giver first says what
     * the link shows of them and of the items (an order's choice: it applies to all its links).
     */
    @PostMapping("/orders/{id}/shipments/{shipmentId}/share-links")
    String createLink(@PathVariable String id, @PathVariable String shipmentId,
                      @RequestParam(defaultValue = "30") String validDays,
                      @RequestParam(defaultValue = "false") boolean showGiver,
                      @RequestParam(defaultValue = "false") boolean showItems,
                      Caller shopper, RedirectAttributes redirect) {
        OrderView order = own(id, shopper);
        ShipmentView shipment = shipmentOf(order, shipmentId);
        int days = VALID_DAYS.stream().filter(d -> String.valueOf(d).equals(validDays)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (order.gift()) {
            registry.giftChoices(shopper, order.id(), showGiver, showItems);
        }
        ShareLink.Created created = links.create(shopper, shipment.tenantId(), shipment.id(), Duration.ofDays(days));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString();
        redirect.addFlashAttribute("newLink", new NewLink(shipment.id(), url));
        return "redirect:/orders/" + order.id() + "#share-" + shipment.id();
    }

    @PostMapping("/orders/{id}/shipments/{shipmentId}/share-links/{linkId}/revoke")
    String revokeLink(@PathVariable String id, @PathVariable String shipmentId, @PathVariable String linkId,
                      Caller shopper, RedirectAttributes redirect) {
        OrderView order = own(id, shopper);
        ShipmentView shipment = shipmentOf(order, shipmentId);
        long link = parse(linkId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        links.revoke(shopper, shipment.id(), link); // a link of another shipment is not found
        redirect.addFlashAttribute("revokedShipment", shipment.id());
        return "redirect:/orders/" + order.id() + "#share-" + shipment.id();
    }

    private OrderView own(String id, Caller shopper) {
        return parse(id).flatMap(n -> registry.order(shopper, n))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A shipment of this order; any other id, someone else's included, is not found. */
    private static ShipmentView shipmentOf(OrderView order, String shipmentId) {
        return parse(shipmentId).flatMap(n -> order.shipments().stream().filter(s -> s.id() == n).findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private OrderPage page(OrderView o, Locale locale) {
        return new OrderPage(o, tokyo(o.orderedAt()),
                o.shipments().stream().map(s -> cards.of(s, locale)).toList());
    }

    private static LinkRow row(ShareLink l, Instant now) {
        return new LinkRow(l.id(), tokyo(l.createdAt()), tokyo(l.expiresAt()), l.state(now));
    }

    private static LocalDateTime tokyo(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
