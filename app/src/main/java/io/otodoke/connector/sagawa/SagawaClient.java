package io.otodoke.connector.sagawa;

import io.otodoke.connector.poll.SourceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Sagawa's page of one number: {@code GET /p/web/okurijosearch.do?okurijoNo=…} (carriers.md §3.3). */
@Component
class SagawaClient implements SourceClient {

    @Override
    public String source() {
        return "sagawa";
    }

    @Override
    public Set<String> carriers() {
        return Set.of("sagawa");
    }

    @Override
    public String defaultBaseUrl() {
        return "https://k2k.sagawa-exp.co.jp";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/p/web/okurijosearch.do?okurijoNo="
                + URLEncoder.encode(numbers.getFirst(), StandardCharsets.UTF_8))).GET();
    }
}
