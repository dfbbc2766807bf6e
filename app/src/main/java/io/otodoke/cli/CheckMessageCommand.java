package io.otodoke.cli;

import io.otodoke.safety.Channel;
import io.otodoke.safety.MessageInput;
import io.otodoke.safety.Reason;
import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyEvaluation;
import io.otodoke.safety.SafetyResult;
import io.otodoke.safety.Tsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The scam check for delivery SMS and e-mails; offline: no link is fetched or resolved. */
@Command(name = "check-message", mixinStandardHelpOptions = true,
        description = {"Check delivery messages (SMS or e-mail) for signs of phishing (docs/safety.md).",
                "With --batch FILE: a TSV file (UTF-8, header row, TAB-separated, unquoted) with at least the columns",
                "channel (sms or email), sender and text; other columns are ignored; '\\n' (two characters) in text is a",
                "line break. Prints one line per data row, in order: the verdict (PHISHING, SUSPICIOUS or",
                "NO_KNOWN_SIGNALS; never 'safe'), a TAB, then the reason codes comma-separated ('-' for none).",
                "A row that cannot be read prints ERROR, a TAB and why, and makes the exit code 1.",
                "Without --batch: reads one message from standard input and prints the verdict and each reason."})
class CheckMessageCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("channel", "sender", "text");

    @Option(names = "--batch", paramLabel = "FILE", description = "TSV file of messages, one per row")
    Path batch;

    @Option(names = "--channel", paramLabel = "sms|email", description = "without --batch: how the message came")
    String channel;

    @Option(names = "--sender", paramLabel = "SENDER", description = "without --batch: phone number, sender ID or From address")
    String sender;

    @Override
    public Integer call() throws IOException {
        return batch != null ? batch(SafetyCheck.standalone(), batch, System.out) : single(SafetyCheck.standalone(), System.out);
    }

    static int batch(SafetyCheck check, Path file, PrintStream out) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: it needs a header row with the columns " + COLUMNS);
        }
        List<Map<String, String>> rows = Tsv.rows(lines);
        List<String> header = headerOf(lines.getFirst());
        List<String> missing = new ArrayList<>(COLUMNS);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + ": the header row lacks the column(s) " + missing
                    + " (TAB-separated; found " + header + ")");
        }
        int errors = 0;
        for (Map<String, String> row : rows) {
            try {
                SafetyResult r = check.check(SafetyEvaluation.message(row));
                out.println(r.verdict() + "\t" + CheckUrlCommand.codes(r));
            } catch (IllegalArgumentException e) {
                errors++;
                out.println("ERROR\tline " + (Integer.parseInt(row.get("#")) + 1) + ": " + e.getMessage());
            }
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    private static List<String> headerOf(String line) {
        String h = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return java.util.Arrays.stream(h.split("\t", -1)).map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private int single(SafetyCheck check, PrintStream out) throws IOException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new IllegalArgumentException("no message on standard input (or use --batch FILE)");
        }
        SafetyResult r = check.check(MessageInput.message(text, Channel.parse(channel), sender));
        out.println(r.verdict() + (r.brand() == null ? "" : "\tbrand=" + r.brand()));
        for (Reason reason : r.reasons()) {
            out.println("  " + reason.severity() + "\t" + reason.code() + "\t" + reason.evidence());
        }
        r.officialLinks().forEach(l -> out.println("  official " + l.kind() + ":\t" + l.url()));
        return 0;
    }
}
