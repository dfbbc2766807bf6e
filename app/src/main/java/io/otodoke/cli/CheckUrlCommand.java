package io.otodoke.cli;

import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The scam check for bare links, one per line; offline: no link is fetched or resolved. */
@Command(name = "check-url", mixinStandardHelpOptions = true,
        description = {"Check links for signs of phishing (docs/safety.md). Reads one URL per line from standard input",
                "and prints one line per input line, in order: the verdict (PHISHING, SUSPICIOUS or NO_KNOWN_SIGNALS;",
                "never 'safe'), a TAB, then the URL as given. A line that holds no URL prints INVALID and makes the exit",
                "code 1; blank lines are skipped. Nothing is fetched or resolved: the URLs are read as text."})
class CheckUrlCommand implements Callable<Integer> {

    @Option(names = "--reasons", description = "add a third column: the reason codes, comma-separated ('-' for none)")
    boolean reasons;

    @Override
    public Integer call() throws IOException {
        SafetyCheck check = SafetyCheck.standalone();
        PrintStream out = System.out;
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int invalid = 0;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String url = line.strip();
            if (url.isEmpty()) {
                continue;
            }
            SafetyResult r = check.checkUrl(url);
            if (r.links().isEmpty()) {
                invalid++;
                System.err.println("line " + lineNumber + ": no URL (no host) in '" + abbreviate(url) + "'");
                out.println("INVALID\t" + url);
                continue;
            }
            out.println(r.verdict() + "\t" + url + (reasons ? "\t" + codes(r) : ""));
        }
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    static String codes(SafetyResult r) {
        String codes = r.codes().stream().map(Enum::name).collect(Collectors.joining(","));
        return codes.isEmpty() ? "-" : codes;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
