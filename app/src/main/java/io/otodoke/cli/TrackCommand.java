package io.otodoke.cli;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.tracking.LookupResult;
import io.otodoke.tracking.PublicShipment;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingLookup;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "track", mixinStandardHelpOptions = true,
        description = {"Show status and timeline of tracking numbers from the local database.",
                "Works beside a running server on the same data folder.",
                "Exit status: 0 when every number was found, 1 when some were not."})
class TrackCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    @Parameters(arity = "1..*", paramLabel = "NUMBER", description = "tracking numbers (hyphens, spaces, full-width digits are fine)")
    List<String> numbers;

    @Option(names = "--demo", description = "read the demo's data folder (" + DemoCommand.DATA_DIR + ")")
    boolean demo;

    @Unmatched
    List<String> springArgs;

    @Override
    public Integer call() {
        Map<String, Object> defaults = new HashMap<>();
        if (demo) {
            defaults.put("otodoke.data-dir", DemoCommand.DATA_DIR);
        }
        List<String> queries = new ArrayList<>();
        numbers.forEach(n -> queries.addAll(TrackingLookup.split(n)));
        if (queries.size() > TrackingLookup.MAX_NUMBERS) {
            System.err.println("At most " + TrackingLookup.MAX_NUMBERS + " numbers at once; " + queries.size() + " were given.");
            return 2;
        }
        try (var context = Spring.offline(defaults, springArgs)) {
            var results = context.getBean(TrackingLookup.class).lookup(queries);
            print(results, context.getBean(CarrierDirectory.class), context.getBean(MessageSource.class), System.out);
            return results.stream().allMatch(LookupResult::found) ? 0 : 1;
        }
    }

    static void print(List<LookupResult> results, CarrierDirectory carriers, MessageSource messages, PrintStream out) {
        for (LookupResult r : results) {
            if (!r.found()) {
                out.println(r.query() + "  見つかりません / not found in the local database");
                continue;
            }
            for (PublicShipment s : r.shipments()) {
                var carrier = carriers.find(s.carrier());
                out.println(r.query() + "  " + carrier.map(c -> c.name(Locale.JAPANESE)).orElse(s.carrier()) + "  "
                        + label(messages, s.status().name(), Locale.JAPANESE) + " / " + label(messages, s.status().name(), Locale.ENGLISH));
                carrier.map(c -> c.trackingUrlFor(s.trackingNumber())).ifPresent(url -> out.println("  " + url));
                for (TimelineEntry e : s.timeline()) {
                    var time = e.occurredAt();
                    String when = time.precision() == io.otodoke.tracking.TimePrecision.DAY
                            ? time.local().format(DAY) + "      " : time.local().format(MINUTE);
                    String place = e.location() == null || e.location().name() == null ? "" : "  " + e.location().name();
                    out.println("  " + when + "  " + label(messages, e.status().name(), Locale.JAPANESE) + "  "
                            + (e.rawText() == null ? "" : e.rawText()) + place + "  [" + String.join(", ", e.sources()) + "]");
                }
            }
        }
    }

    private static String label(MessageSource messages, String status, Locale locale) {
        return messages.getMessage("status." + status, null, status, locale);
    }
}
