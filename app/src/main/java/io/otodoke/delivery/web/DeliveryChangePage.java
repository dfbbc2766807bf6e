package io.otodoke.delivery.web;

import io.otodoke.account.Caller;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.delivery.ChangeKind;
import io.otodoke.delivery.ChangeRequest;
import io.otodoke.delivery.DeliveryChange;
import io.otodoke.delivery.DeliveryChanges;
import io.otodoke.delivery.DeliveryOptions;
import io.otodoke.delivery.Place;
import io.otodoke.delivery.SafePlaceSpot;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.web.PageController;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 「受取日時・場所を変更」: the buyer's page for one shipment of their order (role SHOPPER, see
 * SecurityConfiguration), phone-sized. It offers what {@link DeliveryOptions} allows, records the
 * request, and for an outside carrier sends the buyer on to the carrier's page, saying plainly that
 * the carrier confirms. Share links get no such page (docs/delivery.md: a link can be forwarded).
 */
@PageController
class DeliveryChangePage {

    private final ShipmentRegistry registry;
    private final DeliveryChanges changes;
    private final CarrierDirectory carriers;

    DeliveryChangePage(ShipmentRegistry registry, DeliveryChanges changes, CarrierDirectory carriers) {
        this.registry = registry;
        this.changes = changes;
        this.carriers = carriers;
    }

    /** A request as listed, with its time in Japan. */
    record Row(DeliveryChange change, LocalDateTime at) {
    }

    @GetMapping("/orders/{orderId}/shipments/{shipmentId}/delivery")
    String page(@PathVariable String orderId, @PathVariable String shipmentId, Caller shopper, Model model,
                Locale locale) {
        OrderView order = own(orderId, shopper);
        ShipmentView s = shipmentOf(order, shipmentId);
        model.addAttribute("order", order);
        model.addAttribute("shipment", s);
        model.addAttribute("carrierName", carriers.find(s.carrier()).map(c -> c.name(locale)).orElse(s.carrier()));
        DeliveryOptions.Options options = changes.options(s);
        model.addAttribute("options", options);
        model.addAttribute("whenKind", options.offers(ChangeKind.REDELIVERY) ? ChangeKind.REDELIVERY
                : options.offers(ChangeKind.RESCHEDULE) ? ChangeKind.RESCHEDULE : null);
        model.addAttribute("placeOffered", options.offers(ChangeKind.CHANGE_PLACE));
        model.addAttribute("today", changes.today());
        model.addAttribute("history", changes.changes(s).stream()
                .map(c -> new Row(c, LocalDateTime.ofInstant(c.createdAt(), EventTime.TOKYO))).toList());
        model.addAttribute("spots", List.of(SafePlaceSpot.values()));
        // One key per rendered form: a double submit or a reload of the POST is the same request.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "delivery/change";
    }

    @PostMapping("/orders/{orderId}/shipments/{shipmentId}/delivery")
    String request(@PathVariable String orderId, @PathVariable String shipmentId,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String when,
                   @RequestParam(required = false) String place, @RequestParam(required = false) String spot,
                   @RequestParam(required = false) String pickupPoint,
                   @RequestParam(required = false) String idempotencyKey, Caller shopper,
                   RedirectAttributes redirect) {
        OrderView order = own(orderId, shopper);
        ShipmentView s = shipmentOf(order, shipmentId);
        String back = "redirect:/orders/" + order.id() + "/shipments/" + s.id() + "/delivery";
        try {
            DeliveryChanges.Result result = changes.request(shopper, s.id(), form(kind, when, place, spot, pickupPoint),
                    idempotencyKey);
            redirect.addFlashAttribute("done", result.change());
            redirect.addFlashAttribute("carrierPage", result.carrierPage());
        } catch (ErrorResponseException e) {
            if (!e.getStatusCode().is4xxClientError() || e.getStatusCode().value() == 404
                    || e.getStatusCode().value() == 403) {
                throw e;
            }
            String type = String.valueOf(e.getBody().getType());
            redirect.addFlashAttribute("error", type.substring(type.lastIndexOf(':') + 1));
        }
        return back;
    }

    /** The form's fields as a request; what cannot be read stays null, and the rules then say what is missing. */
    private static ChangeRequest form(String kind, String when, String place, String spot, String pickupPoint) {
        LocalDate date = null;
        String slot = null;
        if (when != null && when.contains("|")) {
            try {
                date = LocalDate.parse(when.substring(0, when.indexOf('|')));
                slot = when.substring(when.indexOf('|') + 1);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        return new ChangeRequest(value(ChangeKind.class, kind), date, slot, value(Place.class, place),
                value(SafePlaceSpot.class, spot), pickupPoint);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Someone else's order is answered like one that does not exist. */
    private OrderView own(String id, Caller shopper) {
        return parse(id).flatMap(n -> registry.order(shopper, n))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ShipmentView shipmentOf(OrderView order, String shipmentId) {
        return parse(shipmentId).flatMap(n -> order.shipments().stream().filter(s -> s.id() == n).findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
