package io.otodoke.safety;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Weights and threshold of the decision ({@code otodoke.safety.*}, design/safety.md §4 and §5 step 9).
 * A high reason is always decisive.
 *
 * @param phishingThreshold sum of weights from which the verdict is PHISHING (default 2.0)
 * @param mediumHighWeight  default 1.5
 * @param mediumWeight      default 1.0
 * @param lowWeight         default 0.25
 */
@ConfigurationProperties("otodoke.safety")
public record SafetyProperties(Double phishingThreshold, Double mediumHighWeight, Double mediumWeight, Double lowWeight) {

    public SafetyProperties {
        phishingThreshold = phishingThreshold == null ? 2.0 : phishingThreshold;
        mediumHighWeight = mediumHighWeight == null ? 1.5 : mediumHighWeight;
        mediumWeight = mediumWeight == null ? 1.0 : mediumWeight;
        lowWeight = lowWeight == null ? 0.25 : lowWeight;
    }

    public static SafetyProperties defaults() {
        return new SafetyProperties(null, null, null, null);
    }

    double weight(Severity severity) {
        return switch (severity) {
            case HIGH -> Double.POSITIVE_INFINITY;
            case MEDIUM_HIGH -> mediumHighWeight;
            case MEDIUM -> mediumWeight;
            case LOW -> lowWeight;
            case INFO -> 0;
        };
    }
}
