package io.otodoke.cli;

import io.otodoke.fleet.OsmAndPort;
import io.otodoke.tracking.EventTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Positions from drivers' phones as they arrive: OsmAnd GET requests (Traccar Client's form) on
 * the OsmAnd port, each answered only after its position is committed, from many phones at once
 * over keep-alive connections. Baseline: the same requests to a no-op context of the same port
 * (same JDK server, threads and client; it answers 200 and does nothing), in alternating rounds
 * after a warm-up of both.
 *
 * <p>The client writes the request bytes and reads the status line and the declared length over
 * plain sockets: the JDK's HttpClient costs more CPU per request than the server under test and
 * shares the two cores with it, which would cap both sides at the client's rate.
 */
final class PositionsBenchmark {

    private static final int ROUNDS = 4;
    private static final String DEVICE = "bench-van-";
    private static final int STOPS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final int vehicles;
    private final int requests;
    private final int warmup;
    private final int clients;
    /** The n-th OsmAnd request carries step n / vehicles of vehicle n % vehicles. */
    private final AtomicInteger sequence = new AtomicInteger();
    private final long firstTime;

    PositionsBenchmark(ConfigurableApplicationContext context, int vehicles, int requests, int warmup, int clients) {
        this.context = context;
        this.vehicles = vehicles;
        this.requests = requests;
        this.warmup = warmup;
        this.clients = clients;
        // One second per step and vehicle, ending ten minutes ago: never in the future. The no-op requests
        // take steps of the same sequence, so both sides count.
        this.firstTime = Instant.now().getEpochSecond() - 600 - 2L * (requests + warmup) / vehicles;
    }

    void run() throws Exception {
        int port = context.getBean(OsmAndPort.class).port();
        var api = new IngestBenchmark.BenchClient(BenchCommand.port(context));
        System.out.printf("Registering %,d vehicles…%n", vehicles);
        for (int v = 0; v < vehicles; v++) {
            api.post("/api/v1/vehicles", "{\"name\":\"Bench van " + v + "\",\"deviceId\":\"" + DEVICE + v + "\"}");
        }
        startRoutes(api);
        System.out.printf("%,d OsmAnd requests to the OsmAnd port and %,d to its no-op context, %d clients, "
                + "after %,d warm-up requests each…%n", requests, requests, clients, warmup);
        ProgressBar progress = new ProgressBar("positions", 2L * ROUNDS + 2);
        measure(port, "/", warmup);
        measure(port, OsmAndPort.BENCH_NO_OP, warmup);
        progress.update(2);
        double positionSeconds = 0;
        double noOpSeconds = 0;
        int perRound = requests / ROUNDS;
        for (int r = 0; r < ROUNDS; r++) {
            positionSeconds += measure(port, "/", perRound);
            noOpSeconds += measure(port, OsmAndPort.BENCH_NO_OP, perRound);
            progress.update(2L * r + 4);
        }
        progress.finish(2L * ROUNDS + 2);
        check(warmup + perRound * ROUNDS);
        double positions = perRound * ROUNDS / positionSeconds;
        double noOp = perRound * ROUNDS / noOpSeconds;
        System.out.printf(Locale.ROOT, "positions: %,.0f requests/s stored, no-op: %,.0f requests/s (%,d requests "
                + "each, %d clients, %,d vehicles)%n", positions, noOp, perRound * ROUNDS, clients, vehicles);
        BenchCommand.result("positions", positions, "requests/s", noOp, positions / noOp);
    }

