package io.otodoke.returns.web;

import io.otodoke.account.Caller;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.fleet.Routes;
import io.otodoke.returns.ReturnAuthorisation;
import io.otodoke.returns.ReturnReason;
import io.otodoke.returns.Returns;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.PageController;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's returns of one order (role SHOPPER, under {@code /orders/**}): ask for a return with
 * photos, follow it and its refund, print the own fleet's label or give the carrier number.
 */
@PageController
class ReturnPages {

    private final Returns returns;
    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;

    ReturnPages(Returns returns, ShipmentRegistry registry, CarrierDirectory carriers) {
        this.returns = returns;
        this.registry = registry;
        this.carriers = carriers;
    }

    /** A return as listed, with its times in Japan. */
    record Row(ReturnAuthorisation r, LocalDateTime createdAt, LocalDateTime labelExpiresAt) {
    }

    @GetMapping("/orders/{orderId}/returns")
    String page(@PathVariable String orderId, Caller shopper, Model model, Locale locale) {
        OrderView order = own(orderId, shopper);
        model.addAttribute("order", order);
        model.addAttribute("returns", returns.ofOrder(shopper, order.id()).stream().map(ReturnPages::row).toList());
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("carriers", carriers.all().stream()
                .filter(c -> c.domestic() && !Routes.OWN_FLEET.equals(c.code()) && c.trackingUrl() != null)
                .map(c -> new String[] {c.code(), c.name(locale)}).toList());
        return "returns/returns";
    }

    /** The form: a reason, a comment, a quantity per item line ({@code quantity} in item order) and photos. */
    @PostMapping("/orders/{orderId}/returns")
    String request(@PathVariable String orderId, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String comment,
                   @RequestParam(name = "quantity", required = false) List<String> quantities,
                   @RequestParam(name = "photo", required = false) List<MultipartFile> photos, Caller shopper,
                   RedirectAttributes redirect) {
        OrderView order = own(orderId, shopper);
        List<Returns.Wanted> wanted = new ArrayList<>();
        for (int i = 0; quantities != null && i < quantities.size() && i < order.items().size(); i++) {
            int q = number(quantities.get(i));
            if (q > 0) {
                wanted.add(new Returns.Wanted(order.items().get(i).name(), q));
            }
        }
        return act(order, redirect, "returns.done.requested", () -> {
            ReturnAuthorisation r = returns.request(shopper, order.id(), new Returns.NewReturn(reason(reason), comment, wanted));
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    returns.addPhoto(shopper, r.id(), bytes(photo));
                }
            }
        });
    }

    @PostMapping("/orders/{orderId}/returns/{returnId}/shipment")
    String shipment(@PathVariable String orderId, @PathVariable long returnId,
                    @RequestParam(required = false) String carrier,
                    @RequestParam(required = false) String trackingNumber, Caller shopper,
                    RedirectAttributes redirect) {
        OrderView order = own(orderId, shopper);
        return act(order, redirect, "returns.done.shipment",
                () -> returns.returnShipment(shopper, ofOrder(order, shopper, returnId).id(), carrier, trackingNumber));
    }

    /** A printable label of the own fleet: the return's number large, as a barcode scanner and a person read it. */
    @GetMapping("/orders/{orderId}/returns/{returnId}/label")
    String label(@PathVariable String orderId, @PathVariable long returnId, Caller shopper, Model model) {
        OrderView order = own(orderId, shopper);
        ReturnAuthorisation r = ofOrder(order, shopper, returnId);
        if (!r.hasLabel()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("order", order);
        model.addAttribute("row", row(r));
        return "returns/label";
    }

    private ReturnAuthorisation ofOrder(OrderView order, Caller shopper, long returnId) {
        ReturnAuthorisation r = returns.get(shopper, returnId);
        if (r.orderId() != order.id()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return r;
    }

    /** Post/redirect/get; a refusal the buyer can fix comes back as a message on the page. */
    private static String act(OrderView order, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ErrorResponseException e) {
            int status = e.getStatusCode().value();
            if (status == 404 || status == 403 || !e.getStatusCode().is4xxClientError()) {
                throw e;
            }
            String type = String.valueOf(e.getBody().getType());
            // items[2].quantity and items[0].name are one message for the buyer
            redirect.addFlashAttribute("error", type.substring(type.lastIndexOf(':') + 1).replaceAll("\\[.*", ""));
        }
        return "redirect:/orders/" + order.id() + "/returns";
    }

    private OrderView own(String id, Caller shopper) {
        return parse(id).flatMap(n -> registry.order(shopper, n))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Row row(ReturnAuthorisation r) {
        return new Row(r, LocalDateTime.ofInstant(r.createdAt(), EventTime.TOKYO),
                r.labelExpiresAt() == null ? null : LocalDateTime.ofInstant(r.labelExpiresAt(), EventTime.TOKYO));
    }

    private static ReturnReason reason(String name) {
        try {
            return name == null || name.isBlank() ? null : ReturnReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw io.otodoke.web.ProblemType.invalidField("photo", "The photo could not be read.");
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
