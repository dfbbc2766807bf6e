package io.otodoke.carrier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rule table of tracking-numbers.md §2, in one place. Each row says which carrier a normalised
 * number N can belong to when it has this shape and check digit; several rows share a shape on
 * purpose (§5.1), and every matching row yields a candidate.
 */
final class DetectionRules {

    /** How sure a match is (§2, last column). */
    enum Confidence { HIGH, MEDIUM, LOW }

    /**
     * @param id           the rule id of §2
     * @param carrier      the carrier code returned
     * @param trackingVia  the carrier whose tracking page serves this number, when not the carrier itself
     */
    record Rule(String id, String carrier, Pattern shape, CheckDigit check, Confidence confidence,
                Predicate<String> alsoRequires, String trackingVia) {

        boolean fitsShape(String n) {
            return shape.matcher(n).matches() && alsoRequires.test(n);
        }
    }

    /** §1.1 step 4: anything else gives no candidates. */
    static final Pattern ALPHABET = Pattern.compile("^[0-9A-Z]+$");

    /** The UPU member suffixes of TND's s10.json (§4.2); TW and MO are absent. */
    static final Set<String> UPU_SUFFIXES = loadWords("/carrier/upu-s10-countries.txt");

    private static final Predicate<String> ANY = n -> true;

    static final List<Rule> ALL = List.of(
            // §3.1, §4.1: one rule, three carriers; prefixes must not pick among them.
            rule("JP12", "yamato", "^\\d{12}$", CheckDigit.MOD7, Confidence.HIGH),
            rule("JP12", "sagawa", "^\\d{12}$", CheckDigit.MOD7, Confidence.HIGH),
            rule("JP12", "japanpost", "^\\d{12}$", CheckDigit.MOD7, Confidence.HIGH),
            // §3.2, §4.2, §4.4: Japan Post registered and DHL Express 11 digits are the same rule.
            rule("JP11", "japanpost", "^\\d{11}$", CheckDigit.MOD7, Confidence.MEDIUM),
            rule("DHL11", "dhl_express", "^\\d{11}$", CheckDigit.MOD7, Confidence.HIGH),
            rule("DHL10", "dhl_express", "^\\d{10}$", CheckDigit.MOD7, Confidence.HIGH),
            rule("FX12", "fedex", "^\\d{12}$", CheckDigit.FEDEX_12, Confidence.HIGH),
            rule("FX15", "fedex", "^\\d{15}$", CheckDigit.FEDEX_15, Confidence.HIGH),
            rule("FX96", "fedex", "^96\\d{20}$", CheckDigit.FEDEX_96, Confidence.HIGH),
            rule("UPS1Z", "ups", "^1Z[0-9A-Z]{15}\\d$", CheckDigit.UPS_1Z, Confidence.HIGH),
            rule("UPSWB", "ups", "^[AHJKTV]\\d{10}$", CheckDigit.UPS_WAYBILL, Confidence.HIGH),
            rule("USPS20", "usps", "^\\d{20}$", CheckDigit.USPS_20, Confidence.HIGH),
            rule("IMPB", "usps", "^9[1-5](\\d{20}|\\d{24}|\\d{28})$", CheckDigit.GS1_MOD10, Confidence.HIGH),
            // §4.2: Japan Post tracks outbound (JP) and inbound S10 items, so its page serves them all [I].
            new Rule("S10", "upu_s10", Pattern.compile("^[A-Z]{2}\\d{9}[A-Z]{2}$"), CheckDigit.S10, Confidence.HIGH,
                    n -> UPU_SUFFIXES.contains(n.substring(11)), "japanpost"),
            rule("YANWEN", "yanwen", "^[A-Z]{2}\\d{9}YP$", CheckDigit.S10, Confidence.LOW),
            rule("DPD15", "dpd", "^\\d{14}[0-9A-Z]$", CheckDigit.MOD37_36, Confidence.HIGH),
            rule("DPD28", "dpd", "^\\d{27}[0-9A-Z]$", CheckDigit.MOD37_36, Confidence.HIGH),
            // §4.4: only GM (other TND prefixes clash with S10 service indicators), with a digit after GM.
            rule("GM", "dhl_ecommerce", "^GM(?=[0-9A-Z]*\\d)[0-9A-Z]{10,39}$", CheckDigit.NONE, Confidence.MEDIUM),
            rule("TBA", "amazon_jp", "^TB[ACM]\\d{12}$", CheckDigit.NONE, Confidence.HIGH),
            rule("DA", "amazon_jp", "^DA\\d{10}$", CheckDigit.NONE, Confidence.MEDIUM),
            // §5.1: a 12-digit 99… number is an Amazon candidate whether or not 7DR passes.
            rule("AMZ99", "amazon_jp", "^99\\d{10}$", CheckDigit.NONE, Confidence.MEDIUM),
            rule("SF", "sf_express", "^SF\\d{13}$", CheckDigit.NONE, Confidence.LOW),
            rule("4PX", "4px", "^4PX\\d{13}CN$", CheckDigit.NONE, Confidence.LOW));

    /**
     * Order of candidates when no hint decides (§5.3.2): the Japanese carriers first, then the
     * foreign ones [I]. Hints move candidates up; they never remove one.
     */
    static final List<String> DEFAULT_ORDER = List.of("yamato", "sagawa", "japanpost", "amazon_jp", "dhl_express",
            "fedex", "ups", "usps", "upu_s10", "dpd", "dhl_ecommerce", "sf_express", "4px", "yanwen");

    private DetectionRules() {
    }

    private static Rule rule(String id, String carrier, String regex, CheckDigit check, Confidence confidence) {
        return new Rule(id, carrier, Pattern.compile(regex), check, confidence, ANY, null);
    }

    private static Set<String> loadWords(String resource) {
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                DetectionRules.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> words.addAll(List.of(l.trim().split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
