package io.otodoke.tracking.web;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.LookupResult;
import io.otodoke.tracking.TrackingLookup;
import io.otodoke.web.PageController;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages: the lookup form and the lookup result. Anyone may use them; no personal data. */
@PageController
class TrackingPages {

    private final TrackingLookup lookup;
    private final CarrierDirectory carriers;

    TrackingPages(TrackingLookup lookup, CarrierDirectory carriers) {
        this.lookup = lookup;
        this.carriers = carriers;
    }

    /** A number and what we know of it; {@code officialPages} helps when we know nothing. */
    record NumberResult(String query, String trackingNumber, List<ShipmentCard> shipments, List<OfficialPage> officialPages) {
    }

    record OfficialPage(String carrierName, String url) {
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String missing, Model model, Locale locale) {
        model.addAttribute("missing", missing != null);
        return homePage(model, "", locale);
    }

    @GetMapping("/track")
    String track(@RequestParam(defaultValue = "") String numbers, Model model, Locale locale) {
        List<String> queries = TrackingLookup.split(numbers);
        if (queries.isEmpty()) {
            return "redirect:/?missing";
        }
        if (queries.size() > TrackingLookup.MAX_NUMBERS) {
            model.addAttribute("tooMany", queries.size());
            return homePage(model, numbers, locale);
        }
        Set<String> seen = new HashSet<>();
        List<NumberResult> results = lookup.lookup(queries).stream()
                .filter(r -> seen.add(r.trackingNumber()))
                .map(r -> result(r, locale))
                .toList();
        model.addAttribute("numbers", String.join("\n", queries));
        model.addAttribute("maxNumbers", TrackingLookup.MAX_NUMBERS);
        model.addAttribute("results", results);
        return "tracking/results";
    }

    private String homePage(Model model, String numbers, Locale locale) {
        model.addAttribute("numbers", numbers);
        model.addAttribute("maxNumbers", TrackingLookup.MAX_NUMBERS);
        // Carriers whose official page we link to; a numbering scheme like UPU S10 is not a carrier to list.
        model.addAttribute("carrierNames", carriers.all().stream().filter(c -> c.trackingUrl() != null)
                .map(c -> c.name(locale)).toList());
        return "tracking/home";
    }

    private NumberResult result(LookupResult r, Locale locale) {
        List<ShipmentCard> cards = r.shipments().stream().map(s -> ShipmentCard.of(s, carriers, locale)).toList();
        List<OfficialPage> pages = r.found() ? List.of() : officialPages(r.trackingNumber(), locale);
        return new NumberResult(r.query(), r.trackingNumber(), cards, pages);
    }

    /**
     * For a number nobody registered we cannot tell the carrier, so we offer the official pages
     * of the domestic carriers that take the number in their address: the user's next step.
     */
    private List<OfficialPage> officialPages(String number, Locale locale) {
        if (number.isEmpty()) {
            return List.of();
        }
        return carriers.all().stream()
                .filter(c -> c.domestic() && c.trackingUrl() != null && c.trackingUrl().contains("{n}"))
                .map(c -> new OfficialPage(c.name(locale), c.trackingUrlFor(number)))
                .toList();
    }
}
