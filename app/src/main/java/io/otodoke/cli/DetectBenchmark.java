package io.otodoke.cli;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./otodoke bench detect}: single-thread detections per second of
 * {@link TrackingNumberDetector#detect(String)} over the {@link DetectMix}, measured with JMH, and
 * in the same run {@code getTracking()} of the npm package ts-tracking-number on the inputs whose
 * carrier both know. No Spring, no database.
 *
 * <p>The class is JMH's benchmark state: each call of {@link #detect()} detects the next input of
 * the mix, cycling.
 */
@State(Scope.Thread)
public class DetectBenchmark {

    static final String TS_TRACKING_NUMBER = "ts-tracking-number@1.0.17";

    /** {@code full}: the whole mix; {@code shared}: only the inputs the baseline also runs. */
    @Param({"full"})
    public String subset;
    @Param({"20261129"})
    public long seed;
    @Param({"10000"})
    public int size;

    private TrackingNumberDetector detector;
    private String[] inputs;
    private int next;

    @Setup
    public void setUp() {
        detector = new TrackingNumberDetector(new CarrierDirectory());
        List<DetectMix.Input> mix = DetectMix.generate(seed, size);
        inputs = texts("shared".equals(subset) ? DetectMix.shared(mix) : mix);
        next = 0;
    }

    @Benchmark
    public TrackingNumberDetection detect() {
        String input = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return detector.detect(input);
    }

    private static String[] texts(List<DetectMix.Input> inputs) {
        return inputs.stream().map(DetectMix.Input::text).toArray(String[]::new);
    }

    /** How long JMH and the Node baseline warm up and measure. */
    record Timing(int warmupIterations, int warmupSeconds, int iterations, int seconds, int forks) {

        int nodeWarmupSeconds() {
            return warmupIterations * warmupSeconds;
        }

        int nodeSeconds() {
            return iterations * seconds;
        }
    }

    /** Runs the whole benchmark and prints the RESULT line; returns the exit code. */
    static int run(long seed, int size, Timing timing, Path nodeDir) throws Exception {
        List<DetectMix.Input> mix = DetectMix.generate(seed, size);
        List<DetectMix.Input> shared = DetectMix.shared(mix);
        System.out.printf(Locale.ROOT, "Mix: %,d inputs (seed %d)%n", mix.size(), seed);
        printComposition(mix, shared);
        System.out.printf(Locale.ROOT, "Shared subset (carriers ts-tracking-number also detects: %s, and the junk): %,d inputs%n",
                String.join(", ", DetectMix.SHARED_CARRIERS.stream().sorted().toList()), shared.size());

        TrackingNumberDetector detector = new TrackingNumberDetector(new CarrierDirectory());
        long found = shared.stream().filter(in -> !detector.detect(in.text()).candidates().isEmpty()).count();
        System.out.printf(Locale.ROOT, "Otodoke finds candidates for %d/%d inputs of the shared subset%n", found, shared.size());

        Baseline node = runNode(nodeDir, shared, timing);
        System.out.printf(Locale.ROOT, "ts-tracking-number getTracking() (Node %s): %,.1f ops/s on the shared subset, "
                + "recognised %s inputs%n", node.nodeVersion(), node.opsPerSecond(), node.recognised());

        Map<String, Double> ours = runJmh(seed, size, timing);
        double full = ours.get("full");
        double onShared = ours.get("shared");
        System.out.printf(Locale.ROOT, "Otodoke detect (JMH, 1 thread): %,.1f ops/s on the full mix, %,.1f ops/s on the shared subset%n",
                full, onShared);
        BenchCommand.result("detect", onShared, "ops/s", node.opsPerSecond(), onShared / node.opsPerSecond());
        return 0;
    }

    private static void printComposition(List<DetectMix.Input> mix, List<DetectMix.Input> shared) {
        Map<String, Integer> all = DetectMix.composition(mix);
        Map<String, Integer> inShared = DetectMix.composition(shared);
        System.out.printf(Locale.ROOT, "  %-22s %7s %7s %8s%n", "format", "inputs", "share", "shared");
        all.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e ->
                System.out.printf(Locale.ROOT, "  %-22s %7d %6.1f%% %8s%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / mix.size(), inShared.containsKey(e.getKey()) ? "yes" : "-"));
    }

    // --- our figure: JMH ---

    private static Map<String, Double> runJmh(long seed, int size, Timing timing) throws Exception {
        String classPath = System.getProperty("java.class.path");
        Path extracted = timing.forks() > 0 ? forkableClassPath() : null;
        try {
            return jmh(seed, size, timing);
        } finally {
            if (extracted != null) {
                System.setProperty("java.class.path", classPath);
                BenchCommand.deleteRecursively(extracted);
            }
        }
    }

    private static Map<String, Double> jmh(long seed, int size, Timing timing) throws Exception {
        Options options = new OptionsBuilder()
                .include(Pattern.quote(DetectBenchmark.class.getName()) + "\\.detect$")
                .param("subset", "full", "shared")
                .param("seed", Long.toString(seed))
                .param("size", Integer.toString(size))
                .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.seconds(timing.warmupSeconds()))
                .measurementIterations(timing.iterations())
                .measurementTime(TimeValue.seconds(timing.seconds()))
                .forks(timing.forks())
                .threads(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new java.util.HashMap<>();
        for (RunResult r : results) {
            scores.put(r.getParams().getParam("subset"), r.getPrimaryResult().getScore());
        }
        return scores;
    }

    /**
     * JMH starts each fork with {@code -cp <java.class.path>}. Run from the Spring Boot fat jar that
     * is just otodoke.jar, whose classes and libraries sit nested in BOOT-INF/, so the fork would
     * not find JMH's ForkedMain. Then extract the jar (Spring Boot's jar mode "tools": a plain jar
     * plus lib/, linked by its manifest's Class-Path; about 1 s) and point java.class.path at it.
     * From an exploded class path (tests, an IDE) nothing needs doing.
     *
     * @return the folder to remove afterwards, or null when nothing was extracted
     */
    private static Path forkableClassPath() throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            if (zip.getEntry("BOOT-INF/classes/") == null && zip.getEntry("BOOT-INF/lib/") == null) {
                return null;
            }
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "otodoke-bench-jmh");
        BenchCommand.deleteRecursively(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Output out = exec(null, List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString(), "--force"));
        Path extracted = dir.resolve(jar.getFileName());
        if (out.exit() != 0 || !Files.exists(extracted)) {
            throw new IllegalStateException("Could not extract " + jar + " for the JMH forks (exit " + out.exit()
                    + "); --forks 0 runs JMH in this JVM instead:\n" + out.text());
        }
        System.setProperty("java.class.path", extracted.toString());
        return dir;
    }

    // --- the baseline: ts-tracking-number on Node ---

    record Baseline(double opsPerSecond, String recognised, String nodeVersion) {
    }

    private static final Pattern OPS = Pattern.compile("^ops/s=([0-9.]+)$", Pattern.MULTILINE);
    private static final Pattern RECOGNISED = Pattern.compile("^recognised=(\\S+)$", Pattern.MULTILINE);

    static Baseline runNode(Path nodeDir, List<DetectMix.Input> inputs, Timing timing) throws IOException, InterruptedException {
        String nodeVersion = version("node");
        if (nodeVersion == null) {
            throw new IllegalStateException("The baseline needs Node.js and npm: 'node' was not found on the PATH. "
                    + "Install Node.js 18 or newer (e.g. 'sudo apt-get install nodejs npm') and run again.");
        }
        Files.createDirectories(nodeDir);
        Path installed = nodeDir.resolve("node_modules/ts-tracking-number/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"1.0.17\"")) {
            if (version("npm") == null) {
                throw new IllegalStateException("The baseline needs npm to install " + TS_TRACKING_NUMBER
                        + " into " + nodeDir + ", and 'npm' was not found on the PATH.");
            }
            System.out.println("Installing " + TS_TRACKING_NUMBER + " into " + nodeDir + " …");
            Output npm = exec(nodeDir, List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", nodeDir.toString(), TS_TRACKING_NUMBER));
            if (npm.exit() != 0) {
                throw new IllegalStateException("npm install " + TS_TRACKING_NUMBER + " failed (exit " + npm.exit() + "):\n" + npm.text());
            }
        }
        Path script = nodeDir.resolve("detect-baseline.mjs");
        try (InputStream in = DetectBenchmark.class.getResourceAsStream("/bench/detect-baseline.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        Path inputFile = nodeDir.resolve("inputs.txt");
        StringBuilder text = new StringBuilder();
        for (DetectMix.Input input : inputs) {
            text.append(input.text()).append('\n');
        }
        Files.writeString(inputFile, text, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "Baseline: %d s warm-up, %d s measured …%n", timing.nodeWarmupSeconds(), timing.nodeSeconds());
        Output out = exec(nodeDir, List.of("node", script.toString(), nodeDir.toString(), inputFile.toString(),
                Integer.toString(timing.nodeWarmupSeconds()), Integer.toString(timing.nodeSeconds())));
        Matcher ops = OPS.matcher(out.text());
        Matcher recognised = RECOGNISED.matcher(out.text());
        if (out.exit() != 0 || !ops.find() || !recognised.find()) {
            throw new IllegalStateException("The Node baseline failed (exit " + out.exit() + "):\n" + out.text());
        }
        return new Baseline(Double.parseDouble(ops.group(1)), recognised.group(1), nodeVersion);
    }

    private static String version(String command) throws InterruptedException {
        try {
            Output out = exec(null, List.of(command, "--version"));
            return out.exit() == 0 ? out.text().strip() : null;
        } catch (IOException notFound) {
            return null;
        }
    }

    record Output(int exit, String text) {
    }

    private static Output exec(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Output(p.waitFor(), text);
    }
}
