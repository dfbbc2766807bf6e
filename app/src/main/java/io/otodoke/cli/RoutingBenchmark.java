package io.otodoke.cli;

import io.otodoke.routing.Vrptw;
import io.otodoke.routing.VrptwSolution;
import io.otodoke.routing.VrptwSolver;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code ./otodoke bench routing}: each Solomon instance solved by our optimiser and, at the same time in
 * its own JVM, by jsprit (bench/jsprit) with the same time limit; both results re-checked and measured by
 * {@link VrptwSolution}, and compared with the best-known distance. Running the two side by side on the
 * two cores halves the wall time and gives both the same machine load.
 */
final class RoutingBenchmark {

    /** What one solver made of one instance; the gap is infinite when its routes are infeasible. */
    record Outcome(double distance, int vehicles, double gapPercent, String note) {

        static Outcome of(VrptwSolution s, double bestKnown) {
            List<String> violations = s.violations();
            if (!violations.isEmpty()) {
                return new Outcome(s.distance(), s.routes().size(), Double.POSITIVE_INFINITY,
                        "infeasible: " + violations.getFirst());
            }
            // the best-known distances are given to two decimals: compare at that precision, so a solution
            // equal to the best known is a gap of 0, not a few millionths of a percent either side
            double rounded = Math.round(s.distance() * 100) / 100.0;
            return new Outcome(s.distance(), s.routes().size(), (rounded / bestKnown - 1) * 100, "");
        }

        String text() {
            return note.isEmpty() ? String.format(Locale.ROOT, "%.2f (%+.2f%%, %d vans)", distance, gapPercent, vehicles)
                    : note;
        }
    }

    private final Path data;
    private final Path jspritDir;
    private final Duration limit;

    RoutingBenchmark(Path data, Path jspritDir, Duration limit) {
        this.data = data;
        this.jspritDir = jspritDir;
        this.limit = limit;
    }

    int run(String glob) throws Exception {
        List<Path> files = instances(glob);
        if (files.isEmpty()) {
            System.err.println("Error: no instance matches '" + glob + "' in " + data.resolve("solomon"));
            return 2;
        }
        BestKnownSolutions bks = BestKnownSolutions.read(data.resolve("BKS.json"));
        List<String> classpath = jspritClasspath();
        Logging.quiet();
        System.out.printf("%d instances, %d s each for Otodoke (Timefold) and jsprit side by side, %d cores%n",
                files.size(), limit.toSeconds(), Runtime.getRuntime().availableProcessors());
        ProgressBar progress = new ProgressBar("routing", files.size());
        List<Double> ours = new ArrayList<>();
        List<Double> jsprit = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Vrptw instance = Vrptw.read(file);
            double best = bks.distance(instance.name()).orElseThrow(() -> new IllegalStateException(
                    "BKS.json has no " + instance.name() + "_distance entry"));
            CompletableFuture<List<List<Integer>>> baseline = CompletableFuture.supplyAsync(() ->
                    jspritRoutes(classpath, file));
            Outcome o = Outcome.of(VrptwSolver.solve(instance, limit), best);
            Outcome j = Outcome.of(new VrptwSolution(instance, baseline.get()), best);
            ours.add(o.gapPercent());
            jsprit.add(j.gapPercent());
            System.out.printf(Locale.ROOT, "%s best known %.2f | Otodoke %s | jsprit %s%n", instance.name(), best,
                    o.text(), j.text());
            progress.update(i + 1);
        }
        progress.finish(files.size());
        double oursMedian = median(ours);
        double jspritMedian = median(jsprit);
        System.out.printf(Locale.ROOT, "Otodoke: median gap %.2f%%, worst %.2f%%, feasible %d/%d%n", oursMedian,
                worst(ours), feasible(ours), files.size());
        System.out.printf(Locale.ROOT, "jsprit:  median gap %.2f%%, worst %.2f%%, feasible %d/%d%n", jspritMedian,
                worst(jsprit), feasible(jsprit), files.size());
        // a median gap of 0 (the best known reached in half the instances or more) makes the ratio Infinity
        BenchCommand.result("routing", oursMedian, "percent", jspritMedian, jspritMedian / oursMedian);
        return 0;
    }

    private List<Path> instances(String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(data.resolve("solomon"))) {
            return files.filter(f -> f.toString().endsWith(".txt"))
                    .filter(f -> matcher.matches(f.getFileName()) || matcher.matches(
                            Path.of(f.getFileName().toString().replaceFirst("\\.txt$", ""))))
                    .sorted().toList();
        }
    }

    private List<String> jspritClasspath() {
        Path jar = jspritDir.resolve("otodoke-bench-jsprit.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The jsprit baseline is not built (" + jar + "): run "
                    + "'./mvnw -B -q -pl bench/jsprit package' in the project folder first.");
        }
        return List.of(jar.toString(), jspritDir.resolve("lib").toString() + "/*");
    }

    private List<List<Integer>> jspritRoutes(List<String> classpath, Path file) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classpath),
                "io.otodoke.bench.jsprit.JspritVrptw", Long.toString(limit.toSeconds()), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            List<List<Integer>> routes = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("ROUTE ")) {
                        routes.add(Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::valueOf).toList());
                    }
                }
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jsprit failed on " + file + " (exit " + p.exitValue() + ")");
            }
            return routes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jsprit: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The median, infeasible runs counting as infinitely bad. */
    static double median(List<Double> gaps) {
        List<Double> sorted = gaps.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double worst(List<Double> gaps) {
        return gaps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static long feasible(List<Double> gaps) {
        return gaps.stream().filter(Double::isFinite).count();
    }
}
