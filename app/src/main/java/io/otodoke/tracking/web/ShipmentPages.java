package io.otodoke.tracking.web;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Seller;
import io.otodoke.account.Tenants;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.PageController;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A shop's shipments for its staff (OPERATOR, SELLER, ADMIN; see SecurityConfiguration): the list
 * the caller may see, and one shipment with its recipient and order. Showing the recipient's
 * address is recorded in the audit log on every view, as on the API.
 */
@PageController
class ShipmentPages {

    static final int PAGE_SIZE = 50;
    /** Shipment statuses to filter by; UNKNOWN is an event status only. */
    static final List<TrackingStatus> FILTERS = Arrays.stream(TrackingStatus.values())
            .filter(s -> s != TrackingStatus.UNKNOWN).toList();

    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;
    private final ShipmentCards cards;
    private final Tenants tenants;
    private final AuditLog audit;

    ShipmentPages(ShipmentRegistry registry, CarrierDirectory carriers, ShipmentCards cards, Tenants tenants,
                  AuditLog audit) {
        this.registry = registry;
        this.carriers = carriers;
        this.cards = cards;
        this.tenants = tenants;
        this.audit = audit;
    }

    /**
     * One line of the list.
     *
     * @param createdAt and lastUpdate in Japan time
     */
    record Row(long id, String trackingNumber, String carrierName, TrackingStatus status, String tone,
               LocalDateTime createdAt, LocalDateTime lastUpdate, boolean stale, boolean returnLeg) {
    }

    /** The shipment page: the card, the recipient (may be null) and the order (may be null). */
    record Detail(ShipmentView shipment, ShipmentCard card, OrderView order, LocalDateTime orderedAt, String sellerName) {
    }

    @GetMapping("/shipments")
    String shipments(@RequestParam(required = false) String status, @RequestParam(required = false) String before,
                     Caller caller, Model model, Locale locale) {
        TrackingStatus filter = FILTERS.stream().filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Long beforeId = parse(before).orElse(null);
        // One more than a page, to know whether there is a next page without counting.
        List<ShipmentView> found = registry.shipments(caller, filter, beforeId, PAGE_SIZE + 1);
        List<Row> rows = found.stream().limit(PAGE_SIZE).map(s -> row(s, locale)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("status", filter);
        model.addAttribute("newestUrl", beforeId == null ? null : listUrl(filter, null));
        model.addAttribute("nextUrl", found.size() > PAGE_SIZE ? listUrl(filter, rows.getLast().id()) : null);
        return "tracking/shipments";
    }

    /** Like orders, another tenant's or seller's shipment is answered exactly like one that does not exist. */
    @GetMapping("/shipments/{id}")
    String shipment(@PathVariable String id, Caller caller, Model model, Locale locale) {
        ShipmentView s = parse(id).flatMap(n -> registry.shipment(caller, n))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (s.recipient() != null) {
            audit.record(caller, s.tenantId(), AuditLog.ADDRESS_VIEWED, "shipment:" + s.id());
        }
        OrderView order = s.orderId() == null ? null : registry.order(caller, s.orderId()).orElse(null);
        String sellerName = order == null || order.sellerId() == null ? null
                : tenants.seller(order.sellerId()).map(Seller::name).orElse(null);
        model.addAttribute("page", new Detail(s, cards.of(s, locale), order,
                order == null ? null : japan(order.orderedAt()), sellerName));
        return "tracking/shipment-detail";
    }

    /** The list's address with only the parameters that are set. */
    private static String listUrl(TrackingStatus status, Long before) {
        return UriComponentsBuilder.fromPath("/shipments").queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("before", Optional.ofNullable(before)).build().toUriString();
    }

    private Row row(ShipmentView s, Locale locale) {
        return new Row(s.id(), s.trackingNumber(), carriers.find(s.carrier()).map(c -> c.name(locale)).orElse(s.carrier()),
                s.status(), ShipmentCard.tone(s.status()), japan(s.createdAt()), japan(s.lastEventAt()),
                s.staleReason() != null, s.leg() == ShipmentLeg.RETURN);
    }

    private static LocalDateTime japan(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }

    private static Optional<Long> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
