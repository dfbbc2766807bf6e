package io.otodoke.connector;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param sources             per source: base URL, batch size, rate, credentials
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

    /** A source's settings; all unset when none are configured. */
    public Source source(String code) {
        return sources.getOrDefault(code, Source.NONE);
    }

    /**
     * @param baseUrl           where the source's pages or API live (the carrier's own by default)
     * @param batchSize         numbers per request (Yamato's page takes 10)
     * @param requestsPerSecond at most this many requests per second to the source
     * @param cadenceMultiplier multiplies every polling interval of the source
     * @param apiKey            the API key of 17TRACK ({@code 17token}), AfterShip ({@code as-api-key}) or DHL ({@code DHL-API-Key})
     * @param clientId          Login with Amazon client id (amazon_mcf)
     * @param clientSecret      Login with Amazon client secret (amazon_mcf)
     * @param refreshToken      the seller's Login with Amazon refresh token (amazon_mcf)
     * @param tokenUrl          Login with Amazon's token endpoint (amazon_mcf)
     * @param carriers          carrier codes an aggregator polls for; empty: every carrier no other source polls
     */
    public record Source(String baseUrl, Integer batchSize, Double requestsPerSecond, Double cadenceMultiplier,
                         String apiKey, String clientId, String clientSecret, String refreshToken, String tokenUrl,
                         List<String> carriers) {

        static final Source NONE = new Source(null, null, null, null, null, null, null, null, null, null);

        public Source {
            carriers = carriers == null ? List.of() : List.copyOf(carriers);
        }

        /** The configured carriers, or {@code all} when none are listed. */
        public Set<String> carriersOr(Collection<String> all) {
            return Set.copyOf(carriers.isEmpty() ? all : carriers);
        }

        /** The carriers a source with an API key polls: its list (or {@code all}) when the key is set, none without one. */
        public Set<String> keyedCarriers(Collection<String> all) {
            return isSet(apiKey) ? carriersOr(all) : Set.of();
        }

        public static boolean isSet(String credential) {
            return credential != null && !credential.isBlank();
        }

        /** Credentials never reach a log line, not even through a debug print of the settings. */
        @Override
        public String toString() {
            return "Source[baseUrl=" + baseUrl + ", batchSize=" + batchSize + ", requestsPerSecond=" + requestsPerSecond
                    + ", cadenceMultiplier=" + cadenceMultiplier + ", apiKey=" + mask(apiKey) + ", clientId=" + mask(clientId)
                    + ", clientSecret=" + mask(clientSecret) + ", refreshToken=" + mask(refreshToken) + ", tokenUrl=" + tokenUrl
                    + ", carriers=" + carriers + "]";
        }

        private static String mask(String credential) {
            return isSet(credential) ? "***" : "unset";
        }
    }
}
