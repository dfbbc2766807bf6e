package io.otodoke.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingest throughput: every shipment gets its life's events, interleaved across shipments the way
 * scans arrive from a carrier network (round r carries the r-th event of every parcel), so each
 * batch touches a thousand shipments that already have history. Baseline: PostgreSQL's COPY of
 * the same rows into a table of the same shape and indexes.
 */
final class IngestBenchmark {

    private static final String[][] LIFE = {
            {"LABEL_CREATED", "出荷指示", "ヤマト運輸"},
            {"PICKED_UP", "荷物受付", "東京中央支店"},
            {"IN_TRANSIT", "発送済み", "東京中央支店"},
            {"IN_TRANSIT", "作業店通過", "羽田クロノゲートベース"},
            {"IN_TRANSIT", "輸送中", "関西ゲートウェイ"},
            {"ARRIVED_AT_DELIVERY_BASE", "配達店到着", "大阪梅田センター"},
            {"OUT_FOR_DELIVERY", "配達中", "大阪梅田センター"},
            {"DELIVERY_ATTEMPTED", "持戻（ご不在）", "大阪梅田センター"},
            {"OUT_FOR_DELIVERY", "配達中", "大阪梅田センター"},
            {"DELIVERED", "配達完了", "大阪梅田センター"}};

    private final ConfigurableApplicationContext context;
    private final int events;
    private final int batch;
    private final int perShipment;
    private final int clients;
    private final int shipments;
    private final Instant base = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    IngestBenchmark(ConfigurableApplicationContext context, int events, int batch, int perShipment, int clients) {
        this.context = context;
        this.batch = batch;
        this.perShipment = perShipment;
        this.clients = clients;
        this.shipments = Math.max(1, events / perShipment);
        this.events = shipments * perShipment;
    }

    void run() throws Exception {
        BenchClient client = new BenchClient(BenchCommand.port(context));
        System.out.printf("Registering %,d shipments…%n", shipments);
        for (int from = 0; from < shipments; from += 5000) {
            StringBuilder body = new StringBuilder("[");
            for (int s = from; s < Math.min(from + 5000, shipments); s++) {
                body.append(s == from ? "" : ",").append("{\"carrier\":\"yamato\",\"trackingNumber\":\"").append(number(s))
                        .append("\",\"createdAt\":\"").append(base).append("\"}");
            }
            client.post("/api/v1/shipments", body.append(']').toString());
        }

        int batches = (events + batch - 1) / batch;
        // The load generator's own work is done before the clock starts: only the server is measured.
        byte[][] bodies = new byte[batches][];
        for (int b = 0; b < batches; b++) {
            bodies[b] = eventBatch(b * batch, Math.min((b + 1) * batch, events)).getBytes(StandardCharsets.UTF_8);
        }
        System.out.printf("Ingesting %,d events in %,d batches of %,d with %d clients…%n", events, batches, batch, clients);
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        ProgressBar progress = new ProgressBar("ingest", batches);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        String response = client.post("/api/v1/events", bodies[b]);
                        accepted.addAndGet(acceptedOf(response));
                        synchronized (progress) {
                            progress.update(done.incrementAndGet());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        progress.finish(batches);
        if (accepted.get() != events) {
            throw new IllegalStateException("expected " + events + " events accepted, got " + accepted.get());
        }
        double ingestRate = events / ingestSeconds;
        System.out.printf("ingest: %,d events in %.1f s = %,.0f events/s%n", events, ingestSeconds, ingestRate);

        double copyRate = copyBaseline();
        BenchCommand.result("ingest", ingestRate, "events/s", copyRate, ingestRate / copyRate);
    }

    private static long acceptedOf(String response) {
        int i = response.indexOf("\"accepted\":");
        int end = response.indexOf(',', i);
        return Long.parseLong(response.substring(i + 11, end).trim());
    }

    private static String number(int shipment) {
        return Long.toString(400_000_000_000L + shipment);
    }

    /** Event k of the interleaved sequence: round k / shipments of shipment k % shipments. */
    private String eventBatch(int from, int to) {
        StringBuilder b = new StringBuilder((to - from) * 260).append('[');
        for (int k = from; k < to; k++) {
            int s = k % shipments;
            int round = k / shipments;
            String[] life = LIFE[round % LIFE.length];
            if (k > from) {
                b.append(',');
            }
            b.append("{\"carrier\":\"yamato\",\"trackingNumber\":\"").append(number(s))
                    .append("\",\"source\":\"yamato\",\"status\":\"").append(life[0])
                    .append("\",\"rawText\":\"").append(life[1])
                    .append("\",\"occurredAt\":\"").append(time(s, round))
                    .append("\",\"location\":{\"name\":\"").append(life[2]).append("\"},\"sourceSequence\":").append(round)
                    .append('}');
        }
        return b.append(']').toString();
    }

    private String time(int shipment, int round) {
        return base.plusSeconds(shipment % 86_400 + round * 3_600L).atOffset(java.time.ZoneOffset.ofHours(9)).toString();
    }

    /** COPY of the same rows into a table like tracking_events, with the same indexes. */
    private double copyBaseline() throws Exception {
        DataSource ds = context.getBean(DataSource.class);
        try (Connection con = ds.getConnection(); Statement st = con.createStatement()) {
            st.execute("drop table if exists bench_copy");
            st.execute("create table bench_copy (like tracking_events including all)");
            List<Long> ids = new ArrayList<>(shipments);
            try (var rs = st.executeQuery("select id from shipments order by tracking_number")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            con.setAutoCommit(false);
            System.out.printf("Baseline: COPY of the same %,d rows…%n", events);
            long start = System.nanoTime();
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy bench_copy (shipment_id, event_key, source, status, raw_text, occurred_local, occurred_zone,
                        occurred_precision, occurred_at, location_name, source_sequence, received_at) from stdin""");
            StringBuilder chunk = new StringBuilder(1 << 20);
            String received = Instant.now().toString();
            for (int k = 0; k < events; k++) {
                int s = k % shipments;
                int round = k / shipments;
                String[] life = LIFE[round % LIFE.length];
                String at = time(s, round);
                chunk.append(ids.get(s)).append('\t').append(UUID.randomUUID()).append("\tyamato\t").append(life[0])
                        .append('\t').append(life[1]).append('\t').append(at, 0, 16).append("\tAsia/Tokyo\tMINUTE\t")
                        .append(at).append('\t').append(life[2]).append('\t').append(round).append('\t').append(received)
                        .append('\n');
                if (chunk.length() > (1 << 20) - 512) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            long rows = copy.endCopy();
            con.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = rows / seconds;
            System.out.printf("COPY: %,d rows in %.1f s = %,.0f rows/s%n", rows, seconds, rate);
            st.execute("drop table bench_copy");
            con.commit();
            return rate;
        }
    }

    /** A keep-alive HTTP/1.1 client with the bench API key. */
    static final class BenchClient {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;

        BenchClient(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        String post(String path, String json) throws IOException, InterruptedException {
            return post(path, json.getBytes(StandardCharsets.UTF_8));
        }

        String post(String path, byte[] json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + BenchCommand.BENCH_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
