package io.otodoke.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Benchmarks that measure a figure and, in the same run, a baseline on the same machine. Each
 * ends with one line {@code RESULT name=… value=… unit=… baseline=… ratio=…}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure performance against a baseline measured in the same run (docs/benchmarks.md).",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Lookup.class, BenchCommand.Detect.class,
                BenchCommand.Parse.class, BenchCommand.PositionsBench.class,
                BenchCommand.Notify.class,
                BenchCommand.Safety.class, BenchCommand.Routing.class})
class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * A fresh server on a random port with its own data folder, removed afterwards unless --keep;
     * with {@code osmAndPort} the OsmAnd protocol's own port too, on any free port.
     */
    static ConfigurableApplicationContext startServer(Path dataDir, List<String> springArgs, boolean osmAndPort)
            throws IOException {
        deleteRecursively(dataDir);
        Map<String, Object> props = new HashMap<>();
        props.put("otodoke.data-dir", dataDir.toString());
        props.put("otodoke.api.key", BENCH_KEY);
        props.put("otodoke.bench.enabled", "true");
        // One load generator on one address would hit the public lookup's per-client limit at once.
        props.put("otodoke.lookup.enabled", "false");
        // The benchmark's shipments are invented: nobody should ask the real carriers about them.
        props.put("otodoke.connector.polling", "false");
        // Only where measured, and then on any free port: a second server must not clash on 5055.
        props.put("otodoke.fleet.osmand-port", osmAndPort ? "0" : "-1");
        props.put("logging.level.root", "WARN");
        props.put("spring.main.log-startup-info", "false");
        // an argument, not a default property: application.properties' server.port=8080 would win over a default
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0"));
        if (springArgs != null) {
            args.addAll(springArgs);
        }
        return Spring.server(props, args);
    }

    static final String BENCH_KEY = "bench-" + Long.toHexString(new java.security.SecureRandom().nextLong());

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The scratch data folder of a benchmark's own server. */
    static final class Scratch {
        @Option(names = "--data-dir", defaultValue = "./data-bench", description = "scratch folder, emptied first (default ${DEFAULT-VALUE})")
        Path dataDir;
        @Option(names = "--keep", description = "keep the scratch folder afterwards")
        boolean keep;

        interface Benchmark {
            void run(ConfigurableApplicationContext context) throws Exception;
        }

        int onFreshServer(List<String> springArgs, Benchmark benchmark) throws Exception {
            return onFreshServer(springArgs, false, benchmark);
        }

        int onFreshServer(List<String> springArgs, boolean osmAndPort, Benchmark benchmark) throws Exception {
            try (var context = startServer(dataDir, springArgs, osmAndPort)) {
                benchmark.run(context);
            } finally {
                if (!keep) {
                    deleteRecursively(dataDir);
                }
            }
            return 0;
        }
    }

    static void result(String name, double value, String unit, double baseline, double ratio) {
        System.out.printf(java.util.Locale.ROOT, "RESULT name=%s value=%.1f unit=%s baseline=%.1f ratio=%.3f%n",
                name, value, unit, baseline, ratio);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Events/s through POST /api/v1/events into PostgreSQL, against the raw COPY rate of the same rows.",
                    "RESULT name=ingest unit=events/s, ratio = ingest / COPY."})
    static class Ingest implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--events", defaultValue = "1000000", description = "events in all (default ${DEFAULT-VALUE})")
        int events;
        @Option(names = "--batch", defaultValue = "1000", description = "events per request (default ${DEFAULT-VALUE})")
        int batch;
        @Option(names = "--events-per-shipment", defaultValue = "10", description = "default ${DEFAULT-VALUE}")
        int perShipment;
        @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default ${DEFAULT-VALUE})")
        int clients;
        @Mixin
        Scratch scratch;
        @Unmatched
        List<String> springArgs;

        @Override
        public Integer call() throws Exception {
            return scratch.onFreshServer(springArgs, context -> new IngestBenchmark(context, events, batch, perShipment, clients).run());
        }
    }

    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = {"p99 latency of GET /api/v1/track with many shipments stored, against the p99 of a static",
                    "JSON endpoint of the same size on the same server. RESULT name=lookup_p99 unit=ms, ratio = static / lookup."})
    static class Lookup implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--shipments", defaultValue = "1000000", description = "shipments stored (default ${DEFAULT-VALUE})")
        int shipments;
        @Option(names = "--requests", defaultValue = "20000", description = "measured requests per endpoint (default ${DEFAULT-VALUE})")
        int requests;
        @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default ${DEFAULT-VALUE})")
        int clients;
        @Mixin
        Scratch scratch;
        @Unmatched
        List<String> springArgs;

        @Override
        public Integer call() throws Exception {
            return scratch.onFreshServer(springArgs, context -> new LookupBenchmark(context, shipments, requests, clients).run());
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = {"Single-thread tracking-number detections/s (JMH) on a realistic mix, against getTracking() of the npm",
                    "package ts-tracking-number on the inputs whose carrier both detect (needs node and npm). No server, no database.",
                    "RESULT name=detect unit=ops/s, value and baseline on that shared subset, ratio = ours / ts-tracking-number."})
    static class Detect implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--seed", defaultValue = "20261129", description = "seed of the mix (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--size", defaultValue = "10000", description = "inputs in the mix (default ${DEFAULT-VALUE})")
        int size;
        @Option(names = "--warmup-iterations", defaultValue = "3", description = "default ${DEFAULT-VALUE}")
        int warmupIterations;
        @Option(names = "--warmup-seconds", defaultValue = "2", description = "per warm-up iteration (default ${DEFAULT-VALUE})")
        int warmupSeconds;
        @Option(names = "--iterations", defaultValue = "5", description = "measured iterations (default ${DEFAULT-VALUE})")
        int iterations;
        @Option(names = "--seconds", defaultValue = "2", description = "per measured iteration (default ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--forks", defaultValue = "1",
                description = "JMH forks (default ${DEFAULT-VALUE}; 0 runs JMH in this JVM, without extracting the jar for the forks)")
        int forks;
        @Option(names = "--quick", description = "1 x 1 s warm-up and 2 x 1 s measured: a smoke run, not a figure to record")
        boolean quick;
        @Option(names = "--node-dir", description = "where ts-tracking-number is installed and its inputs written (default: otodoke-bench-node in the temp folder)")
        Path nodeDir;

        @Override
        public Integer call() throws Exception {
            DetectBenchmark.Timing timing = quick
                    ? new DetectBenchmark.Timing(1, 1, 2, 1, forks)
                    : new DetectBenchmark.Timing(warmupIterations, warmupSeconds, iterations, seconds, forks);
            Path dir = nodeDir != null ? nodeDir : Path.of(System.getProperty("java.io.tmpdir"), "otodoke-bench-node");
            return DetectBenchmark.run(seed, size, timing, dir);
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Yamato result pages parsed per second on one thread, against jsoup parsing the same pages alone",
                    "(no server, no database). RESULT name=parse unit=pages/s, ratio = ours / jsoup (target >= 0.5)."})
    static class Parse implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--seed", defaultValue = "20261129", description = "seed of the pages (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--pages", defaultValue = "200", description = "distinct pages of 10 numbers (default ${DEFAULT-VALUE})")
        int pages;
        @Mixin
        Rounds rounds;

        @Override
        public Integer call() {
            return ParseBenchmark.run(seed, pages, rounds.timing());
        }
    }

    @Command(name = "positions", mixinStandardHelpOptions = true,
            description = {"OsmAnd requests (Traccar Client GET) stored per second on the OsmAnd port, against a no-op",
                    "endpoint of the same port, served the same way, with the same client, in alternating rounds.",
                    "RESULT name=positions unit=requests/s, ratio = positions / no-op (target >= 10,000 and >= 0.5)."})
    static class PositionsBench implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--vehicles", defaultValue = "200", description = "registered vehicles (default ${DEFAULT-VALUE})")
        int vehicles;
        @Option(names = "--requests", defaultValue = "200000", description = "measured requests per endpoint (default ${DEFAULT-VALUE})")
        int requests;
        @Option(names = "--warmup", defaultValue = "40000", description = "warm-up requests per endpoint (default ${DEFAULT-VALUE})")
        int warmup;
        @Option(names = "--clients", defaultValue = "160",
                description = {"concurrent keep-alive connections, the same for both (default ${DEFAULT-VALUE}: a commit",
                        "waits for the disk, so the rate is about the requests in flight per commit; at most 200, the",
                        "JDK server's idle connection limit)"})
        int clients;
        @Mixin
        Scratch scratch;
        @Unmatched
        List<String> springArgs;

        @Override
        public Integer call() throws Exception {
            return scratch.onFreshServer(springArgs, true,
                    context -> new PositionsBenchmark(context, vehicles, requests, warmup, clients).run());
        }
    }

    // --- the scam check (docs/safety.md) ---
    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = {"URL checks of the scam check per second on one thread, against the URL parsing and Public Suffix",
                    "List lookup of the same URLs alone (no server, no database; nothing is fetched or resolved). The URLs are",
                    "the phishing development data when found, synthetic otherwise. RESULT name=safety unit=checks/s,",
                    "ratio = checks / parse+PSL (target >= 0.25)."})
    static class Safety implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "folder with dev-urls.tsv (default: found walking up from here)")
        Path data;
        @Option(names = "--synthetic", description = "use synthetic URLs even when the development data is found")
        boolean synthetic;
        @Option(names = "--seed", defaultValue = "20261130", description = "seed of the synthetic URLs (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--urls", defaultValue = "5000", description = "synthetic URLs (default ${DEFAULT-VALUE})")
        int urls;
        @Mixin
        Rounds rounds;

        @Override
        public Integer call() throws Exception {
            return SafetyBenchmark.run(data, synthetic, seed, urls, rounds.timing());
        }
    }

    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = {"Webhook notifications per second drained from a filled outbox (events ingested, the milestone",
                    "listener, the dispatcher, signed POSTs) to a receiver in this process answering 204, against direct",
                    "POSTs of the same bodies, signed the same way, by the same client with the same concurrency.",
                    "RESULT name=notify unit=notifications/s, ratio = outbox / direct (target >= 0.3)."})
    static class Notify implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--shipments", defaultValue = "4000",
                description = "measured shipments, 4 milestones each (default ${DEFAULT-VALUE})")
        int shipments;
        @Option(names = "--warmup-shipments", defaultValue = "1000", description = "default ${DEFAULT-VALUE}")
        int warmupShipments;
        @Mixin
        Scratch scratch;
        @Unmatched
        List<String> springArgs;

        @Override
        public Integer call() throws Exception {
            List<String> args = new java.util.ArrayList<>(List.of(
                    // sending waits until the outbox is full: the drain is what is measured
                    "--otodoke.notify.dispatcher.enabled=false",
                    "--otodoke.notify.webhook.allow-http-loopback=true"));
            if (springArgs != null) {
                args.addAll(springArgs);
            }
            return scratch.onFreshServer(args, context -> new NotifyBenchmark(context, shipments, warmupShipments).run());
        }
    }

    // ---- routing (issue 10) ----

    @Command(name = "routing", mixinStandardHelpOptions = true,
            description = {"Median gap to the best-known distances of Solomon's 56 VRPTW instances (bench/data/vrptw), against",
                    "jsprit (bench/jsprit, its own JVM) with the same time limit per instance, both running side by side.",
                    "No server, no database. RESULT name=routing unit=percent, baseline = jsprit's median gap, ratio = jsprit / ours."})
    static class Routing implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "30", description = "time limit per instance and solver (default ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--instances", defaultValue = "*", paramLabel = "GLOB", description = "e.g. 'C1*' or 'R101' (default all)")
        String instances;
        @Option(names = "--data", defaultValue = "bench/data/vrptw", description = "instances and BKS.json (default ${DEFAULT-VALUE})")
        Path data;
        @Option(names = "--jsprit", defaultValue = "bench/jsprit/target", description = "the built baseline (default ${DEFAULT-VALUE})")
        Path jsprit;

        @Override
        public Integer call() throws Exception {
            if (seconds < 1) {
                System.err.println("Error: --seconds must be at least 1.");
                return 2;
            }
            return new RoutingBenchmark(data, jsprit, java.time.Duration.ofSeconds(seconds)).run(instances);
        }
    }

    /** Warm-up and alternating measured rounds of an in-process benchmark (parse, safety). */
    static class Rounds {
        @Option(names = "--warmup-seconds", defaultValue = "5", description = "for each of the two (default ${DEFAULT-VALUE})")
        int warmupSeconds;
        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds of each (default ${DEFAULT-VALUE})")
        int rounds;
        @Option(names = "--seconds", defaultValue = "2", description = "per round (default ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--quick", description = "1 s warm-up, 2 rounds of 1 s: a smoke run, not a figure to record")
        boolean quick;

        ParseBenchmark.Timing timing() {
            return quick ? new ParseBenchmark.Timing(1, 2, 1) : new ParseBenchmark.Timing(warmupSeconds, rounds, seconds);
        }
    }
}
