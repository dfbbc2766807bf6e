package io.otodoke.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Recall and false positives of the check on labelled data (design/safety.md §7), in the layout of
 * the development data: {@code dev-urls.tsv} (phishing URLs with the brand they imitate),
 * {@code dev-legit-urls.tsv} (official URL shapes) and {@code dev-messages.tsv} (phishing and
 * genuine messages). The data is read as strings only, never fetched or resolved; the data itself
 * stays outside the repository (it has no licence).
 *
 * <p>A URL is checked as a message naming the imitated brand with that link and nothing else (no
 * channel, no sender): the brand-aware allowlist and the lexical signals decide, as they would for
 * a link pasted with the brand's name.
 */
public final class SafetyEvaluation {

    public static final String FOLDER = "shared/data/phishing";
    static final String PHISHING_URLS = "dev-urls.tsv", OFFICIAL_URLS = "dev-legit-urls.tsv", MESSAGES = "dev-messages.tsv";

    /** One group's figures: how many were flagged (PHISHING or SUSPICIOUS) of how many, and the ones that were not as expected. */
    public record Group(int total, int flagged, int phishing, List<String> unexpected, List<Boolean> flaggedRows) {

        public double flaggedShare() {
            return total == 0 ? 0 : (double) flagged / total;
        }
    }

    /** The figures of one run; {@code signals} counts each code once per checked item, over all groups. */
    /**
     * @param signals         items with each code, over all groups (the lexical-only pass not counted)
     * @param lexicalByBrand  phishing URLs per imitated brand: {total, flagged without the brand} (§7: techniques drift)
     * @param lexicalByYear   the same per year of confirmation
     */
    public record Report(Group phishingUrls, Group phishingUrlsWithoutBrand, Group officialUrls, Group phishingMessages,
                         Group genuineMessages, Map<Signal, Integer> signals, Map<String, int[]> lexicalByBrand,
                         Map<String, int[]> lexicalByYear) {
    }

    private SafetyEvaluation() {
    }

