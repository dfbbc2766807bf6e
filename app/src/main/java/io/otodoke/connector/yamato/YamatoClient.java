package io.otodoke.connector.yamato;

import io.otodoke.connector.poll.SourceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * Yamato's tracking form: {@code POST /cgi-bin/tneko} with {@code number00} (the count) and
 * {@code number01} … {@code number10} (carriers.md §3.1: up to 10 numbers per request).
 */
@Component
class YamatoClient implements SourceClient {

    @Override
    public String source() {
        return "yamato";
    }

    @Override
    public Set<String> carriers() {
        return Set.of("yamato");
    }

    @Override
    public String defaultBaseUrl() {
        return "https://toi.kuronekoyamato.co.jp";
    }

    @Override
    public int maxBatch() {
        return 10;
    }

    @Override
    public HttpRequest.Builder request(URI baseUrl, List<String> numbers) {
        StringJoiner form = new StringJoiner("&");
        form.add("number00=" + numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            form.add(String.format("number%02d=%s", i + 1, URLEncoder.encode(numbers.get(i), StandardCharsets.UTF_8)));
        }
        form.add("category=0");
        return HttpRequest.newBuilder(URI.create(baseUrl + "/cgi-bin/tneko"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    }
}
