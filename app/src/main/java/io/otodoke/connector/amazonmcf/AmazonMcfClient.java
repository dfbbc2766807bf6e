package io.otodoke.connector.amazonmcf;

import io.otodoke.connector.ConnectorProperties;
import io.otodoke.connector.poll.SourceClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon SP-API Fulfillment Outbound 2020-07-01 (carriers.md §4.1):
 * {@code GET /fba/outbound/2020-07-01/tracking?packageNumber=…}, one package per request, with the
 * header {@code x-amz-access-token}. The token comes from Login with Amazon ({@code POST
 * /auth/o2/token}, {@code grant_type=refresh_token} with the client id, secret and the seller's
 * refresh token) and is kept until a minute before it expires, so one token serves many polls.
 * Used only with all three credentials, for Amazon Japan parcels (the default base URL is SP-API's
 * Far East endpoint, which serves the Japanese marketplace). The shipment's number is sent as the
 * package number.
 */
@Component
class AmazonMcfClient implements SourceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private record AccessToken(String value, Instant renewAt) {
    }

    private final ConnectorProperties.Source config;
    private final Clock clock;
    private AccessToken token;

    AmazonMcfClient(ConnectorProperties properties, Clock clock) {
        this.config = properties.source(AmazonMcfParser.SOURCE);
        this.clock = clock;
    }

    @Override
    public String source() {
        return AmazonMcfParser.SOURCE;
    }

    @Override
    public Set<String> carriers() {
        boolean configured = ConnectorProperties.Source.isSet(config.clientId())
                && ConnectorProperties.Source.isSet(config.clientSecret()) && ConnectorProperties.Source.isSet(config.refreshToken());
        // Amazon's endpoint takes its own package number, not the carrier's tracking number: it is
        // asked only for the carriers an operator lists, whose shipments are registered under that number.
        return configured ? Set.copyOf(config.carriers()) : Set.of();
    }

    @Override
    public String defaultBaseUrl() {
        return "https://sellingpartnerapi-fe.amazon.com";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/fba/outbound/2020-07-01/tracking?packageNumber="
                + URLEncoder.encode(numbers.getFirst(), StandardCharsets.UTF_8))).header("Accept", "application/json").GET();
    }

    @Override
    public byte[] fetch(URI baseUrl, List<String> numbers, Exchange exchange) throws IOException, InterruptedException {
        String accessToken = accessToken(exchange);
        try {
            return exchange.send(request(baseUrl, numbers).header("x-amz-access-token", accessToken));
        } catch (IllegalStateException refused) {
            forget(accessToken); // a revoked token is not tried again; the next poll logs in anew
            throw refused;
        }
    }

    private synchronized String accessToken(Exchange exchange) throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        String form = "grant_type=refresh_token&refresh_token=" + encode(config.refreshToken())
                + "&client_id=" + encode(config.clientId()) + "&client_secret=" + encode(config.clientSecret());
        byte[] body = exchange.send(HttpRequest.newBuilder(URI.create(tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException unreadable) {
            // the parser's message may quote the answer, which may hold a token: keep it out of health errors
            throw new IllegalStateException("Login with Amazon's answer is not JSON");
        }
        String value = answer.path("access_token").asString("");
        if (value.isBlank()) {
            throw new IllegalStateException("Login with Amazon answered without an access token");
        }
        long seconds = answer.path("expires_in").asLong(3600);
        token = new AccessToken(value, now.plusSeconds(seconds).minus(EXPIRY_MARGIN));
        return value;
    }

    private synchronized void forget(String accessToken) {
        if (token != null && token.value().equals(accessToken)) {
            token = null;
        }
    }

    private String tokenUrl() {
        return config.tokenUrl() == null ? "https://api.amazon.com/auth/o2/token" : config.tokenUrl();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
