package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.Attention;
import io.otodoke.tracking.CarrierAvailability;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.PageController;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operators' list of shipments needing attention (issue 7, item 4), for OPERATOR, SELLER (its
 * own orders) and ADMIN: stale and exception shipments of the caller's scope, with counts per
 * reason and per carrier, filters, and each row linking to the shipment. A bad filter value is
 * ignored rather than refused: the page shows everything and its filter form says so.
 */
@PageController
class AttentionPage {

    private final ShipmentRegistry registry;
    private final CarrierDirectory carriers;
    private final CarrierAvailability availability;

    AttentionPage(ShipmentRegistry registry, CarrierDirectory carriers, CarrierAvailability availability) {
        this.registry = registry;
        this.carriers = carriers;
        this.availability = availability;
    }

    /**
     * @param since      and lastUpdate in Japan time
     * @param carrierDown the carrier's tracking cannot be read right now: its silence may be the outage's
     */
    record Row(long id, String orderNumber, String trackingNumber, String carrierName, TrackingStatus status, String tone,
               String reason, LocalDateTime since, LocalDateTime lastUpdate, boolean carrierDown) {
    }

    record Count(String key, String label, long count, boolean carrierDown) {
    }

    @GetMapping("/attention")
    String attention(@RequestParam(required = false) String reason, @RequestParam(required = false) String carrier,
                     @RequestParam(required = false) String sinceDays, Caller caller, Model model, Locale locale) {
        Attention.Filter filter;
        try {
            filter = AttentionFilters.of(reason, carrier, sinceDays == null || sinceDays.isBlank() ? null
                    : Integer.valueOf(sinceDays.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            filter = new Attention.Filter(null, null, null);
        }
        Attention a = registry.attention(caller, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("reasons", Attention.REASONS);
        model.addAttribute("sinceDaysChoices", AttentionFilters.SINCE_DAYS);
        model.addAttribute("total", a.total());
        model.addAttribute("limited", a.total() > a.shipments().size());
        model.addAttribute("limit", Attention.LIMIT);
        model.addAttribute("byReason", a.byReason().entrySet().stream()
                .map(e -> new Count(e.getKey(), null, e.getValue(), false)).toList());
        List<Count> byCarrier = a.byCarrier().entrySet().stream().map(e -> new Count(e.getKey(), name(e.getKey(), locale),
                e.getValue(), availability.trackingUnavailable(e.getKey()))).toList();
        model.addAttribute("byCarrier", byCarrier);
        model.addAttribute("rows", a.shipments().stream().map(i -> new Row(i.id(), i.orderNumber(), i.trackingNumber(),
                name(i.carrier(), locale), i.status(), ShipmentCard.tone(i.status()), i.reason(), japan(i.since()),
                japan(i.lastEventAt()), availability.trackingUnavailable(i.carrier()))).toList());
        return "tracking/attention";
    }

    private String name(String carrier, Locale locale) {
        return carriers.find(carrier).map(c -> c.name(locale)).orElse(carrier);
    }

    private static LocalDateTime japan(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, EventTime.TOKYO);
    }
}
