package io.otodoke.connector.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the carriers' tracking sites, on its own port on the loopback address:
 * Yamato's form ({@code POST /yamato/cgi-bin/tneko}), Japan Post's detail page
 * ({@code GET /japanpost/services/srv/search/direct}) and Sagawa's page
 * ({@code GET /sagawa/p/web/okurijosearch.do}) in their current layouts, for the parcels put into it;
 * and the tracking APIs for the same parcels: 17TRACK ({@code POST /seventeentrack/track/v2.2/register}
 * and {@code …/gettrackinfo}, header {@code 17token}), AfterShip ({@code GET
 * /aftership/tracking/2025-01/trackings}, header {@code as-api-key}), DHL ({@code GET
 * /dhl/track/shipments}, header {@code DHL-API-Key}) and Amazon MCF ({@code GET
 * /amazon_mcf/fba/outbound/2020-07-01/tracking}, header {@code x-amz-access-token} with a token this
 * simulator issued at Login with Amazon's {@code POST /lwa/auth/o2/token}). An API request without its
 * credential is answered 401 (Amazon: 403 for a token it did not issue, as SP-API does); any
 * non-blank credential is accepted. Point a source's base URL at {@link #baseUrl(String)} and the
 * real poll → parse → ingest path runs without the internet. {@link #failing(boolean)} makes every
 * answer a 503, as an outage.
 */
public final class CarrierSimulator implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, SimulatedParcel> parcels = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsBySource = new ConcurrentHashMap<>();
    private final java.util.Set<String> registered = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;

    private CarrierSimulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) of 127.0.0.1. */
    public static CarrierSimulator start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            CarrierSimulator simulator = new CarrierSimulator(server);
            server.createContext("/yamato/cgi-bin/tneko", simulator::yamato);
            server.createContext("/japanpost/services/srv/search/direct", simulator::japanPost);
            server.createContext("/sagawa/p/web/okurijosearch.do", simulator::sagawa);
            server.createContext("/seventeentrack/track/v2.2/register", simulator::seventeenTrackRegister);
            server.createContext("/seventeentrack/track/v2.2/gettrackinfo", simulator::seventeenTrack);
            server.createContext("/aftership/tracking/2025-01/trackings", simulator::afterShip);
            server.createContext("/dhl/track/shipments", simulator::dhl);
            server.createContext("/amazon_mcf/fba/outbound/2020-07-01/tracking", simulator::amazonMcf);
            server.createContext("/lwa/auth/o2/token", simulator::loginWithAmazon);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the carrier simulator on port " + port, e);
        }
    }

    /** What the simulated carrier shows for this parcel from now on. */
    public void put(SimulatedParcel parcel) {
        parcels.put(parcel.carrier() + ":" + parcel.trackingNumber(), parcel);
    }

    /** The carrier prints one more scan for this parcel. */
    public void append(String carrier, String trackingNumber, SimulatedParcel.Scan scan) {
        parcels.compute(carrier + ":" + trackingNumber, (key, old) -> {
            List<SimulatedParcel.Scan> scans = new ArrayList<>(old == null ? List.of() : old.scans());
            scans.add(scan);
            return new SimulatedParcel(carrier, trackingNumber, scans);
        });
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Requests answered so far (including failures). */
    public int requests() {
        return requests.get();
    }

    /** Requests answered so far by one source's endpoints ({@code lwa}: Login with Amazon), failures included. */
    public int requests(String source) {
        AtomicInteger count = requestsBySource.get(source);
        return count == null ? 0 : count.get();
    }

    /** The base URL to configure for a source: {@code otodoke.connector.sources.<source>.base-url}. */
    public String baseUrl(String source) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + source;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void yamato(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        List<SimulatedParcel> found = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String number = form.get(String.format("number%02d", i));
            if (number != null && !number.isBlank()) {
                found.add(parcel("yamato", number));
            }
        }
        answer(exchange, () -> CarrierPages.yamato(found));
    }

    private void japanPost(HttpExchange exchange) throws IOException {
        String number = query(exchange.getRequestURI().getRawQuery()).getOrDefault("reqCodeNo1", "");
        answer(exchange, () -> CarrierPages.japanPost(parcel("japanpost", number)));
    }

    private void sagawa(HttpExchange exchange) throws IOException {
        String number = query(exchange.getRequestURI().getRawQuery()).getOrDefault("okurijoNo", "");
        answer(exchange, () -> CarrierPages.sagawa(parcel("sagawa", number)));
    }

    private void seventeenTrackRegister(HttpExchange exchange) throws IOException {
        if (authorized(exchange, "seventeentrack", "17token")) {
            List<String> fresh = new ArrayList<>();
            List<String> again = new ArrayList<>();
            for (String number : numbersIn(exchange)) {
                (registered.add(number) ? fresh : again).add(number);
            }
            json(exchange, 200, () -> ApiAnswers.seventeenTrackRegister(fresh, again));
        }
    }

    private void seventeenTrack(HttpExchange exchange) throws IOException {
        if (authorized(exchange, "seventeentrack", "17token")) {
            List<String> numbers = numbersIn(exchange);
            json(exchange, 200, () -> ApiAnswers.seventeenTrack(numbers, this::anyCarrier, registered::contains));
        }
    }

    private void afterShip(HttpExchange exchange) throws IOException {
        if (authorized(exchange, "aftership", "as-api-key")) {
            String numbers = query(exchange.getRequestURI().getRawQuery()).getOrDefault("tracking_numbers", "");
            List<SimulatedParcel> found = java.util.Arrays.stream(numbers.split(",")).map(this::anyCarrier)
                    .filter(java.util.Objects::nonNull).toList();
            json(exchange, 200, () -> ApiAnswers.afterShip(found));
        }
    }

    private void dhl(HttpExchange exchange) throws IOException {
        if (authorized(exchange, "dhl", "DHL-API-Key")) {
            String number = query(exchange.getRequestURI().getRawQuery()).getOrDefault("trackingNumber", "");
            SimulatedParcel p = anyCarrier(number);
            boolean known = p != null && !p.scans().isEmpty();
            json(exchange, known ? 200 : 404, () -> known ? ApiAnswers.dhl(p) : ApiAnswers.dhlNotFound(number));
        }
    }

    private void amazonMcf(HttpExchange exchange) throws IOException {
        count("amazon_mcf");
        String token = exchange.getRequestHeaders().getFirst("x-amz-access-token");
        if (token == null || !issuedTokens.contains(token)) {
            plain(exchange, 403, ApiAnswers.json(Map.of("errors", List.of(Map.of("code", "Unauthorized",
                    "message", "Access to requested resource is denied.")))));
            return;
        }
        String number = query(exchange.getRequestURI().getRawQuery()).getOrDefault("packageNumber", "");
        SimulatedParcel p = anyCarrier(number);
        json(exchange, p == null ? 404 : 200, () -> p == null ? ApiAnswers.json(Map.of("errors", List.of(Map.of("code", "NotFound",
                "message", "Package not found")))) : ApiAnswers.amazonMcf(number, p));
    }

    private void loginWithAmazon(HttpExchange exchange) throws IOException {
        count("lwa");
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean complete = "refresh_token".equals(form.get("grant_type")) && java.util.stream.Stream.of("refresh_token",
                "client_id", "client_secret").allMatch(k -> form.get(k) != null && !form.get(k).isBlank());
        if (!complete) {
            plain(exchange, 401, ApiAnswers.json(Map.of("error", "invalid_client",
                    "error_description", "Client authentication failed")));
            return;
        }
        String token = "Atza|simulated-" + java.util.UUID.randomUUID();
        issuedTokens.add(token);
        json(exchange, 200, () -> ApiAnswers.json(ApiAnswers.map("access_token", token, "token_type", "bearer",
                "expires_in", 3600, "refresh_token", form.get("refresh_token"))));
    }

    /** Counts the request; answers 401 when the credential header is missing or blank. */
    private boolean authorized(HttpExchange exchange, String source, String header) throws IOException {
        count(source);
        String credential = exchange.getRequestHeaders().getFirst(header);
        if (credential == null || credential.isBlank()) {
            plain(exchange, 401, ApiAnswers.json(Map.of("code", 401, "message", "missing " + header)));
            return false;
        }
        return true;
    }

    private void count(String source) {
        requests.incrementAndGet();
        requestsBySource.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
    }

    private static List<String> numbersIn(HttpExchange exchange) throws IOException {
        var items = ApiAnswers.JSON.readTree(exchange.getRequestBody().readAllBytes());
        List<String> numbers = new ArrayList<>();
        items.forEach(item -> numbers.add(item.path("number").asString("")));
        return numbers;
    }

    /** A JSON answer, or the outage's 503 while failing. */
    private void json(HttpExchange exchange, int status, java.util.function.Supplier<String> body) throws IOException {
        if (failing) {
            plain(exchange, 503, "{\"message\":\"Service Unavailable\"}");
        } else {
            plain(exchange, status, body.get());
        }
    }

    private static void plain(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The parcel with this number whatever its carrier (the APIs are asked by number), or null. */
    private SimulatedParcel anyCarrier(String number) {
        String digits = number.replaceAll("[^0-9A-Za-z]", "");
        return parcels.values().stream().filter(p -> p.trackingNumber().equals(digits)).findFirst().orElse(null);
    }

    private SimulatedParcel parcel(String carrier, String number) {
        String digits = number.replaceAll("[^0-9A-Za-z]", "");
        return parcels.getOrDefault(carrier + ":" + digits, new SimulatedParcel(carrier, digits, List.of()));
    }

    private void answer(HttpExchange exchange, java.util.function.Supplier<String> page) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body = failing ? "<html><body>ただいまアクセスが集中しています。</body></html>".getBytes(StandardCharsets.UTF_8)
                    : page.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
