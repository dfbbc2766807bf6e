package io.otodoke.cli;

import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyEvaluation;
import io.otodoke.safety.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code ./otodoke bench safety}: URL checks per second on one thread, against the URL parsing and
 * Public Suffix List lookup of the same URLs alone (the first step of every check), measured in
 * alternating rounds after a warm-up; each figure is the median round. The URLs are the phishing
 * development data when it is found (strings only: nothing is fetched or resolved), otherwise
 * synthetic ones made here from reserved and invented names; the output says which.
 */
final class SafetyBenchmark {

    private static final String[] BRANDS = {"amazon", "yamato", "kuroneko", "sagawa", "japanpost", "amaz0n", "sagavva"};
    private static final String[] TLDS = {"com", "net", "top", "cn", "xyz", "shop", "cfd", "jp", "co.jp", "icu", "dev", "info"};
    private static final String[] OFFICIAL = {
            "https://www.amazon.co.jp/gp/css/order-history?orderFilter=year-2026",
            "https://www.amazon.co.jp/progress-tracker/package/ref=ppx_yo_dt_b_track_package?orderId=%d",
            "https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=%d",
            "http://toi.kuronekoyamato.co.jp/cgi-bin/tneko",
            "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=%d",
            "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=%d",
            "https://t.17track.net/en#nums=%d"};

    private SafetyBenchmark() {
    }

    /** Invented URLs in the shapes of design/safety.md §1.1 and §3.2; reserved or made-up names only. */
    static List<String> synthetic(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String word = label(random, 5 + random.nextInt(10));
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String tld = TLDS[random.nextInt(TLDS.length)];
            urls.add(switch (random.nextInt(10)) {
                case 0, 1 -> OFFICIAL[random.nextInt(OFFICIAL.length)].formatted(100_000_000_000L + random.nextLong(900_000_000_000L));
                case 2 -> "https://" + brand + "-" + word + "." + tld + "/" + label(random, 6);
                case 3 -> "http://" + word + "." + tld + "/" + brand + "/signin.php?id=" + label(random, 8);
                case 4 -> "https://amazon.co.jp." + label(random, 32) + "." + tld + "/";
                case 5 -> "http://198.51.100." + random.nextInt(256) + "/" + word + ".php";
                case 6 -> "https://" + word + ".workers.dev/" + label(random, 10);
                case 7 -> "https://bit.ly/" + label(random, 7);
                case 8 -> "https://" + brand + "-co-jp." + word + ".com/caonima=" + label(random, 12);
                default -> "https://\u0430mazon-" + word + "." + tld + "/"; // Cyrillic а
            });
        }
        return urls;
    }

    private static String label(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** The data's phishing and official URLs when present; the data's README calls for treating them as strings only. */
    static Optional<List<String>> fromData(Path dir) throws IOException {
        if (dir == null) {
            return Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        for (String file : List.of("dev-urls.tsv", "dev-legit-urls.tsv")) {
            for (Map<String, String> row : SafetyEvaluation.rows(dir.resolve(file))) {
                urls.add(row.get("url"));
            }
        }
        return Optional.of(urls);
    }

    static int run(Path data, boolean forceSynthetic, long seed, int count, ParseBenchmark.Timing timing) throws IOException {
        Path dir = forceSynthetic ? null : data != null ? data : SafetyEvaluation.locate(Path.of("")).orElse(null);
        Optional<List<String>> fromData = fromData(dir);
        List<String> urls = fromData.orElseGet(() -> synthetic(seed, count));
        System.out.printf(Locale.ROOT, "URLs: %,d %s; warm-up %d s, %d rounds of %d s each, 1 thread%n", urls.size(),
                fromData.isPresent() ? "from the phishing development data in " + dir.toAbsolutePath().normalize()
                        : "synthetic (seed " + seed + ")",
                timing.warmupSeconds(), timing.rounds(), timing.secondsPerRound());
        SafetyCheck check = SafetyCheck.standalone();
        String[] all = urls.toArray(String[]::new);
        long flagged = Arrays.stream(all).filter(u -> check.checkUrl(u).verdict() != Verdict.NO_KNOWN_SIGNALS).count();
        System.out.printf(Locale.ROOT, "Flagged (PHISHING or SUSPICIOUS) without a brand claim: %,d of %,d%n", flagged, all.length);
        ParseBenchmark.Workload ours = i -> check.checkUrl(all[i % all.length]).reasons().size();
        ParseBenchmark.Workload baseline = i -> {
            String domain = SafetyCheck.registrableDomain(all[i % all.length]);
            return domain == null ? 0 : domain.length();
        };
        ParseBenchmark.measure(ours, timing.warmupSeconds() * 1000L);
        ParseBenchmark.measure(baseline, timing.warmupSeconds() * 1000L);
        double[] oursRounds = new double[timing.rounds()];
        double[] baselineRounds = new double[timing.rounds()];
        ProgressBar progress = new ProgressBar("safety", 2L * timing.rounds());
        for (int r = 0; r < timing.rounds(); r++) {
            oursRounds[r] = ParseBenchmark.measure(ours, timing.secondsPerRound() * 1000L);
            baselineRounds[r] = ParseBenchmark.measure(baseline, timing.secondsPerRound() * 1000L);
            progress.update(2L * (r + 1));
        }
        progress.finish(2L * timing.rounds());
        double value = ParseBenchmark.median(oursRounds);
        double base = ParseBenchmark.median(baselineRounds);
        System.out.printf(Locale.ROOT, "Otodoke URL check: %,.1f checks/s; URL parsing + Public Suffix List alone: %,.1f URLs/s%n",
                value, base);
        BenchCommand.result("safety", value, "checks/s", base, value / base);
        return 0;
    }
}
