package io.otodoke.cli;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Public lookup latency with a large database: shipments and their events are loaded with COPY
 * (set-up, not measured), then random single-number lookups are timed against a static JSON
 * endpoint serving a body of the same size on the same server, in alternating rounds.
 */
final class LookupBenchmark {

    static final int EVENTS_PER_SHIPMENT = 6;
    private static final String[][] LIFE = {
            {"PICKED_UP", "荷物受付", "東京中央支店"},
            {"IN_TRANSIT", "発送済み", "東京中央支店"},
            {"IN_TRANSIT", "作業店通過", "羽田クロノゲートベース"},
            {"ARRIVED_AT_DELIVERY_BASE", "配達店到着", "大阪梅田センター"},
            {"OUT_FOR_DELIVERY", "配達中", "大阪梅田センター"},
            {"DELIVERED", "配達完了", "大阪梅田センター"}};
    private static final int ROUNDS = 4;

    private final ConfigurableApplicationContext context;
    private final int shipments;
    private final int requests;
    private final int clients;

    LookupBenchmark(ConfigurableApplicationContext context, int shipments, int requests, int clients) {
        this.context = context;
        this.shipments = shipments;
        this.requests = requests;
        this.clients = clients;
    }

    static String number(int i) {
        return Long.toString(500_000_000_000L + i);
    }

    void run() throws Exception {
        load();
        var client = new IngestBenchmark.BenchClient(BenchCommand.port(context));
        byte[] sample = client.get("/api/v1/track?numbers=" + number(shipments / 2)).body();
        context.getBean(BenchStaticEndpoint.class).serve(sample);
        System.out.printf("Lookup response: %,d bytes; the static endpoint serves the same bytes.%n", sample.length);

        measure(client, "/api/v1/track?numbers=", Math.min(2000, requests), true);
        measure(client, "/bench/static?n=", Math.min(2000, requests), false);
        List<long[]> lookup = new ArrayList<>();
        List<long[]> baseline = new ArrayList<>();
        ProgressBar progress = new ProgressBar("lookup", 2L * ROUNDS);
        for (int r = 0; r < ROUNDS; r++) {
            lookup.add(measure(client, "/api/v1/track?numbers=", requests / ROUNDS, true));
            baseline.add(measure(client, "/bench/static?n=", requests / ROUNDS, false));
            progress.update(2L * (r + 1));
        }
        progress.finish(2L * ROUNDS);
        double lookupP99 = p99(lookup);
        double staticP99 = p99(baseline);
        System.out.printf("lookup p99 %.2f ms, static JSON p99 %.2f ms (%,d requests each, %d clients, %,d shipments)%n",
                lookupP99, staticP99, requests, clients, shipments);
        BenchCommand.result("lookup_p99", lookupP99, "ms", staticP99, staticP99 / lookupP99);
    }

    private long[] measure(IngestBenchmark.BenchClient client, String prefix, int count, boolean check) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long seed = c * 7919L + count;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String n = number(random.nextInt(shipments));
                        long t0 = System.nanoTime();
                        var response = client.get(prefix + n);
                        latencies[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 200 || (check && !new String(response.body(), StandardCharsets.UTF_8).contains(n))) {
                            throw new IllegalStateException(prefix + n + " answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return latencies;
    }

    private static double p99(List<long[]> rounds) {
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6;
    }

    /** Set-up: shipments and their events straight into the tables with COPY. */
    private void load() throws Exception {
        System.out.printf("Loading %,d shipments with %d events each (COPY, not measured)…%n", shipments, EVENTS_PER_SHIPMENT);
        DataSource ds = context.getBean(DataSource.class);
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        ProgressBar progress = new ProgressBar("load", 2L * shipments);
        try (Connection con = ds.getConnection(); Statement st = con.createStatement()) {
            con.setAutoCommit(false);
            var copyApi = con.unwrap(PGConnection.class).getCopyAPI();
            CopyIn ships = copyApi.copyIn("""
                    copy shipments (tenant_id, carrier, tracking_number, status, status_reason, last_event_at,
                        last_carrier_scan_at, event_count, created_at) from stdin""");
            StringBuilder chunk = new StringBuilder(1 << 20);
            for (int i = 0; i < shipments; i++) {
                String last = base.plusSeconds(i % 86_400 + 5 * 3_600L).toString();
                chunk.append("1\tyamato\t").append(number(i)).append("\tDELIVERED\t\\N\t").append(last).append('\t')
                        .append(last).append('\t').append(EVENTS_PER_SHIPMENT).append('\t').append(base).append('\n');
                flush(ships, chunk, false);
                if (i % 10_000 == 0) {
                    progress.update(i);
                }
            }
            flush(ships, chunk, true);
            ships.endCopy();
            List<Long> ids = new ArrayList<>(shipments);
            try (var rs = st.executeQuery("select id from shipments order by tracking_number")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            CopyIn events = copyApi.copyIn("""
                    copy tracking_events (shipment_id, event_key, source, status, raw_text, occurred_local, occurred_zone,
                        occurred_precision, occurred_at, location_name, source_sequence, received_at) from stdin""");
            String received = Instant.now().toString();
            for (int i = 0; i < shipments; i++) {
                for (int e = 0; e < EVENTS_PER_SHIPMENT; e++) {
                    Instant at = base.plusSeconds(i % 86_400 + e * 3_600L);
                    String local = at.atOffset(java.time.ZoneOffset.ofHours(9)).toLocalDateTime().toString();
                    chunk.append(ids.get(i)).append('\t').append(UUID.randomUUID()).append("\tyamato\t")
                            .append(LIFE[e][0]).append('\t').append(LIFE[e][1]).append('\t').append(local)
                            .append("\tAsia/Tokyo\tMINUTE\t").append(at).append('\t').append(LIFE[e][2]).append('\t')
                            .append(e).append('\t').append(received).append('\n');
                }
                flush(events, chunk, false);
                if (i % 10_000 == 0) {
                    progress.update(shipments + (long) i);
                }
            }
            flush(events, chunk, true);
            events.endCopy();
            con.commit();
            progress.finish(2L * shipments);
            con.setAutoCommit(true);
            st.execute("vacuum analyze shipments");
            st.execute("vacuum analyze tracking_events");
        }
    }

    private static void flush(CopyIn copy, StringBuilder chunk, boolean always) throws java.sql.SQLException {
        if (always || chunk.length() > (1 << 20) - 2048) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
