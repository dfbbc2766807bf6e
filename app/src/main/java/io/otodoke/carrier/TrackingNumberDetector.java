package io.otodoke.carrier;

import io.otodoke.carrier.DetectionRules.Rule;
import io.otodoke.carrier.TrackingNumberCandidate.CheckDigitResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Says which carriers a tracking number can belong to (tracking-numbers.md §1–§5): normalise,
 * run every rule of {@link DetectionRules}, keep all that match, order them by context. It never
 * throws: any string in gives a result, possibly with no candidates.
 */
@Component
public class TrackingNumberDetector {

    /**
     * Inputs longer than this are not read. The longest detected number has 41 characters (GM);
     * the rest is room for separators, e.g. a 34-digit barcode payload typed with spaces [I].
     */
    public static final int MAX_INPUT_LENGTH = 256;

    private final CarrierDirectory directory;

    public TrackingNumberDetector(CarrierDirectory directory) {
        this.directory = directory;
    }

    public TrackingNumberDetection detect(String input) {
        return detect(input, DetectionHints.NONE);
    }

    public TrackingNumberDetection detect(String input, DetectionHints hints) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return new TrackingNumberDetection(input, null, List.of(), List.of());
        }
        String n = TrackingNumbers.normalize(input);
        if (!DetectionRules.ALPHABET.matcher(n).matches()) {
            return new TrackingNumberDetection(input, n, List.of(), List.of());
        }
        List<TrackingNumberCandidate> candidates = new ArrayList<>();
        Set<String> carriers = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        for (Rule rule : DetectionRules.ALL) {
            if (!rule.fitsShape(n)) {
                continue;
            }
            if (!rule.check().accepts(n)) {
                failed.add(rule.id());
                continue;
            }
            if (carriers.add(rule.carrier())) {
                candidates.add(candidate(rule, n));
            }
        }
        candidates.sort(order(hints == null ? DetectionHints.NONE : hints));
        return new TrackingNumberDetection(input, n, candidates, new ArrayList<>(failed));
    }

    /**
     * A barcode payload, through the scan path of §7 — never used for typed text, where these
     * clean-ups could turn a typo into a match. Codabar start/stop characters are dropped; a
     * USPS routing prefix {@code 420}+ZIP is dropped for the USPS rules while every other rule
     * still sees the whole payload; a Codabar symbology ranks the Japanese domestic carriers
     * first without removing any candidate; barcode-only payloads are named, not matched.
     */
    public ScanDetection detectScan(String payload, ScanDetection.Symbology symbology, DetectionHints hints) {
        DetectionHints base = hints == null ? DetectionHints.NONE : hints;
        if (payload == null || payload.length() > MAX_INPUT_LENGTH) {
            return new ScanDetection(payload, symbology, detect(payload, base), null);
        }
        String n = TrackingNumbers.normalize(payload);
        Matcher codabar = CODABAR.matcher(n);
        String number = codabar.matches() ? codabar.group(1) : n;
        DetectionHints ranked = base;
        if (symbology == ScanDetection.Symbology.CODABAR) {
            List<String> usual = new ArrayList<>(base.usualCarriers());
            usual.addAll(CODABAR_CARRIERS);
            ranked = new DetectionHints(base.chosenCarrier(), base.senderDomain(), usual);
        }
        TrackingNumberDetection whole = detect(number, ranked);
        List<TrackingNumberCandidate> candidates = new ArrayList<>(whole.candidates());
        Matcher routed = USPS_ROUTING.matcher(number);
        if (routed.matches()) {
            // The ZIP may have 5 or 9 digits: try both cuts; only the USPS rules may use the rest.
            for (String rest : List.of(number.substring(8), number.length() > 12 ? number.substring(12) : "")) {
                for (TrackingNumberCandidate c : detect(rest, ranked).candidates()) {
                    if (c.carrier().equals("usps") && candidates.stream().noneMatch(k -> k.carrier().equals("usps"))) {
                        candidates.add(c);
                    }
                }
            }
            candidates.sort(order(ranked));
        }
        TrackingNumberDetection detection = new TrackingNumberDetection(payload, whole.normalized(), candidates,
                whole.failedChecks());
        String barcodeOnly = candidates.isEmpty() ? barcodeOnlyKind(number) : null;
        return new ScanDetection(payload, symbology, detection, barcodeOnly);
    }

    private static final Pattern CODABAR = Pattern.compile("^[A-D](\\d+)[A-D]$");
    private static final Pattern USPS_ROUTING = Pattern.compile("^420\\d{5}(\\d{4})?\\d{20,30}$");
    private static final List<String> CODABAR_CARRIERS = List.of("yamato", "sagawa", "japanpost");

    /** §2/§7: payloads printed only as barcodes; reported so that a scan is not silently matched. */
    private static String barcodeOnlyKind(String n) {
        if (n.matches("\\d{34}")) {
            return "FedEx 34-digit barcode";
        }
        if (n.matches("[0-9A-Z]{32}")) {
            return "FedEx ASTRA barcode";
        }
        if (n.matches("00\\d{18}") || n.matches("\\d{18}") && CheckDigit.GS1_MOD10.accepts(n)) {
            return "SSCC-18 logistics unit code";
        }
        return null;
    }

    /**
     * The carriers a rule id of §2 returns, e.g. {@code JP12}: yamato, sagawa, japanpost; empty for
     * an unknown id. Lets a page name the carriers behind {@link TrackingNumberDetection#failedChecks()}.
     */
    public static List<String> carriersOfRule(String ruleId) {
        return DetectionRules.ALL.stream().filter(r -> r.id().equals(ruleId)).map(Rule::carrier).distinct().toList();
    }

    private static final Set<String> CARRIERS_WITH_RULES = DetectionRules.ALL.stream().map(Rule::carrier)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Every carrier some rule of §2 detects; a carrier outside it has no published number format. */
    public static Set<String> carriersOfAnyRule() {
        return CARRIERS_WITH_RULES;
    }

    /** The check-digit algorithm of a rule id of §2, e.g. {@code mod 7}; empty for an unknown id. */
    public static java.util.Optional<String> checkDigitOfRule(String ruleId) {
        return DetectionRules.ALL.stream().filter(r -> r.id().equals(ruleId)).map(r -> r.check().label()).findFirst();
    }

    private TrackingNumberCandidate candidate(Rule rule, String n) {
        String urlCarrier = rule.trackingVia() != null ? rule.trackingVia() : rule.carrier();
        String url = directory.find(urlCarrier).map(c -> c.trackingUrlFor(n)).orElse(null);
        CheckDigitResult result = rule.check() == CheckDigit.NONE ? CheckDigitResult.NO_CHECK_DIGIT : CheckDigitResult.VALID;
        return new TrackingNumberCandidate(rule.carrier(), rule.id(), rule.check().label(), result,
                rule.confidence().name(), url);
    }

    /** §5.3: the user's choice first, then the sender's carrier, then the shop's usual ones; ties keep the default order. */
    private Comparator<TrackingNumberCandidate> order(DetectionHints hints) {
        return Comparator.comparingInt((TrackingNumberCandidate c) -> -score(c.carrier(), hints))
                .thenComparingInt(c -> defaultRank(c.carrier()));
    }

    private int score(String carrier, DetectionHints hints) {
        int score = 0;
        if (carrier.equals(hints.chosenCarrier())) {
            score += 4;
        }
        if (hints.senderDomain() != null && directory.find(carrier).map(c -> c.sendsFrom(hints.senderDomain())).orElse(false)) {
            score += 2;
        }
        if (hints.usualCarriers().contains(carrier)) {
            score += 1;
        }
        return score;
    }

    private static int defaultRank(String carrier) {
        int i = DetectionRules.DEFAULT_ORDER.indexOf(carrier);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
