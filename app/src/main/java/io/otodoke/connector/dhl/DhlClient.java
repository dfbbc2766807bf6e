package io.otodoke.connector.dhl;

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
 * DHL Shipment Tracking – Unified API (carriers.md §5): {@code GET /track/shipments?trackingNumber=…}
 * with the header {@code DHL-API-Key}, one number per request. Used only with an API key; it polls
 * DHL Express and DHL eCommerce parcels (the API answers for every DHL service), or the configured carriers.
 */
@Component
class DhlClient implements SourceClient {

    private final ConnectorProperties.Source config;

    DhlClient(ConnectorProperties properties) {
        this.config = properties.source(DhlParser.SOURCE);
    }

    @Override
    public String source() {
        return DhlParser.SOURCE;
    }

    @Override
    public Set<String> carriers() {
        return config.keyedCarriers(List.of("dhl_express", "dhl_ecommerce"));
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api-eu.dhl.com";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/track/shipments?trackingNumber="
                        + URLEncoder.encode(numbers.getFirst(), StandardCharsets.UTF_8)))
                .header("DHL-API-Key", config.apiKey()).header("Accept", "application/json").GET();
    }

    /** An unknown number is a 404 RFC 7807 problem, which the parser reads as NOT_FOUND (carriers.md §5). */
    @Override
    public boolean parses(int httpStatus) {
        return httpStatus < 400 || httpStatus == 404;
    }
}
