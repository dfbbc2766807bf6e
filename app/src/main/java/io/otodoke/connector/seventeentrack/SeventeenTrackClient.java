package io.otodoke.connector.seventeentrack;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.connector.ConnectorProperties;
import io.otodoke.connector.poll.SourceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 17TRACK API v2.2 (carriers.md §6.1): {@code POST /track/v2.2/gettrackinfo} with a JSON array of
 * {@code {number}}, header {@code 17token}, at most 40 numbers, 3 requests a second. Used only with
 * an API key, for the configured carriers (all when none are listed) that no carrier page or
 * carrier API polls.
 *
 * <p>17TRACK tracks only registered numbers, and registration returns no events. A number is
 * registered the first time this server asks about it, in the same exchange just before
 * {@code gettrackinfo}: that needs no error code to recognise (the "not registered" rejection is
 * not in any stored sample), and registering a number twice is harmless — 17TRACK rejects it with
 * -18019901 "has been registered" (real answer in the py17track samples). The memory of registered
 * numbers is this server's only, so after a restart each batch is registered once more. No carrier
 * is passed: 17TRACK names carriers by numeric codes Otodoke does not have, so it auto-detects.
 */
@Component
class SeventeenTrackClient implements SourceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorProperties.Source config;
    private final CarrierDirectory directory;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    SeventeenTrackClient(ConnectorProperties properties, CarrierDirectory directory) {
        this.config = properties.source(SeventeenTrackParser.SOURCE);
        this.directory = directory;
    }

    @Override
    public String source() {
        return SeventeenTrackParser.SOURCE;
    }

    @Override
    public Set<String> carriers() {
        return config.keyedCarriers(directory.all().stream().map(c -> c.code()).toList());
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.17track.net";
    }

    @Override
    public int maxBatch() {
        return 40;
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 3;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return post(baseUrl + "/track/v2.2/gettrackinfo", numbers);
    }

    @Override
    public byte[] fetch(URI baseUrl, List<String> numbers, Exchange exchange) throws IOException, InterruptedException {
        List<String> unregistered = numbers.stream().filter(n -> !registered.contains(n)).toList();
        if (!unregistered.isEmpty()) {
            exchange.send(post(baseUrl + "/track/v2.2/register", unregistered));
            registered.addAll(unregistered);
        }
        return exchange.send(request(baseUrl, numbers));
    }

    private HttpRequest.Builder post(String url, List<String> numbers) {
        String body = JSON.writeValueAsString(numbers.stream().map(n -> Map.of("number", n)).toList());
        return HttpRequest.newBuilder(URI.create(url)).header("17token", config.apiKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
