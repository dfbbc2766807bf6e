package io.otodoke.connector.poll;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * How to ask one source about some tracking numbers: the request only. Fetching, retries, rate
 * limits, the circuit breaker and parsing are the {@link Poller}'s, the same for every source.
 */
public interface SourceClient {

    /** The source code, which is also its parser's. */
    String source();

    /** The carrier whose parcels this source tracks. */
    String carrier();

    /** The carrier's own address, used unless otodoke.connector.sources.&lt;source&gt;.base-url says otherwise. */
    String defaultBaseUrl();

    /** The most numbers one request may carry. */
    int maxBatch();

    HttpRequest.Builder request(URI baseUrl, List<String> numbers);
}
