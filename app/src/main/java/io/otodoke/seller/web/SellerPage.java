package io.otodoke.seller.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenants;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.seller.RowResult;
import io.otodoke.seller.SellerShipment;
import io.otodoke.seller.SellerShipments;
import io.otodoke.tracking.EventTime;
import io.otodoke.web.PageController;
import io.otodoke.web.ProblemType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The seller's page (role SELLER): its orders waiting to be sent, late ones first, with a form per
 * order for the tracking number or the untracked method, the CSV upload with its report per row,
 * and how shoppers reach the seller. The operator's list of late orders is {@code /sellers/late}.
 */
@PageController
class SellerPage {

    private final SellerShipments shipments;
    private final CarrierDirectory carriers;
    private final Tenants tenants;

    SellerPage(SellerShipments shipments, CarrierDirectory carriers, Tenants tenants) {
        this.shipments = shipments;
        this.carriers = carriers;
        this.tenants = tenants;
    }

    /** An order waiting to be sent, as listed; times in Japan. */
    record Line(long id, String orderNumber, String sellerName, String customerName, LocalDateTime orderedAt,
                LocalDateTime shipBy, boolean late) {

        static Line of(SellerShipments.OrderLine o) {
            return new Line(o.id(), o.orderNumber(), o.sellerName(), o.customerName(), tokyo(o.orderedAt()),
                    tokyo(o.shipBy()), o.late());
        }
    }

    /** A carrier to choose, by its name in the page's language. */
    record CarrierOption(String code, String name) {
    }

    @GetMapping("/seller/orders")
    String orders(Caller seller, Model model, Locale locale) {
        return page(seller, model, locale);
    }

    @PostMapping("/seller/orders/{id}/shipment")
    String add(@PathVariable String id, @RequestParam(required = false) String carrier,
               @RequestParam(required = false) String trackingNumber,
               @RequestParam(required = false) String shippingMethod,
               @RequestParam(required = false) String shippedOn, Caller seller, RedirectAttributes redirect) {
        long orderId = parse(id);
        var order = shipments.order(seller, orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant shippedAt;
        try {
            shippedAt = shippedOn == null || shippedOn.isBlank() ? null
                    : LocalDate.parse(shippedOn).atTime(12, 0).atZone(EventTime.TOKYO).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        boolean untracked = "untracked".equals(carrier);
        RowResult r = shipments.add(seller, List.of(new SellerShipment(0, order.orderNumber(), untracked ? null : carrier,
                untracked ? null : trackingNumber, untracked ? shippingMethod : null, shippedAt))).getFirst();
        redirect.addFlashAttribute("result", r);
        return "redirect:/seller/orders" + (r.refused() ? "#order-" + orderId : "");
    }

    @PostMapping(path = "/seller/orders/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importCsv(@RequestParam(required = false) MultipartFile file, Caller seller, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", "no-file");
        } else {
            try {
                model.addAttribute("report", SellerApi.Report.of(SellerApi.importing(shipments, seller, file.getBytes())));
            } catch (ErrorResponseException e) {
                model.addAttribute("importError", e.getBody().getDetail());
            }
        }
        return page(seller, model, locale);
    }

    @PostMapping("/seller/contact")
    String contact(@RequestParam(required = false) String contact, Caller seller, RedirectAttributes redirect) {
        try {
            tenants.sellerContact(seller, seller.sellerId(), contact);
            redirect.addFlashAttribute("contactSaved", true);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("contactError", true);
        }
        return "redirect:/seller/orders#contact";
    }

    /** The operator's view: every late seller order of the shop, longest waiting first. */
    @GetMapping("/sellers/late")
    String late(Caller operator, Model model) {
        if (!operator.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "A shop's operator sees its late sellers.");
        }
        model.addAttribute("orders", shipments.late(operator).stream().map(Line::of).toList());
        return "seller/late";
    }

    private String page(Caller seller, Model model, Locale locale) {
        if (!seller.is(Role.SELLER)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This is a seller's page.");
        }
        List<Line> lines = shipments.awaiting(seller).stream().map(Line::of)
                .sorted(Comparator.comparing((Line l) -> !l.late())).toList();
        model.addAttribute("seller", shipments.sellerOf(seller).orElse(null));
        model.addAttribute("orders", lines);
        model.addAttribute("lateCount", lines.stream().filter(Line::late).count());
        model.addAttribute("methods", shipments.untrackedMethods());
        model.addAttribute("carriers", carriers.all().stream().map(c -> new CarrierOption(c.code(), c.name(locale)))
                .sorted(Comparator.comparing(CarrierOption::name)).toList());
        model.addAttribute("today", LocalDate.now(EventTime.TOKYO));
        return "seller/orders";
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static LocalDateTime tokyo(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }

}
