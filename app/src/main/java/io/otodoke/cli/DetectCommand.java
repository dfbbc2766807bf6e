package io.otodoke.cli;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.DetectionHints;
import io.otodoke.carrier.ScanDetection;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Which carriers a tracking number can belong to; pure and fast: no Spring, no database. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Say which carriers tracking numbers can belong to (by format and check digit).",
                "Reads one number per line from standard input when no NUMBER is given.",
                "Prints one line per input: the input as given, a TAB, then the matching carrier codes",
                "sorted and joined by commas, or '-' when none matches. A number often fits several carriers."})
class DetectCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NUMBER", description = "tracking numbers (hyphens, spaces, full-width digits are fine)")
    List<String> numbers;

    @Option(names = "--json", description = "one JSON object per input: normalised form, and per candidate the rule, "
            + "check-digit result, confidence and official tracking URL")
    boolean json;

    @Option(names = "--carrier", paramLabel = "CODE", description = "with --json: the carrier you expect, listed first")
    String carrier;

    @Option(names = "--sender", paramLabel = "DOMAIN", description = "with --json: the shipping e-mail's sender domain, to order candidates")
    String sender;

    @Option(names = "--scan", description = "the inputs are barcode scans: Codabar start/stop characters and a USPS "
            + "420+ZIP prefix are dropped (never use it for typed numbers)")
    boolean scan;

    @Option(names = "--symbology", paramLabel = "TYPE", defaultValue = "OTHER",
            description = "with --scan: the barcode type, one of ${COMPLETION-CANDIDATES}; CODABAR ranks Japanese carriers first")
    ScanDetection.Symbology symbology;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Override
    public Integer call() throws IOException {
        var detector = new TrackingNumberDetector(new CarrierDirectory());
        var hints = new DetectionHints(carrier, sender, List.of());
        PrintStream out = System.out;
        java.util.function.Consumer<String> one = n -> {
            if (scan) {
                print(detector.detectScan(n, symbology, hints), out);
            } else {
                print(detector.detect(n, hints), out);
            }
        };
        if (numbers != null && !numbers.isEmpty()) {
            numbers.forEach(one);
        } else {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                one.accept(line);
            }
        }
        out.flush();
        return 0;
    }

    private void print(ScanDetection scanned, PrintStream out) {
        if (json) {
            out.println(mapper.writeValueAsString(scanned));
            return;
        }
        print(scanned.detection(), out);
    }

    private void print(TrackingNumberDetection d, PrintStream out) {
        if (json) {
            out.println(mapper.writeValueAsString(d));
            return;
        }
        String codes = d.carriers().stream().sorted().collect(Collectors.joining(","));
        out.println(d.input() + "\t" + (codes.isEmpty() ? "-" : codes));
    }
}
