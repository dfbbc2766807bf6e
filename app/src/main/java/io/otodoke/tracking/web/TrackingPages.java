package io.otodoke.tracking.web;

import io.otodoke.account.DemoUsers;
import io.otodoke.carrier.Carrier;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.DetectionHints;
import io.otodoke.carrier.TrackingNumberCandidate;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.tracking.LookupResult;
import io.otodoke.tracking.PublicShipment;
import io.otodoke.tracking.TrackingLookup;
import io.otodoke.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public pages: the lookup form and the lookup result. Anyone may use them; no personal data.
 * A number Otodoke does not track is explained with what the detector says of it
 * (tracking-numbers.md §5.3): every carrier it fits, ranked by the visitor's own choice, or why it
 * fits none.
 */
@PageController
class TrackingPages {

    /** Longest {@code numbers} carried back to the results after a choice; longer lists return to one number. */
    private static final int MAX_RETURN_LENGTH = 4000;

    private final TrackingLookup lookup;
    private final CarrierDirectory carriers;
    private final TrackingNumberDetector detector;
    private final MessageSource messages;
    private final DemoUsers demoUsers;
    private final ShipmentCards cards;

    TrackingPages(TrackingLookup lookup, CarrierDirectory carriers, TrackingNumberDetector detector,
                  MessageSource messages, DemoUsers demoUsers, ShipmentCards cards) {
        this.lookup = lookup;
        this.cards = cards;
        this.carriers = carriers;
        this.detector = detector;
        this.messages = messages;
        this.demoUsers = demoUsers;
    }

    /**
     * A number and what we know of it: its shipments, or else the detector's view ({@code help});
     * {@code alsoFits} names other carriers a tracked number fits.
     */
    record NumberResult(String query, String trackingNumber, List<ShipmentCard> shipments, NumberHelp help,
                        List<CandidateRow> alsoFits) {
    }

    /**
     * What the detector says of a number nobody registered.
     *
     * @param candidates     every carrier it fits, ranked (the visitor's choice first)
     * @param chosen         the visitor chose one of them
     * @param numeric        digits only: never claim that the number decides the carrier
     * @param problem        when there is no candidate, why: TOO_LONG, EMPTY, CHARACTERS, CHECK_DIGIT or SHAPE
     * @param problemArg     the detail the problem's sentence names (characters, carriers, length)
     * @param failedCarriers carriers whose shape fits but whose check digit does not, or null
     */
    record NumberHelp(List<CandidateRow> candidates, boolean chosen, boolean numeric, String problem,
                      String problemArg, String failedCarriers) {
    }

    /**
     * One carrier a number fits.
     *
     * @param shape    how the number looks, in words, e.g. "12 桁の数字"
     * @param siteName whose site {@code url} is (UPU S10 numbers are tracked on Japan Post's)
     */
    record CandidateRow(String code, String name, String shape, String checkDigitResult, String confidence,
                        String siteName, String url, boolean chosen) {
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String missing, Model model, Locale locale) {
        model.addAttribute("missing", missing != null);
        return homePage(model, "", locale);
    }

    @GetMapping("/track")
    String track(@RequestParam(defaultValue = "") String numbers, Model model, Locale locale,
                 HttpServletRequest request) {
        List<String> queries = TrackingLookup.split(numbers);
        if (queries.isEmpty()) {
            return "redirect:/?missing";
        }
        if (queries.size() > TrackingLookup.MAX_NUMBERS) {
            model.addAttribute("tooMany", queries.size());
            return homePage(model, numbers, locale);
        }
        Map<String, String> choices = CarrierChoices.read(request);
        Set<String> seen = new HashSet<>();
        List<NumberResult> results = lookup.lookup(queries).stream()
                .filter(r -> seen.add(r.trackingNumber()))
                .map(r -> result(r, choices.get(r.trackingNumber()), locale))
                .toList();
        model.addAttribute("numbers", String.join("\n", queries));
        model.addAttribute("maxNumbers", TrackingLookup.MAX_NUMBERS);
        model.addAttribute("results", results);
        return "tracking/results";
    }

    /**
     * "This is my carrier": remembers the visitor's choice for a number in their own browser, then
     * shows the results again (POST, redirect, GET). A carrier the number does not fit is ignored;
     * an empty carrier forgets the choice.
     */
    @PostMapping("/track/choice")
    String choose(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String carrier,
                  @RequestParam(defaultValue = "") String numbers, HttpServletRequest request,
                  HttpServletResponse response) {
        TrackingNumberDetection detection = detector.detect(number);
        String n = detection.normalized();
        if (n == null || n.isEmpty()) {
            return "redirect:/";
        }
        Map<String, String> choices = CarrierChoices.read(request);
        if (carrier.isEmpty() && choices.containsKey(n)) {
            CarrierChoices.write(CarrierChoices.with(choices, n, null), request, response);
        } else if (detection.carriers().contains(carrier)) {
            CarrierChoices.write(CarrierChoices.with(choices, n, carrier), request, response);
        }
        List<String> others = TrackingLookup.split(numbers);
        String back = others.isEmpty() || others.size() > TrackingLookup.MAX_NUMBERS || numbers.length() > MAX_RETURN_LENGTH
                ? number : String.join("\n", others);
        return "redirect:" + UriComponentsBuilder.fromPath("/track").queryParam("numbers", back)
                .fragment("r-" + n).encode().build().toUriString();
    }

