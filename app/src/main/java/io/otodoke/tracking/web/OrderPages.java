package io.otodoke.tracking.web;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.account.Caller;
import io.otodoke.web.PageController;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A signed-in shopper's own orders (role SHOPPER, see SecurityConfiguration). */
@PageController
class OrderPages {

    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;

    OrderPages(ShipmentRegistry registry, CarrierDirectory carriers) {
        this.registry = registry;
        this.carriers = carriers;
    }

    /**
     * An order with its shipments as cards.
     *
     * @param orderedAt in Japan time
     */
    record OrderPage(OrderView order, LocalDateTime orderedAt, List<ShipmentCard> shipments) {
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
        OrderView order = parse(id)
                .flatMap(n -> registry.order(shopper, n))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page(order, locale));
        // What this shopper may see of each recipient: a gift's giver, the prefecture and city only.
        Audience audience = Audience.of(shopper, order.gift());
        model.addAttribute("recipients", order.shipments().stream().map(s -> audience.recipient(s.recipient())).toList());
        return "tracking/order";
    }

    private OrderPage page(OrderView o, Locale locale) {
        LocalDateTime orderedAt = o.orderedAt() == null ? null : LocalDateTime.ofInstant(o.orderedAt(), EventTime.TOKYO);
        return new OrderPage(o, orderedAt, o.shipments().stream().map(s -> ShipmentCard.of(s, carriers, locale)).toList());
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
