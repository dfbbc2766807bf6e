package io.otodoke.connector.aftership;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.connector.ConnectorProperties;
import io.otodoke.connector.poll.SourceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * AfterShip Tracking (carriers.md §6.2): {@code GET /tracking/2025-01/trackings?tracking_numbers=a,b}
 * with the header {@code as-api-key}. Used only with an API key, for the configured carriers (all
 * when none are listed) that no carrier page, carrier API or 17TRACK polls. It lists only trackings
 * the AfterShip account already has. The free tier allows 100 requests a day, so every polling
 * interval is multiplied by 4 (a parcel out for delivery is asked hourly, one in transit every 8 h)
 * and batches are kept at 10 numbers; webhooks remain the better way to hear from AfterShip.
 */
@Component
class AfterShipClient implements SourceClient {

    private final ConnectorProperties.Source config;
    private final CarrierDirectory directory;

    AfterShipClient(ConnectorProperties properties, CarrierDirectory directory) {
        this.config = properties.source(AfterShipParser.SOURCE);
        this.directory = directory;
    }

    @Override
    public String source() {
        return AfterShipParser.SOURCE;
    }

    @Override
    public Set<String> carriers() {
        return config.keyedCarriers(directory.all().stream().map(c -> c.code()).toList());
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.aftership.com";
    }

    @Override
    public int maxBatch() {
        return 10;
    }

    @Override
    public double defaultCadenceMultiplier() {
        return 4;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/tracking/2025-01/trackings?tracking_numbers="
                        + URLEncoder.encode(String.join(",", numbers), StandardCharsets.UTF_8)))
                .header("as-api-key", config.apiKey()).header("Accept", "application/json").GET();
    }
}
