package io.otodoke.connector;

import io.otodoke.carrier.CarrierDirectory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which Otodoke carrier a source's parsed shipment belongs to. A carrier's own page speaks for that
 * carrier; an aggregator names the carrier in its own words, which are mapped when we know them.
 * {@code null} means "unknown": events are then matched by the tracking number alone.
 */
@Component
class SourceCarriers {

    /** Sources that are one carrier's own tracking page (design/carriers.md §3). */
    private static final Set<String> CARRIER_PAGES = Set.of("yamato", "japanpost", "sagawa");

    /**
     * AfterShip courier slugs (lower case) that differ from Otodoke's codes. The slugs {@code fedex},
     * {@code ups} and {@code usps} appear in real payloads (shared/data/carrier-samples/aftership);
     * the others are AfterShip's published slugs as we know them (unverified) — an unmapped slug
     * only widens the match to the number alone. 17TRACK names carriers by numeric codes that no
     * available source lists, so its carriers stay unmapped.
     */
    private static final Map<String, String> ALIASES = Map.of(
            "japan-post", "japanpost",
            "taqbin-jp", "yamato",
            "sagawa", "sagawa",
            "dhl", "dhl_express",
            "sf-express", "sf_express");

    private final CarrierDirectory carriers;

    SourceCarriers(CarrierDirectory carriers) {
        this.carriers = carriers;
    }

    /** The Otodoke carrier code, or null to match by number alone. */
    String carrierOf(String source, String named) {
        if (CARRIER_PAGES.contains(source)) {
            return source;
        }
        if (named == null || named.isBlank()) {
            return null;
        }
        String code = named.trim().toLowerCase(Locale.ROOT);
        if (carriers.isKnown(code)) {
            return code;
        }
        String alias = ALIASES.get(code);
        return alias != null && carriers.isKnown(alias) ? alias : null;
    }
}
