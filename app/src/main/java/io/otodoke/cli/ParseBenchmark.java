package io.otodoke.cli;

import io.otodoke.connector.ParseContext;
import io.otodoke.connector.Parsers;
import io.otodoke.connector.simulator.CarrierPages;
import io.otodoke.connector.simulator.SimulatedParcel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;

/**
 * Yamato result pages parsed per second on one thread, against jsoup parsing the same bytes into
 * a document and nothing more. The pages are Yamato's current layout (carriers.md §3.1) as the
 * carrier simulator makes them: 10 numbers per page, 4 to 12 scans each. Both are measured in
 * alternating rounds after a warm-up, so that drift of the machine touches both alike; each figure
 * is the median round.
 */
final class ParseBenchmark {

    private static final String[][] JOURNEY = {
            {"荷物受付", "東京中央支店"}, {"発送済み", "東京中央支店"}, {"作業店通過", "羽田クロノゲートベース店"},
            {"作業店通過", "大阪ベース店"}, {"配達店到着", "大阪北支店"}, {"配達中", "大阪北支店"}, {"持戻（ご不在）", "大阪北支店"},
            {"依頼受付（再配達）", "大阪北支店"}, {"配達中", "大阪北支店"}, {"保管中（ご指定店）", "大阪北支店"},
            {"配達中", "大阪北支店"}, {"配達完了", "大阪北支店"}};

    private ParseBenchmark() {
    }

    record Timing(int warmupSeconds, int rounds, int secondsPerRound) {
    }

    static List<byte[]> pages(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> pages = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<SimulatedParcel> parcels = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                int scans = 4 + random.nextInt(JOURNEY.length - 3);
                LocalDateTime at = LocalDateTime.of(2026, 11, 1 + random.nextInt(20), 8 + random.nextInt(4), random.nextInt(60));
                List<SimulatedParcel.Scan> list = new ArrayList<>();
                for (int s = 0; s < scans; s++) {
                    list.add(new SimulatedParcel.Scan(JOURNEY[s][0], at, false, JOURNEY[s][1]));
                    at = at.plusMinutes(30 + random.nextInt(600));
                }
                String number = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
                parcels.add(new SimulatedParcel("yamato", number, list));
            }
            pages.add(CarrierPages.yamato(parcels).getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }

    static int run(long seed, int pageCount, Timing timing) {
        List<byte[]> pages = pages(seed, pageCount);
        long bytes = pages.stream().mapToLong(p -> p.length).sum();
        System.out.printf(Locale.ROOT, "%d Yamato pages of 10 numbers, %,d bytes in all; warm-up %d s, %d rounds of %d s each%n",
                pages.size(), bytes, timing.warmupSeconds(), timing.rounds(), timing.secondsPerRound());
        try (var context = ParseCommand.parserContext()) {
            Parsers parsers = context.getBean(Parsers.class);
            ParseContext parseContext = new ParseContext(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Instant.now());
            Workload ours = i -> parsers.parse("yamato", pages.get(i % pages.size()), parseContext).size();
            Workload jsoup = i -> jsoupOnly(pages.get(i % pages.size())).childNodeSize();
            checkEveryPageParses(parsers, pages, parseContext);
            measure(ours, timing.warmupSeconds() * 1000L);
            measure(jsoup, timing.warmupSeconds() * 1000L);
            double[] oursRounds = new double[timing.rounds()];
            double[] jsoupRounds = new double[timing.rounds()];
            for (int r = 0; r < timing.rounds(); r++) {
                oursRounds[r] = measure(ours, timing.secondsPerRound() * 1000L);
                jsoupRounds[r] = measure(jsoup, timing.secondsPerRound() * 1000L);
            }
            double value = median(oursRounds);
            double baseline = median(jsoupRounds);
            System.out.printf(Locale.ROOT, "Otodoke Yamato parser: %,.1f pages/s; jsoup parse alone: %,.1f pages/s (1 thread)%n",
                    value, baseline);
            BenchCommand.result("parse", value, "pages/s", baseline, value / baseline);
            return 0;
        }
    }

    interface Workload {
        int run(int i);
    }

    /** Pages per second over {@code millis}; the sink keeps the JIT from dropping the work. */
    static double measure(Workload workload, long millis) {
        long sink = 0;
        int done = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                sink += workload.run(done++);
            }
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print("");
        }
        return done / ((now - start) / 1e9);
    }

    /** jsoup's parse of the page alone: decoding the known UTF-8 bytes and building the document, nothing else. */
    private static org.jsoup.nodes.Document jsoupOnly(byte[] page) {
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8));
    }

    /** A benchmark of a parser that fails is no benchmark: every page must give its 10 numbers. */
    private static void checkEveryPageParses(Parsers parsers, List<byte[]> pages, ParseContext context) {
        for (byte[] page : pages) {
            var parsed = parsers.parse("yamato", page, context);
            if (parsed.size() != 10 || parsed.stream().anyMatch(p -> p.events().isEmpty())) {
                throw new IllegalStateException("the Yamato parser did not read a benchmark page fully");
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
