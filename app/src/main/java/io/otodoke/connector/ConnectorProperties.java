package io.otodoke.connector;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connector settings ({@code otodoke.connector.*}, docs/configuration.md).
 *
 * @param polling             poll carriers' pages and APIs for shipments in progress (default true)
 * @param pollEvery           how often the poller looks for shipments that are due (default 30 s)
 * @param userAgent           sent with every request, so carriers can tell who calls
 * @param timeout             connect and request timeout of one call (default 10 s)
 * @param circuitMinimumCalls calls before a circuit may open (default 4)
 * @param circuitOpenFor      how long an open circuit stays open before one trial call (default 2 min)
 * @param sources             per source: base URL, batch size, rate
 */
@ConfigurationProperties("otodoke.connector")
public record ConnectorProperties(Boolean polling, Duration pollEvery, String userAgent, Duration timeout,
                                  Integer circuitMinimumCalls, Duration circuitOpenFor, Map<String, Source> sources) {

    public ConnectorProperties {
        polling = polling == null || polling;
        pollEvery = pollEvery == null ? Duration.ofSeconds(30) : pollEvery;
        userAgent = userAgent == null ? "Otodoke/0.1 (+https://github.com/otodoke; self-hosted parcel tracking)" : userAgent;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        circuitMinimumCalls = circuitMinimumCalls == null ? 4 : circuitMinimumCalls;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofMinutes(2) : circuitOpenFor;
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /**
     * @param baseUrl           where the source's pages live (the carrier's own by default)
     * @param batchSize         numbers per request (Yamato's page takes 10)
     * @param requestsPerSecond at most this many requests per second to the source
     */
    public record Source(String baseUrl, Integer batchSize, Double requestsPerSecond) {
    }
}
