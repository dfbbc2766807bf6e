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
 * ({@code GET /sagawa/p/web/okurijosearch.do}) in their current layouts, for the parcels put into it.
 * Point a source's base URL at {@link #baseUrl(String)} and the real poll → parse → ingest path
 * runs without the internet. {@link #failing(boolean)} makes every answer a 503, as an outage.
 */
public final class CarrierSimulator implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, SimulatedParcel> parcels = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
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
