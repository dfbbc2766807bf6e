package io.otodoke.carrier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One entry of the carrier directory (carriers.md §1).
 *
 * @param trackingUrl official tracking page; {@code {n}} stands for the normalised number. A
 *                    template without {@code {n}} is a page where the user enters the number.
 */
public record Carrier(String code, String nameJa, String nameEn, String trackingUrl, String customerService,
                      String redeliveryUrl, boolean domestic) {

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
}