    /**
     * The data folder: {@code otodoke.safety.eval-data} (system property) or {@code OTODOKE_SAFETY_EVAL_DATA}
     * (environment) when set, else the first {@code shared/data/phishing} found walking up from {@code start}.
     */
    public static Optional<Path> locate(Path start) {
        String configured = System.getProperty("otodoke.safety.eval-data", System.getenv("OTODOKE_SAFETY_EVAL_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p.resolve(PHISHING_URLS)) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve(PHISHING_URLS))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Rows to check in all, for a progress bar. */
    public static long size(Path dir) throws IOException {
        return 2L * rows(dir.resolve(PHISHING_URLS)).size() + rows(dir.resolve(OFFICIAL_URLS)).size()
                + rows(dir.resolve(MESSAGES)).size();
    }

    public static Report run(SafetyCheck check, Path dir, LongConsumer progress) throws IOException {
        Map<Signal, Integer> signals = new EnumMap<>(Signal.class);
        long[] done = {0};
        LongConsumer step = n -> progress.accept(++done[0]);
        List<Map<String, String>> phishing = rows(dir.resolve(PHISHING_URLS));
        Group phishingUrls = urls(check, phishing, true, true, signals, step);
        // §7: with the brand, recall is high by construction; without it, the lexical signals alone decide
        Group withoutBrand = urls(check, phishing, false, true, new EnumMap<>(Signal.class), step);
        Map<String, int[]> byBrand = new java.util.TreeMap<>();
        Map<String, int[]> byYear = new java.util.TreeMap<>();
        for (int i = 0; i < phishing.size(); i++) {
            Map<String, String> row = phishing.get(i);
            boolean flagged = withoutBrand.flaggedRows().get(i);
            String date = row.getOrDefault("date", "");
            tally(byBrand, row.getOrDefault("brand", "?"), flagged);
            tally(byYear, date.length() >= 4 ? date.substring(0, 4) : "?", flagged);
        }
        Group officialUrls = urls(check, rows(dir.resolve(OFFICIAL_URLS)), true, false, signals, step);
        List<Map<String, String>> messages = rows(dir.resolve(MESSAGES));
        Group phishingMessages = messages(check, messages, "phish", true, signals, step);
        Group genuineMessages = messages(check, messages, "legit", false, signals, step);
        return new Report(phishingUrls, withoutBrand, officialUrls, phishingMessages, genuineMessages, signals, byBrand, byYear);
    }

    private static void tally(Map<String, int[]> counts, String key, boolean flagged) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += flagged ? 1 : 0;
    }

    private static Group urls(SafetyCheck check, List<Map<String, String>> rows, boolean withBrand, boolean phishing,
                              Map<Signal, Integer> signals, LongConsumer step) {
        int flagged = 0, likely = 0;
        List<String> unexpected = new ArrayList<>();
        List<Boolean> flaggedRows = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String url = row.get("url");
            String brand = withBrand ? row.getOrDefault("brand", "") : "";
            SafetyResult r = check.check(new MessageInput(brand, null, null, null, List.of(), List.of(url)));
            count(r, signals);
            // without the brand this measures the lexical signals alone, as a bare link's check adds
            // LINK_NOT_ON_AN_OFFICIAL_DOMAIN to every link off the official domains
            boolean isFlagged = withBrand ? r.verdict() != Verdict.NO_KNOWN_SIGNALS
                    : r.reasons().stream().anyMatch(x -> x.severity() != Severity.INFO
                            && x.code() != Signal.LINK_NOT_ON_AN_OFFICIAL_DOMAIN);
            flagged += isFlagged ? 1 : 0;
            flaggedRows.add(isFlagged);
            likely += r.verdict() == Verdict.PHISHING ? 1 : 0;
            if (isFlagged != phishing) {
                unexpected.add(r.verdict() + "\t" + (r.links().isEmpty() ? "(no link)" : r.links().getFirst().shown())
                        + "\t" + r.codes());
            }
            step.accept(1);
        }
        return new Group(rows.size(), flagged, likely, unexpected, flaggedRows);
    }

    private static Group messages(SafetyCheck check, List<Map<String, String>> rows, String label, boolean phishing,
                                  Map<Signal, Integer> signals, LongConsumer step) {
        int total = 0, flagged = 0, likely = 0;
        List<String> unexpected = new ArrayList<>();
        List<Boolean> flaggedRows = new ArrayList<>();
        for (Map<String, String> row : rows) {
            if (!label.equals(row.get("label"))) {
                continue;
            }
            total++;
            SafetyResult r = check.check(message(row));
            count(r, signals);
            boolean isFlagged = r.verdict() != Verdict.NO_KNOWN_SIGNALS;
            flagged += isFlagged ? 1 : 0;
            flaggedRows.add(isFlagged);
            likely += r.verdict() == Verdict.PHISHING ? 1 : 0;
            if (isFlagged != phishing) {
                unexpected.add(r.verdict() + "\trow " + row.get("#") + "\t" + r.codes());
            }
            step.accept(1);
        }
        return new Group(total, flagged, likely, unexpected, flaggedRows);
    }

    /** A message row of the batch format: columns channel, sender, text; {@code \n} in text is a line break. */
    public static MessageInput message(Map<String, String> row) {
        String text = row.getOrDefault("text", "").replace("\\n", "\n");
        return MessageInput.message(text, Channel.parse(row.get("channel")), row.get("sender"));
    }

    private static void count(SafetyResult r, Map<Signal, Integer> signals) {
        r.codes().forEach(c -> signals.merge(c, 1, Integer::sum));
    }

    /** A TSV with a header row, unquoted (the data's README: QUOTE_NONE); "#" holds the 1-based data row number. */
    public static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return Tsv.rows(lines);
    }
}
