package io.otodoke.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Insights settings ({@code otodoke.insights.*}, docs/configuration.md).
 *
 * @param co2PerRedeliveryGrams CO2 of one redelivery, in grams (default 470: Japan's MLIT estimate of about
 *                              420,000 t a year for redeliveries, 2015, as about 470 g each; docs/insights.md)
 * @param period                the period the figures cover when none is asked for (default 30 days)
 */
@ConfigurationProperties("otodoke.insights")
public record InsightsProperties(Double co2PerRedeliveryGrams, Duration period) {

    public static final double DEFAULT_CO2_PER_REDELIVERY_GRAMS = 470;

    public InsightsProperties {
        co2PerRedeliveryGrams = co2PerRedeliveryGrams == null ? DEFAULT_CO2_PER_REDELIVERY_GRAMS : co2PerRedeliveryGrams;
        if (co2PerRedeliveryGrams < 0) {
            throw new IllegalArgumentException("otodoke.insights.co2-per-redelivery-grams is not negative");
        }
        period = period == null ? Duration.ofDays(30) : period;
    }
}
