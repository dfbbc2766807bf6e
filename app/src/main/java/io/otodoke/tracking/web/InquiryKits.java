package io.otodoke.tracking.web;

import io.otodoke.account.Seller;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.CarrierAvailability;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.Guidance;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Assembles a shipment's {@link InquiryKit} for an audience, from the carrier directory and the shop. */
@Component
class InquiryKits {

    /** The carrier code of the shop's own vans: the shop itself answers for them (carriers.tsv). */
    static final String OWN_FLEET = "own_fleet";
    /** The copied text is always Japanese: it goes to a Japanese carrier's or shop's support desk. */
    static final Locale COPY_LOCALE = Locale.JAPANESE;
    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CarrierDirectory carriers;
    private final CarrierAvailability availability;
    private final Tenants tenants;
    private final MessageSource messages;

    InquiryKits(CarrierDirectory carriers, CarrierAvailability availability, Tenants tenants, MessageSource messages) {
        this.carriers = carriers;
        this.availability = availability;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** @param order the shipment's order, or null */
    InquiryKit of(ShipmentView s, OrderView order, Audience audience, Locale locale) {
        Optional<Carrier> carrier = carriers.find(s.carrier());
        boolean unavailable = availability.trackingUnavailable(s.carrier());
        String staleReason = unavailable ? null : s.staleReason();
        Guidance guidance = Guidance.of(s.status(), staleReason, unavailable).orElse(null);
        String orderNumber = order == null || audience == Audience.SHARE_LINK ? null : order.orderNumber();
        Instant since = s.lastEventAt() != null ? s.lastEventAt() : s.createdAt();
        InquiryKit.Contact contact = contact(s, order, carrier, locale);
        String carrierName = carrier.map(c -> c.name(locale)).orElse(s.carrier());
        String title = guidance == null ? msg("inquiry.guidance.none", locale)
                : title(guidance, locale, carrierName);
        String advice = msg(guidance == null ? "inquiry.advice.none" : guidance.adviceKey(), locale);
        return new InquiryKit(s.id(), orderNumber, s.trackingNumber(), s.carrier(), carrierName, contact, s.status(),
                msg("status." + s.status(), locale), since, staleReason, unavailable ? "DEGRADED" : "OK", guidance,
                title, advice, copyText(s, orderNumber, carrier, contact.kind(), since, guidance));
    }

    private InquiryKit.Contact contact(ShipmentView s, OrderView order, Optional<Carrier> carrier, Locale locale) {
        if (OWN_FLEET.equals(s.carrier()) || carrier.isEmpty()) {
            return new InquiryKit.Contact("SHOP", shopName(s, order), null, null);
        }
        Carrier c = carrier.get();
        return new InquiryKit.Contact("CARRIER", c.name(locale), blankToNull(c.customerService()),
                c.trackingUrlFor(s.trackingNumber()));
    }

    /** The seller of a marketplace order, else the shop. */
    private String shopName(ShipmentView s, OrderView order) {
        if (order != null && order.sellerId() != null) {
            Optional<String> seller = tenants.seller(order.sellerId()).map(Seller::name);
            if (seller.isPresent()) {
                return seller.get();
            }
        }
        return tenants.find(s.tenantId()).map(Shop::name).orElse(null);
    }

    private String copyText(ShipmentView s, String orderNumber, Optional<Carrier> carrier, String contactKind,
                            Instant since, Guidance guidance) {
        Locale ja = COPY_LOCALE;
        StringJoiner text = new StringJoiner("\n");
        text.add(msg("inquiry.copy.heading", ja));
        if (orderNumber != null) {
            text.add(msg("inquiry.copy.order", ja, orderNumber));
        }
        text.add(msg("inquiry.copy.number", ja, s.trackingNumber()));
        text.add(msg("inquiry.copy.carrier", ja, carrier.map(c -> c.name(ja)).orElse(s.carrier())));
        text.add(msg("inquiry.copy.status", ja, msg("status." + s.status(), ja),
                COPY_TIME.format(LocalDateTime.ofInstant(since, EventTime.TOKYO))));
        if (guidance != null) {
            text.add(msg("inquiry.copy.situation", ja, title(guidance, ja, carrier.map(c -> c.name(ja)).orElse(s.carrier()))));
        }
        carrier.map(c -> c.trackingUrlFor(s.trackingNumber())).filter(u -> !"SHOP".equals(contactKind))
                .ifPresent(url -> text.add(msg("inquiry.copy.url", ja, url)));
        text.add("");
        text.add(msg("inquiry.copy.request", ja));
        return text.toString();
    }

    /** Only the outage's title names the carrier; the others get no arguments, so no MessageFormat quoting applies. */
    private String title(Guidance guidance, Locale locale, String carrierName) {
        return guidance == Guidance.CARRIER_DEGRADED ? msg(guidance.titleKey(), locale, carrierName)
                : msg(guidance.titleKey(), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
