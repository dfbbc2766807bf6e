package io.otodoke.carrier;

import java.util.List;

/**
 * What the detector found for one input: every carrier it can belong to, never a single guess.
 *
 * @param input          the input exactly as given
 * @param normalized     N of §1.1, or null when the input was longer than the detector reads
 * @param candidates     every matching carrier, ordered by the hints (empty: no rule matched)
 * @param failedChecks   ids of rules whose shape matched but whose check digit did not — a digit
 *                       may be mistyped
 */
public record TrackingNumberDetection(String input, String normalized, List<TrackingNumberCandidate> candidates,
                                      List<String> failedChecks) {

    public TrackingNumberDetection {
        candidates = List.copyOf(candidates);
        failedChecks = List.copyOf(failedChecks);
    }

    public List<String> carriers() {
        return candidates.stream().map(TrackingNumberCandidate::carrier).toList();
    }
}
