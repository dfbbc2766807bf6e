package io.otodoke.carrier;

import io.otodoke.carrier.DetectionRules.Rule;
import io.otodoke.carrier.TrackingNumberCandidate.CheckDigitResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
     * The carriers a rule id of §2 returns, e.g. {@code JP12}: yamato, sagawa, japanpost; empty for
     * an unknown id. Lets a page name the carriers behind {@link TrackingNumberDetection#failedChecks()}.
     */
    public static List<String> carriersOfRule(String ruleId) {
        return DetectionRules.ALL.stream().filter(r -> r.id().equals(ruleId)).map(Rule::carrier).distinct().toList();
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
