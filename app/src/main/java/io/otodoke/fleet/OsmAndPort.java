package io.otodoke.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.otodoke.web.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The OsmAnd protocol on its own port (default 5055, as Traccar), for phones set up for a Traccar
 * server: they post to {@code http://host:5055/?id=…}, any path. It is the JDK's small HTTP server
 * rather than a second Tomcat connector because it must serve this protocol and nothing else: a
 * connector would expose every page and API of the application on the port too, under other
 * security rules than the operator expects. It answers exactly as {@code /api/v1/positions/osmand}
 * on the main port does, through the same {@link OsmAndReceiver}.
 */
@Component
@ConditionalOnWebApplication
public class OsmAndPort implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OsmAndPort.class);
    /** An OsmAnd request is a few hundred bytes; the JSON one a few kilobytes. */
    static final int MAX_BODY = 64 * 1024;
    private static final byte[] NO_BODY = {};
    /** Served only while a benchmark runs ({@code otodoke.bench.enabled}); see {@code ./otodoke bench positions}. */
    public static final String BENCH_NO_OP = "/bench/no-op";

    private final OsmAndReceiver receiver;
    private final FleetProperties properties;
    private final ObjectMapper json;
    private final boolean bench;
    private HttpServer server;
    private ExecutorService executor;

    OsmAndPort(OsmAndReceiver receiver, FleetProperties properties, ObjectMapper json,
               @Value("${otodoke.bench.enabled:false}") boolean bench) {
        this.receiver = receiver;
        this.properties = properties;
        this.json = json;
        this.bench = bench;
    }

    /** The port it listens on (the bound one when configured as 0), or -1 when disabled or stopped. */
    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public synchronized void start() {
        if (properties.osmandPort() < 0 || server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("0.0.0.0", properties.osmandPort()), 64);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for the OsmAnd protocol on port " + properties.osmandPort()
                    + " (otodoke.fleet.osmand-port; -1 disables it): " + e.getMessage(), e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        if (bench) {
            // The positions benchmark's baseline: the same server, threads and client, and no work.
            server.createContext(BENCH_NO_OP, exchange -> {
                try (exchange) {
                    exchange.sendResponseHeaders(200, -1);
                }
            });
        }
        server.start();
        log.info("OsmAnd protocol (Traccar Client) listening on port {}", port());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                problem(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                        "Send the position with GET or POST.");
                return;
            }
            // A GET's body is never read (Traccar Client sends none): reading allocates a buffer per request.
            byte[] body = method.equals("GET") ? NO_BODY : read(exchange.getRequestBody());
            if (body == null) {
                problem(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                        "A position report has at most " + MAX_BODY + " bytes.");
                return;
            }
            // A GET (Traccar Client's usual form) has no body to describe: skip the header lookup, which
            // costs a few per cent of a request here.
            String contentType = body.length == 0 ? null : exchange.getRequestHeaders().getFirst("Content-Type");
            String text = new String(body, StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>();
            OsmAndReceiver.Answer answer;
            try {
                OsmAndDecoder.parameters(exchange.getRequestURI().getRawQuery(), parameters);
                boolean form = contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
                if (form) {
                    OsmAndDecoder.parameters(text, parameters);
                }
                answer = receiver.receive(parameters, contentType, form || text.isBlank() ? null : text);
            } catch (InvalidPosition e) {
                answer = new OsmAndReceiver.Answer(400, "invalid-position", "Invalid position", e.getMessage());
            } catch (RuntimeException e) {
                log.error("OsmAnd request failed", e);
                problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "Something went wrong on our side; the position was not stored. Please try again.");
                return;
            }
            if (answer.stored()) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", answer.retryAfter().toString());
                }
                problem(exchange, HttpStatus.valueOf(answer.status()), answer.code(), answer.title(), answer.detail());
            }
        }
    }

    private void problem(HttpExchange exchange, HttpStatus status, String code, String title, String detail)
            throws IOException {
        byte[] out = json.writeValueAsBytes(ProblemType.detail(status, code, title, detail));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status.value(), out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    /** The body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }
}
