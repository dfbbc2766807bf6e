package io.otodoke.carrier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the carrier directory (carriers.md §1).
 *
 * @param trackingUrl    official tracking page; {@code {n}} stands for the normalised number. A
 *                       template without {@code {n}} is a page where the user enters the number.
 * @param senderDomains  genuine e-mail sender domains (safety.md §1.2), used to order detected candidates
 * @param liveMap        the carrier offers a live map of the delivery vehicle that Otodoke can show
 * @param redeliveryApi  redelivery can be booked through an API, not only on the carrier's page
 */
public record Carrier(String code, String nameJa, String nameEn, String trackingUrl, String customerService,
                      String redeliveryUrl, boolean domestic, List<String> senderDomains, boolean liveMap,
                      boolean redeliveryApi) {

    public Carrier {
        senderDomains = senderDomains == null ? List.of() : List.copyOf(senderDomains);
    }

    public String name(Locale locale) {
        boolean japanese = "ja".equals(locale.getLanguage());
        if (japanese && nameJa != null) {
            return nameJa;
        }
        return nameEn != null ? nameEn : nameJa;
    }

    public String trackingUrlFor(String normalizedNumber) {
        if (trackingUrl == null) {
            return null;
        }
        return trackingUrl.replace("{n}", URLEncoder.encode(normalizedNumber, StandardCharsets.UTF_8));
    }

    /** Whether mail from this domain (or a subdomain of it, or an address on it) comes from this carrier. */
    public boolean sendsFrom(String domain) {
        if (domain == null || domain.isBlank()) {
            return false;
        }
        String d = domain.substring(domain.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return senderDomains.stream().anyMatch(s -> d.equals(s) || d.endsWith("." + s));
    }
}
