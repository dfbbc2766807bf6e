package io.otodoke.connector.japanpost;

import io.otodoke.connector.poll.SourceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Japan Post's detail page of one number: {@code GET /services/srv/search/direct?reqCodeNo1=…&locale=ja}
 * (carriers.md §3.2). The multi-number page shows only the latest state, so one number per request.
 */
@Component
class JapanPostClient implements SourceClient {

    @Override
    public String source() {
        return "japanpost";
    }

    @Override
    public Set<String> carriers() {
        return Set.of("japanpost");
    }

    @Override
    public String defaultBaseUrl() {
        return "https://trackings.post.japanpost.jp";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/services/srv/search/direct?reqCodeNo1="
                + URLEncoder.encode(numbers.getFirst(), StandardCharsets.UTF_8) + "&locale=ja")).GET();
    }
}
