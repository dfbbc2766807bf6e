package io.otodoke.cli;

import com.sun.net.httpserver.HttpServer;
import io.otodoke.notify.Dispatcher;
import io.otodoke.notify.NotifyProperties;
import io.otodoke.notify.WebhookPoster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook notifications per second from the outbox to a receiver in this process (the JDK's
 * HttpServer answering 204). The real path fills the outbox: shipments registered and their events
 * posted to {@code /api/v1/events}, tracking's events through the event publication registry to
 * the milestone listener, one row per milestone for the endpoint's tenant-wide subscription. The
 * dispatcher is off on this server until the outbox holds them all; then it drains it, and the
 * figure is rows / (time from the start of the drain to the last POST received). Baseline: the
 * same bodies, signed the same way, posted by the channel's own {@link WebhookPoster} with as many
 * at a time as the dispatcher sends (its batch size) to the same receiver. A warm-up round of each
 * goes first.
 */
final class NotifyBenchmark {

    /**
     * Each status is a milestone that is still sent after the next one (not out for delivery, which is
     * dropped once delivered); a registered shipment is already LABEL_CREATED, so that is not news.
     */
    private static final String[][] LIFE = {
            {"PICKED_UP", "荷物受付"},
            {"DELIVERY_ATTEMPTED", "持戻（ご不在）"},
            {"EXCEPTION", "調査中"},
            {"DELIVERED", "配達完了"}};

    private final ConfigurableApplicationContext context;
    private final int shipments;
    private final int warmupShipments;
    private final JdbcClient jdbc;
    private final int concurrency;
    private final Instant base = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lastReceivedNanos = new AtomicLong();
    private volatile ConcurrentLinkedQueue<Post> recording;

    /** What the receiver got: the event id header and the body, replayed by the baseline. */
    private record Post(String eventId, byte[] body) {
    }

    NotifyBenchmark(ConfigurableApplicationContext context, int shipments, int warmupShipments) {
        this.context = context;
        this.shipments = shipments;
        this.warmupShipments = warmupShipments;
        this.jdbc = context.getBean(JdbcClient.class);
        this.concurrency = context.getBean(NotifyProperties.class).dispatcher().maxInFlight();
    }

    void run() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ConcurrentLinkedQueue<Post> r = recording;
            if (r != null) {
                r.add(new Post(exchange.getRequestHeaders().getFirst("Otodoke-Event-Id"), body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            received.incrementAndGet();
            lastReceivedNanos.set(System.nanoTime());
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            IngestBenchmark.BenchClient client = new IngestBenchmark.BenchClient(BenchCommand.port(context));
            String made = client.post("/api/v1/webhook-endpoints", "{\"url\":\"" + url + "\"}");
            String secret = made.replaceAll("(?s).*\"secret\":\"([^\"]+)\".*", "$1");

            System.out.printf("Warm-up: %,d shipments, %,d notifications…%n", warmupShipments, warmupShipments * LIFE.length);
            drain(client, 0, warmupShipments, false);
            System.out.printf("Filling the outbox: %,d shipments, %,d milestone events through POST /api/v1/events…%n",
                    shipments, shipments * LIFE.length);
            recording = new ConcurrentLinkedQueue<>();
            double notifyRate = drain(client, warmupShipments, shipments, true);
            List<Post> posts = new ArrayList<>(recording);
            recording = null;

            WebhookPoster poster = context.getBean(WebhookPoster.class);
            directPosts(poster, url, secret, posts.subList(0, Math.min(posts.size(), warmupShipments * LIFE.length)), false);
            double directRate = directPosts(poster, url, secret, posts, true);
            BenchCommand.result("notify", notifyRate, "notifications/s", directRate, notifyRate / directRate);
        } finally {
            receiver.stop(0);
        }
    }

    /** Registers shipments, ingests their milestones, waits for the outbox to hold them, then times its drain. */
    private double drain(IngestBenchmark.BenchClient client, int from, int count, boolean report) throws Exception {
        for (int s = from; s < from + count; s += 1000) {
            StringBuilder body = new StringBuilder("[");
            for (int k = s; k < Math.min(s + 1000, from + count); k++) {
                body.append(k == s ? "" : ",").append("{\"carrier\":\"yamato\",\"trackingNumber\":\"").append(number(k))
                        .append("\",\"createdAt\":\"").append(base).append("\",\"order\":{\"orderNumber\":\"B-")
                        .append(k).append("\"}}");
            }
            client.post("/api/v1/shipments", body.append(']').toString());
        }
        long before = rows();
        int expected = count * LIFE.length;
        for (int round = 0; round < LIFE.length; round++) {
            for (int s = from; s < from + count; s += 1000) {
                StringBuilder b = new StringBuilder("[");
                for (int k = s; k < Math.min(s + 1000, from + count); k++) {
                    b.append(k == s ? "" : ",").append("{\"carrier\":\"yamato\",\"trackingNumber\":\"").append(number(k))
                            .append("\",\"source\":\"yamato\",\"status\":\"").append(LIFE[round][0])
                            .append("\",\"rawText\":\"").append(LIFE[round][1])
                            .append("\",\"occurredAt\":\"").append(base.plusSeconds(round * 3_600L).atOffset(ZoneOffset.ofHours(9)))
                            .append("\",\"sourceSequence\":").append(round).append('}');
                }
                client.post("/api/v1/events", b.append(']').toString());
            }
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (rows() - before < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox holds " + (rows() - before) + " of " + expected + " notifications");
            }
            Thread.sleep(50);
        }
        if (report) {
            System.out.printf("Draining %,d notifications (dispatcher batch %d, sent at once per batch)…%n", expected, concurrency);
        }
        long target = received.get() + expected;
        ProgressBar progress = report ? new ProgressBar("notify", expected) : null;
        long start = System.nanoTime();
        Thread drainer = Thread.ofVirtual().start(() -> context.getBean(Dispatcher.class).dispatchDue());
        while (received.get() < target) {
            if (progress != null) {
                progress.update(expected - (target - received.get()));
            }
            if (!drainer.isAlive() && received.get() < target) {
                throw new IllegalStateException("the dispatcher stopped with " + (target - received.get()) + " not received");
            }
            Thread.sleep(20);
        }
        double seconds = (lastReceivedNanos.get() - start) / 1e9;
        drainer.join();
        long sent = jdbc.sql("select count(*) from notify_notifications where state = 'SENT'").query(Long.class).single();
        if (report) {
            progress.finish(expected);
            System.out.printf("notify: %,d notifications in %.2f s = %,.0f notifications/s (%,d rows SENT in all)%n",
                    expected, seconds, expected / seconds, sent);
        }
        return expected / seconds;
    }

    /** The same bodies, signed and posted by the channel's client, as many at once as the dispatcher sends. */
    private double directPosts(WebhookPoster poster, String url, String secret, List<Post> posts, boolean report)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                futures.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < posts.size(); i = next.getAndIncrement()) {
                        Post p = posts.get(i);
                        WebhookPoster.Answer a = poster.post(url, secret, p.eventId(), p.body());
                        if (!a.accepted()) {
                            throw new IllegalStateException("the receiver answered " + a.status() + " " + a.error());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf("direct POSTs: %,d in %.2f s = %,.0f posts/s (%d at a time)%n", posts.size(), seconds,
                    posts.size() / seconds, concurrency);
        }
        return posts.size() / seconds;
    }

    private long rows() {
        return jdbc.sql("select count(*) from notify_notifications").query(Long.class).single();
    }

    private static String number(int shipment) {
        return Long.toString(500_000_000_000L + shipment);
    }
}
