package io.otodoke.tracking.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public lookup by tracking number ({@code otodoke.lookup.*}), which is open
 * without sign-in: they stop anyone from enumerating numbers to find parcels.
 *
 * @param enabled   apply the limits (default true)
 * @param window    the fixed window the counts are kept for (default 10 min)
 * @param perClient numbers one client address may look up per window (default 400)
 * @param perNumber lookups of one number per window, from all clients together (default 60)
 */
@ConfigurationProperties("otodoke.lookup")
public record LookupLimits(Boolean enabled, Duration window, Integer perClient, Integer perNumber) {

    public LookupLimits {
        enabled = enabled == null || enabled;
        window = window == null ? Duration.ofMinutes(10) : window;
        perClient = perClient == null ? 400 : perClient;
        perNumber = perNumber == null ? 60 : perNumber;
    }
}