    private String homePage(Model model, String numbers, Locale locale) {
        model.addAttribute("numbers", numbers);
        model.addAttribute("maxNumbers", TrackingLookup.MAX_NUMBERS);
        // Carriers whose official page we link to; a numbering scheme like UPU S10 is not a carrier to list.
        model.addAttribute("carrierNames", carriers.all().stream().filter(c -> c.trackingUrl() != null)
                .map(c -> c.name(locale)).toList());
        // Demo mode only (empty otherwise): whoever tries the demo can sign in with every role.
        model.addAttribute("demoUsers", demoUsers.list());
        return "tracking/home";
    }

    private NumberResult result(LookupResult r, String choice, Locale locale) {
        List<ShipmentCard> shown = r.shipments().stream().map(s -> cards.of(s, locale)).toList();
        if (r.found()) {
            // The shop registered the carrier: it is the carrier. Others the number fits are only mentioned.
            Set<String> registered = r.shipments().stream().map(PublicShipment::carrier).collect(Collectors.toSet());
            TrackingNumberDetection d = detector.detect(r.query());
            List<CandidateRow> others = d.candidates().stream().filter(c -> !registered.contains(c.carrier()))
                    .map(c -> row(c, d.normalized(), false, locale)).toList();
            return new NumberResult(r.query(), r.trackingNumber(), shown, null, others);
        }
        return new NumberResult(r.query(), r.trackingNumber(), shown, help(r.query(), choice, locale), List.of());
    }

    private NumberHelp help(String query, String choice, Locale locale) {
        TrackingNumberDetection d = detector.detect(query, new DetectionHints(choice, null, List.of()));
        String n = d.normalized();
        boolean numeric = n != null && !n.isEmpty() && n.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        boolean chosen = choice != null && d.carriers().contains(choice);
        List<CandidateRow> rows = d.candidates().stream()
                .map(c -> row(c, n, chosen && c.carrier().equals(choice), locale)).toList();
        Set<String> failed = new LinkedHashSet<>();
        d.failedChecks().forEach(rule -> failed.addAll(TrackingNumberDetector.carriersOfRule(rule)));
        failed.removeAll(d.carriers());
        String failedNames = failed.isEmpty() ? null : names(failed, locale);
        if (!rows.isEmpty()) {
            // Only a Japanese carrier's failed check is worth a word next to the candidates: most
            // parcels here are domestic, and a mistyped Yamato number may still pass FedEx's check.
            // The reverse (a valid Yamato number failing FedEx's check) is the normal case.
            failed.removeIf(code -> !carriers.find(code).map(Carrier::domestic).orElse(false));
            return new NumberHelp(rows, chosen, numeric, null, null, failed.isEmpty() ? null : names(failed, locale));
        }
        if (n == null) {
            return problem("TOO_LONG", String.valueOf(TrackingNumberDetector.MAX_INPUT_LENGTH));
        }
        if (n.isEmpty()) {
            return problem("EMPTY", null);
        }
        String strange = n.codePoints().filter(cp -> !(cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z')).distinct()
                .limit(5).mapToObj(TrackingPages::visible).collect(Collectors.joining(" "));
        if (!strange.isEmpty()) {
            return problem("CHARACTERS", strange);
        }
        if (failedNames != null) {
            return problem("CHECK_DIGIT", failedNames);
        }
        return problem(numeric ? "SHAPE_DIGITS" : "SHAPE", String.valueOf(n.length()));
    }

    /** A character as the visitor can read it: invisible ones (controls, format marks) by their code point. */
    private static String visible(int cp) {
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
        return invisible ? String.format("U+%04X", cp) : Character.toString(cp);
    }

    private static NumberHelp problem(String problem, String arg) {
        return new NumberHelp(List.of(), false, false, problem, arg, null);
    }

    private CandidateRow row(TrackingNumberCandidate c, String n, boolean chosen, Locale locale) {
        boolean numeric = n.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        String shape = messages.getMessage(numeric ? "candidate.shape.digits" : "candidate.shape.chars",
                new Object[] {n.length()}, locale);
        return new CandidateRow(c.carrier(), name(c.carrier(), locale), shape, c.checkDigitResult().name(),
                c.confidence(), c.trackingUrl() == null ? null : siteName(c, n, locale), c.trackingUrl(), chosen);
    }

    /** Whose official page a candidate's link is: its own carrier's, or the carrier that serves it. */
    private String siteName(TrackingNumberCandidate c, String n, Locale locale) {
        List<Carrier> owners = new ArrayList<>();
        carriers.find(c.carrier()).ifPresent(owners::add);
        owners.addAll(carriers.all());
        return owners.stream().filter(o -> Objects.equals(o.trackingUrlFor(n), c.trackingUrl())).findFirst()
                .map(o -> name(o.code(), locale)).orElse(name(c.carrier(), locale));
    }

    /** The directory's name, unless the pages have a better one (UPU S10 is a numbering scheme, not a company). */
    private String name(String code, Locale locale) {
        String override = messages.getMessage("carrier.name." + code, null, null, locale);
        if (override != null) {
            return override;
        }
        return carriers.find(code).map(c -> c.name(locale)).orElse(code);
    }

    private String names(Set<String> codes, Locale locale) {
        List<String> names = codes.stream().map(c -> name(c, locale)).toList();
        if ("ja".equals(locale.getLanguage()) || names.size() < 2) {
            return String.join("、", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
