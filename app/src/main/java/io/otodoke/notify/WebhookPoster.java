package io.otodoke.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sends one signed POST to a webhook endpoint. One JDK {@link HttpClient} for all endpoints, on
 * HTTP/1.1 with keep-alive: connections to a receiver are reused across messages, which is most of
 * the cost of a small POST. Public so that {@code otodoke bench notify} measures its baseline with
 * exactly this client.
 */
@Component
public class WebhookPoster {

    static final String USER_AGENT = "Otodoke-Webhooks/1 (+https://github.com/otodoke)";

    /** The receiver's answer: its HTTP status, or null and what went wrong when there was none. */
    public record Answer(Integer status, String error) {

        public boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookPoster(WebhookProperties properties, Clock clock) {
        this.timeout = properties.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs {@code body} with {@code secret} at the current time and posts it; never throws for a network failure. */
    public Answer post(String url, String secret, String eventId, byte[] body) {
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Otodoke-Event-Id", eventId)
                .header("Otodoke-Signature", WebhookSignature.header(secret, t, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return new Answer(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            // the class only (HttpTimeoutException, ConnectException …): a message may hold the URL's query
            return new Answer(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }
}
