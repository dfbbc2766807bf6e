package io.otodoke.cli;

import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyEvaluation;
import io.otodoke.safety.SafetyEvaluation.Group;
import io.otodoke.safety.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Recall and false positives of the scam check on the phishing development data (docs/safety.md). */
@Command(name = "eval-safety", mixinStandardHelpOptions = true,
        description = {"Evaluate the scam check on labelled data: recall on phishing URLs and messages (flagged",
                "PHISHING or SUSPICIOUS), false positives on official URLs and genuine messages, counts per reason code.",
                "The data is read as text only: no URL is fetched or resolved. Misses are printed defanged."})
class EvalSafetyCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "folder with dev-urls.tsv, dev-legit-urls.tsv and dev-messages.tsv (default: the first "
                    + "shared/data/phishing found walking up from the working folder)")
    Path data;

    @Option(names = "--show", description = "list every item that was not judged as its label says (defanged)")
    boolean show;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : SafetyEvaluation.locate(Path.of("")).orElse(null);
        if (dir == null || !Files.isRegularFile(dir.resolve("dev-urls.tsv"))) {
            System.err.println("No evaluation data: give --data DIR, a folder with dev-urls.tsv, dev-legit-urls.tsv "
                    + "and dev-messages.tsv" + (dir == null ? "" : " (not found in " + dir + ")"));
            return 1;
        }
        ProgressBar progress = new ProgressBar("eval-safety", SafetyEvaluation.size(dir));
        SafetyEvaluation.Report report = SafetyEvaluation.run(SafetyCheck.standalone(), dir, progress::update);
        progress.finish(SafetyEvaluation.size(dir));
        System.out.println("Data: " + dir.toAbsolutePath().normalize());
        line("Phishing URLs flagged (recall)", report.phishingUrls());
        line("  the same without the brand (lexical only)", report.phishingUrlsWithoutBrand());
        line("Phishing messages flagged (recall)", report.phishingMessages());
        line("Official URLs flagged (false positives)", report.officialUrls());
        line("Genuine messages flagged (false positives)", report.genuineMessages());
        System.out.println("Phishing URLs flagged without the brand, per brand and per year (design/safety.md §7):");
        table(report.lexicalByBrand());
        table(report.lexicalByYear());
        System.out.println("Reason codes (items with the code):");
        for (Map.Entry<Signal, Integer> e : report.signals().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-32s %6d%n", e.getKey(), e.getValue());
        }
        if (show) {
            print("Phishing URLs not flagged", report.phishingUrls());
            print("Phishing URLs not flagged without the brand", report.phishingUrlsWithoutBrand());
            print("Phishing messages not flagged", report.phishingMessages());
            print("Official URLs flagged", report.officialUrls());
            print("Genuine messages flagged", report.genuineMessages());
        }
        return 0;
    }

    private static void line(String label, Group g) {
        System.out.printf(Locale.ROOT, "%-44s %5d / %5d  %6.2f %%  (PHISHING: %d)%n", label, g.flagged(), g.total(),
                100 * g.flaggedShare(), g.phishing());
    }

    private static void table(Map<String, int[]> counts) {
        counts.forEach((key, c) -> System.out.printf(Locale.ROOT, "  %-32s %5d / %5d  %6.2f %%%n", key, c[1], c[0],
                100.0 * c[1] / c[0]));
    }

    private static void print(String label, Group g) {
        if (g.unexpected().isEmpty()) {
            return;
        }
        System.out.println(label + ":");
        g.unexpected().forEach(u -> System.out.println("  " + u));
    }
}
