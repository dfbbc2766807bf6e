package io.otodoke.notify;

import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.Audience;
import io.otodoke.tracking.Guidance;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification in the subscriber's language: the subject and headline from
 * {@code notify/messages*.properties} (by {@link #textKey}), the body from the templates {@code templates/notify/mail/
 * message_<language>.html} and {@code .txt}. Its own template engine, apart from the pages': a
 * message is rendered outside any web request, and a page's layout must never leak into a mail.
 */
@Component
public class MessageRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    private final CarrierDirectory carriers;
    private final NotifyProperties properties;

    MessageRenderer(CarrierDirectory carriers, NotifyProperties properties) {
        this.carriers = carriers;
        this.properties = properties;
        // the pages' bundle too: the guidance for a stuck parcel is written once, for the tracking page and for messages
        texts.setBasenames("notify/messages", "messages");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(texts);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("templates/notify/mail/");
        r.setTemplateMode(mode);
        r.setCharacterEncoding("UTF-8");
        r.setResolvablePatterns(java.util.Set.of("*" + suffix));
        r.setCheckExistence(true);
        r.setOrder(order);
        return r;
    }

    /**
     * @param order the shipment's order, when it has one: a shopper's own subscription links to it,
     *              and it says whether the photo may be shown (never to a gift's giver)
     */
    public Message render(Subscription s, ShipmentView shipment, Optional<OrderView> order, Milestone milestone,
                          Map<String, String> facts, String unsubscribeUrl) {
        return render(s, shipment, order, milestone, facts, unsubscribeUrl, true);
    }

    /**
     * @param forPeople false: the data and link only, without subject, text and HTML (a machine
     *                  receiver's channel reads none of them, and the templates are most of the cost)
     */
    Message render(Subscription s, ShipmentView shipment, Optional<OrderView> order, Milestone milestone,
                   Map<String, String> facts, String unsubscribeUrl, boolean forPeople) {
        Locale locale = "en".equals(s.language()) ? Locale.ENGLISH : Locale.JAPANESE;
        Optional<Carrier> carrier = carriers.find(shipment.carrier());
        String carrierName = carrier.map(c -> c.name(locale)).orElse(shipment.carrier());
        String base = properties.baseUrl();
        String trackingPage = base + "/track?numbers=" + URLEncoder.encode(shipment.trackingNumber(), StandardCharsets.UTF_8);
        // A shopper's own subscription opens their order, where they see everything they may see.
        boolean ownOrder = s.userId() != null && order.isPresent();
        String page = ownOrder ? base + "/orders/" + order.get().id() : trackingPage;
        String url = page;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("milestone", milestone.name());
        data.put("shipmentId", Long.toString(shipment.id()));
        data.put("carrier", shipment.carrier());
        data.put("carrierName", carrierName);
        data.put("trackingNumber", shipment.trackingNumber());
        data.put("status", shipment.status() == null ? "" : shipment.status().name());
        order.ifPresent(o -> data.put("orderNumber", o.orderNumber()));
        carrier.map(c -> c.trackingUrlFor(shipment.trackingNumber())).ifPresent(u -> data.put("carrierUrl", u));
        if (milestone == Milestone.DELIVERY_ATTEMPTED) {
            url = carrier.map(Carrier::redeliveryUrl).filter(u -> u != null && !u.isBlank()).orElse(page);
            data.put("redeliveryUrl", url);
        }
        if (milestone == Milestone.DELIVERY_CHANGED && facts.containsKey("changeUrl")) {
            // an outside carrier confirms the change on its own page: the message leads there, as the page did
            url = facts.get("changeUrl");
        }
        // The subscriber of their own order is its buyer, or its giver when it is a gift (design/last-mile.md).
        if (milestone == Milestone.DELIVERED && ownOrder
                && (order.get().gift() ? Audience.GIFT_GIVER : Audience.BUYER).seesDeliveryPhoto()) {
            data.put("photoUrl", page);
        }
        data.putAll(facts);
        if (facts.containsKey("replacementTrackingNumber")) {
            String number = facts.get("replacementTrackingNumber");
            Optional<Carrier> replacementCarrier = carriers.find(facts.get("replacementCarrier"));
            data.put("replacementCarrierName", replacementCarrier.map(c -> c.name(locale))
                    .orElse(facts.get("replacementCarrier")));
            data.put("replacementUrl", base + "/track?numbers=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        }
        data.put("url", url);
        if (facts.containsKey("staleReason")) {
            // the same advice the tracking page shows for this reason (status-model.md "Staleness")
            data.put("guidance", texts.getMessage(Guidance.valueOf(facts.get("staleReason")).adviceKey(), null, locale));
        }

        if (!forPeople) {
            return new Message("", "", "", url, data);
        }
        if (facts.containsKey("estimatedDelivery")) {
            // the new forecast, as a person reads a date in their language
            String day = java.time.LocalDate.parse(facts.get("estimatedDelivery"))
                    .format(java.time.format.DateTimeFormatter.ofPattern(texts.getMessage("format.date", null, locale), locale));
            data.put("estimatedArrival", facts.containsKey("estimatedWindow") ? day + " " + facts.get("estimatedWindow") : day);
        }
        if (milestone == Milestone.DELIVERY_CHANGED) {
            data.put("change", change(facts, locale));
        }
        Object[] args = {carrierName, shipment.trackingNumber(), data.getOrDefault("remainingStopCount", ""),
                data.getOrDefault("estimatedArrival", ""), data.getOrDefault("replacementCarrierName", ""),
                data.getOrDefault("replacementTrackingNumber", ""), data.getOrDefault("change", "")};
        String key = textKey(milestone, facts);
        String subject = texts.getMessage("subject." + key, args, locale);
        String headline = texts.getMessage("headline." + key, args, locale);
        Context context = new Context(locale);
        context.setVariable("headline", headline);
        context.setVariable("d", data);
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        String template = "message_" + locale.getLanguage();
        String text = engine.process(template + ".txt", context);
        String html = engine.process(template + ".html", context);
        return new Message(subject, text, html, url, data);
    }

    /**
     * The texts' key: the milestone, or its variant when the facts say more (a claim approved with a
     * reship; what came of a delivery change).
     */
    static String textKey(Milestone milestone, Map<String, String> facts) {
        if (milestone == Milestone.CLAIM_DECIDED && facts.containsKey("replacementTrackingNumber")) {
            return milestone + ".RESHIP";
        }
        if (milestone == Milestone.DELIVERY_CHANGED && facts.containsKey("changeOutcome")) {
            return milestone + "." + facts.get("changeOutcome");
        }
        return milestone.name();
    }

    /**
     * What a delivery change asked for, in the reader's words, from the pages' own labels: the kind,
     * then the date and slot or the place, e.g. 「再配達：2026年12月1日(火) 19時〜21時」.
     */
    private String change(Map<String, String> facts, Locale locale) {
        java.util.List<String> what = new java.util.ArrayList<>();
        if (facts.containsKey("changeDate")) {
            what.add(java.time.LocalDate.parse(facts.get("changeDate")).format(java.time.format.DateTimeFormatter
                    .ofPattern(texts.getMessage("format.date", null, locale), locale)));
        }
        String slot = facts.get("changeSlot");
        if (slot != null) {
            String[] hours = slot.split("-");
            what.add(hours.length == 2 ? texts.getMessage("delivery.slot.hours", hours, locale)
                    : texts.getMessage("delivery.slot." + slot, null, slot, locale));
        }
        if (facts.containsKey("changePlace")) {
            what.add(texts.getMessage("delivery.place." + facts.get("changePlace"), null, facts.get("changePlace"), locale));
        }
        String kind = texts.getMessage("delivery.kind." + facts.get("changeKind"), null, facts.get("changeKind"), locale);
        return what.isEmpty() ? kind : kind + texts.getMessage("notify.change.separator", null, ": ", locale)
                + String.join(" ", what);
    }
}