    /**
     * Every van on a started route of {@link #STOPS} stops along the way it will drive, so that each
     * position moves a van of a route under way and recomputes its stops away and ETAs, as in service.
     */
    private void startRoutes(IngestBenchmark.BenchClient api) throws Exception {
        System.out.printf("Planning and starting %,d routes of %d stops…%n", vehicles, STOPS);
        api.post("/api/v1/depots", "{\"code\":\"BENCH\",\"name\":\"Bench depot\",\"latitude\":35.59,"
                + "\"longitude\":139.64}");
        StringBuilder shipments = new StringBuilder("[");
        for (int v = 0; v < vehicles; v++) {
            for (int k = 0; k < STOPS; k++) {
                shipments.append(shipments.length() > 1 ? "," : "").append("{\"carrier\":\"own_fleet\",")
                        .append("\"trackingNumber\":\"").append(number(v, k)).append("\"}");
            }
            if ((v + 1) % 20 == 0 || v == vehicles - 1) {
                api.post("/api/v1/shipments", shipments.append(']').toString());
                shipments.setLength(1);
            }
        }
        String today = LocalDate.now(EventTime.TOKYO).toString();
        for (int v = 0; v < vehicles; v++) {
            StringBuilder route = new StringBuilder("{\"code\":\"BENCH-").append(v).append("\",\"serviceDate\":\"")
                    .append(today).append("\",\"depot\":\"BENCH\",\"vehicle\":\"").append(DEVICE).append(v)
                    .append("\",\"stops\":[");
            for (int k = 0; k < STOPS; k++) {
                // on the diagonal the van drives: one stop every 100 steps
                StringBuilder lat = new StringBuilder();
                StringBuilder lon = new StringBuilder();
                degrees(lat, 35_600_000 + v % 20 * 10_000 + (k + 1) * 1_000);
                degrees(lon, 139_650_000 + v / 20 * 10_000 + (k + 1) * 1_000);
                route.append(k > 0 ? "," : "").append("{\"address\":\"Bench stop ").append(k)
                        .append("\",\"latitude\":").append(lat).append(",\"longitude\":").append(lon)
                        .append(",\"trackingNumbers\":[\"").append(number(v, k)).append("\"]}");
            }
            String created = api.post("/api/v1/routes", route.append("]}").toString());
            long id = JSON.readTree(created).get("id").asLong();
            api.post("/api/v1/routes/" + id + "/start", "");
        }
    }

    /** Tracking numbers are compared without separators, so the vehicle's and stop's numbers have fixed widths. */
    private static String number(int vehicle, int stop) {
        return String.format(Locale.ROOT, "BENCH%05d%02d", vehicle, stop);
    }

    /** Seconds for {@code count} requests to {@code path} from all clients; each must be answered 200. */
    private double measure(int port, String path, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    try (Connection connection = new Connection(port)) {
                        StringBuilder request = new StringBuilder(200);
                        while (next.getAndIncrement() < count) {
                            int status = connection.exchange(request(request, path, sequence.getAndIncrement()));
                            if (status != 200) {
                                throw new IllegalStateException(path + " answered " + status);
                            }
                        }
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Traccar Client's GET, with the same query for the no-op so both sides read the same bytes. */
    private byte[] request(StringBuilder b, String path, int n) {
        int vehicle = n % vehicles;
        int step = n / vehicles;
        b.setLength(0);
        b.append("GET ").append(path).append("?id=").append(DEVICE).append(vehicle)
                .append("&lat=");
        degrees(b, 35_600_000 + vehicle % 20 * 10_000 + step * 10);
        b.append("&lon=");
        degrees(b, 139_650_000 + vehicle / 20 * 10_000 + step * 10);
        b.append("&timestamp=").append(firstTime + step).append("&speed=").append(step % 30)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: otodoke-bench\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Microdegrees as degrees with six decimals, without String.format's cost on the shared CPU. */
    private static void degrees(StringBuilder b, int micro) {
        String fraction = Integer.toString(micro % 1_000_000);
        b.append(micro / 1_000_000).append('.').append("000000", fraction.length(), 6).append(fraction);
    }

        /** Every answered position is stored, and every vehicle has a current position. */
    private void check(int expected) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long stored = jdbc.sql("select count(*) from positions").query(Long.class).single();
        long current = jdbc.sql("select count(distinct vehicle_id) from positions").query(Long.class).single();
        if (stored != expected || current != vehicles) {
            throw new IllegalStateException("expected " + expected + " positions of " + vehicles + " vehicles, found "
                    + stored + " positions and " + current + " current ones");
        }
    }

    /** One keep-alive HTTP/1.1 connection: a request, then its status line, headers and declared body. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** The status of the answer to {@code request}, whose body is read and dropped. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            int headerEnd;
            while ((headerEnd = headerEnd()) < 0) {
                fill();
            }
            String head = new String(buffer, start, headerEnd - start, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).strip());
                }
            }
            start = headerEnd + 4;
            while (end - start < length) {
                fill();
            }
            start += (int) length;
            return status;
        }

        private int headerEnd() {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                throw new IOException("an answer's head is longer than " + buffer.length + " bytes");
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            end += n;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
