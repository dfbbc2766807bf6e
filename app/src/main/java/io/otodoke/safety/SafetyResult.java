package io.otodoke.safety;

import java.util.List;

/**
 * The answer of a check (design/safety.md, "Output").
 *
 * @param verdict         never "safe"
 * @param brand           the brand the message claims (code), or null
 * @param reasons         every finding, the most severe first; the same input always gives the same list
 * @param links           the links found, as text
 * @param trackingNumbers tracking numbers found in the text (normalised)
 * @param officialLinks   where to check instead, from Otodoke's own data
 */
public record SafetyResult(Verdict verdict, String brand, List<Reason> reasons, List<CheckedLink> links,
                           List<String> trackingNumbers, List<OfficialLink> officialLinks) {

    public SafetyResult {
        reasons = List.copyOf(reasons);
        links = List.copyOf(links);
        trackingNumbers = List.copyOf(trackingNumbers);
        officialLinks = List.copyOf(officialLinks);
    }

    public boolean has(Signal signal) {
        return reasons.stream().anyMatch(r -> r.code() == signal);
    }

    /** The distinct codes in order, for one-line output. */
    public List<Signal> codes() {
        return reasons.stream().map(Reason::code).distinct().toList();
    }
}
