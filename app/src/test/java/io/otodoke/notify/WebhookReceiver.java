package io.otodoke.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver in the test's JVM (the JDK's HttpServer on a free loopback port): it keeps
 * every POST per path and answers each path with the status the test chose (204 by default).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Instant at, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(Instant.now(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answers.getOrDefault(path, 204), -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int status) {
        answers.put(path, status);
    }

    List<Received> at(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
