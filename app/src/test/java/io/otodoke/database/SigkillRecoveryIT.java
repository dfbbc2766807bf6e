package io.otodoke.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durability as a user would see it: the packaged server is killed with SIGKILL in the middle of
 * a long ingest; every batch it acknowledged is there after the next start, and that start needs
 * no manual clean-up although the killed JVM left its PostgreSQL running.
 */
class SigkillRecoveryIT {

    static final String KEY = "it-key";
    static final int SHIPMENTS = 50;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void acknowledgedEventsSurviveSigkillAndTheNextStartNeedsNoCleanup() throws Exception {
        Path dataDir = Path.of("target", "it-sigkill-" + UUID.randomUUID());
        int port = freePort();
        Process first = start(dataDir, port, "first");
        List<String> acknowledged = new ArrayList<>();
        try {
            awaitHealthy(port, first);
            StringBuilder shipments = new StringBuilder("[");
            for (int s = 0; s < SHIPMENTS; s++) {
                shipments.append(s == 0 ? "" : ",").append("{\"carrier\":\"yamato\",\"trackingNumber\":\"").append(number(s)).append("\"}");
            }
            post(port, "/api/v1/shipments", shipments.append("]").toString());

            Instant killAt = Instant.now().plusSeconds(4);
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(Duration.between(Instant.now(), killAt).toMillis());
                } catch (InterruptedException ignored) {
                    return;
                }
                first.destroyForcibly(); // SIGKILL on Linux
            });
            for (int batch = 0; ; batch++) {
                List<String> texts = new ArrayList<>();
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < 200; i++) {
                    String text = "scan-" + batch + "-" + i;
                    texts.add(text);
                    body.append(i == 0 ? "" : ",").append("{\"carrier\":\"yamato\",\"trackingNumber\":\"")
                            .append(number(i % SHIPMENTS)).append("\",\"source\":\"it\",\"status\":\"IN_TRANSIT\",\"rawText\":\"")
                            .append(text).append("\",\"occurredAt\":\"")
                            .append(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(600L * (batch * 200 + i))).append("\"}");
                }
                try {
                    HttpResponse<String> r = post(port, "/api/v1/events", body.append("]").toString());
                    if (r.statusCode() == 200) {
                        assertThat(json.readTree(r.body()).get("accepted").asInt()).isEqualTo(200);
                        acknowledged.addAll(texts);
                    }
                } catch (IOException killed) {
                    break;
                }
            }
            killer.join();
            assertThat(first.waitFor()).isEqualTo(137);
        } finally {
            first.destroyForcibly();
        }
        assertThat(acknowledged).isNotEmpty();

        Process second = start(dataDir, port, "second");
        try {
            awaitHealthy(port, second);
            Set<String> stored = new HashSet<>();
            for (int s = 0; s < SHIPMENTS; s++) {
                JsonNode results = json.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/track?numbers=" + number(s))).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).get("results");
                for (JsonNode e : results.get(0).get("shipments").get(0).get("timeline")) {
                    stored.add(e.get("rawText").asString());
                }
            }
            assertThat(stored).containsAll(acknowledged);
            // The killed JVM's PostgreSQL was still running: the second start stopped it by itself.
            assertThat(java.nio.file.Files.readString(log(dataDir, "second"))).contains("Stopping an orphaned PostgreSQL server");
        } finally {
            second.destroy(); // SIGTERM: a graceful stop that also stops PostgreSQL
            second.waitFor();
        }
    }

    static String number(int s) {
        return Long.toString(700_000_000_000L + s);
    }

    Process start(Path dataDir, int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-jar", Path.of("target", "otodoke.jar").toString(), "serve",
                "--server.port=" + port, "--otodoke.data-dir=" + dataDir, "--otodoke.api.key=" + KEY,
                "--otodoke.connector.polling=false", "--otodoke.fleet.osmand-port=-1")
                .redirectErrorStream(true)
                .redirectOutput(log(dataDir, name).toFile())
                .start();
    }

    static Path log(Path dataDir, String name) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
    }

    void awaitHealthy(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process alive").isTrue();
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become healthy in 120 s");
    }

    HttpResponse<String> post(int port, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
