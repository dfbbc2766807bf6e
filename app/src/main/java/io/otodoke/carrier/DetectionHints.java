package io.otodoke.carrier;

import java.util.List;

/**
 * Context that orders detected candidates (tracking-numbers.md §5.3): the carrier the user
 * picked, the sender's e-mail domain, the shop's usual carriers. Hints never drop a candidate.
 */
public record DetectionHints(String chosenCarrier, String senderDomain, List<String> usualCarriers) {

    public static final DetectionHints NONE = new DetectionHints(null, null, List.of());

    public DetectionHints {
        usualCarriers = usualCarriers == null ? List.of()
                : usualCarriers.stream().filter(c -> c != null).toList();
    }
}
