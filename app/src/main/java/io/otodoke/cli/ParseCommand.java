package io.otodoke.cli;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Parsers;
import io.otodoke.connector.PayloadParser;
import io.otodoke.tracking.EventOrder;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.StatusDerivation;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse a carrier page or API payload and print its tracking events (no database, no network).",
                "Prints one JSON line per event, oldest first, then one line 'STATUS <status>' — or, when the payload",
                "holds several numbers, one line 'STATUS <number> <status>' per number. The status comes from the payload",
                "alone: no rule that depends on the current time (staleness, EXPIRED) is applied.",
                "Exit status: 0 when parsed, 1 when the payload could not be read as the source's, 2 on other errors."})
class ParseCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "CODE",
            description = "yamato, japanpost, sagawa, amazon_mcf, amazon_shipping, dhl, fedex, seventeentrack, aftership, epcis, csv")
    String source;

    @Parameters(paramLabel = "FILE", description = "the payload: a saved page (HTML or the text copied from the browser), JSON, XML or CSV")
    Path file;

    @Option(names = "--anchor", paramLabel = "YYYY-MM-DD",
            description = "the date near which dates printed without a year are placed (default: the payload's own ship date, else today)")
    LocalDate anchor;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws IOException {
        byte[] payload;
        try {
            payload = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            System.err.println("File not found: " + file);
            return 2;
        }
        try (var context = parserContext()) {
            Parsers parsers = context.getBean(Parsers.class);
            if (!parsers.knows(source)) {
                System.err.println("Unknown source '" + source + "'. Sources: " + String.join(", ", parsers.sources()));
                return 2;
            }
            LocalDate today = LocalDate.now(EventTime.TOKYO);
            Instant now = Instant.now();
            List<ParsedShipment> shipments;
            try {
                shipments = parsers.parse(source, payload, new ParseContext(anchor == null ? today : anchor, today, now));
            } catch (ParseException e) {
                System.err.println("Cannot parse " + file + " as " + source + " (" + e.kind() + "): " + e.getMessage());
                return 1;
            }
            print(shipments, now, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            return 0;
        }
    }

    void print(List<ParsedShipment> shipments, Instant now, PrintStream out) {
        Map<String, TrackingStatus> statuses = new LinkedHashMap<>();
        for (ParsedShipment s : shipments) {
            for (TrackingEvent e : EventOrder.sort(s.events())) {
                out.println(json.writeValueAsString(line(s, e)));
            }
            statuses.put(s.trackingNumber(), status(s, now));
        }
        if (statuses.size() == 1) {
            out.println("STATUS " + statuses.values().iterator().next());
        } else {
            statuses.forEach((number, status) -> out.println("STATUS " + number + " " + status));
        }
    }

    /** From the payload alone: a number the source does not know is NOT_FOUND, with no grace period. */
    static TrackingStatus status(ParsedShipment s, Instant now) {
        if (s.events().isEmpty()) {
            return s.notFound() ? TrackingStatus.NOT_FOUND : TrackingStatus.LABEL_CREATED;
        }
        TrackingStatus derived = StatusDerivation.derive(s.events(), Instant.EPOCH);
        return derived == TrackingStatus.LABEL_CREATED && s.notFound() ? TrackingStatus.NOT_FOUND : derived;
    }

    private static Map<String, Object> line(ParsedShipment s, TrackingEvent e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("trackingNumber", s.trackingNumber());
        if (s.carrier() != null) {
            line.put("carrier", s.carrier());
        }
        line.put("source", e.source());
        line.put("sourceSequence", e.sourceSequence());
        line.put("status", e.status().name());
        line.put("reason", e.reason() == null ? null : e.reason().name());
        line.put("rawCode", e.rawCode());
        line.put("rawText", e.rawText());
        EventTime t = e.occurredAt();
        boolean day = t.precision() == TimePrecision.DAY;
        line.put("occurredLocal", day ? t.date().toString() : t.local().toString());
        line.put("zone", t.zone().getId());
        line.put("precision", t.precision().name());
        line.put("occurredAt", day ? t.date().toString() : t.offsetDateTime().toString());
        var l = e.location();
        if (!l.unknown()) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("name", l.name());
            location.put("postalCode", l.postalCode());
            location.put("prefecture", l.prefecture());
            location.put("country", l.country());
            location.put("latitude", l.latitude());
            location.put("longitude", l.longitude());
            location.values().removeIf(v -> v == null);
            line.put("location", location);
        }
        return line;
    }

    /** Only the parsers and what they need: no database, no web server. */
    static AnnotationConfigApplicationContext parserContext() {
        var context = new AnnotationConfigApplicationContext();
        var scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PayloadParser.class));
        scanner.scan("io.otodoke.connector");
        context.registerBean(CarrierDirectory.class);
        context.registerBean(ObjectMapper.class, () -> JsonMapper.builder().build());
        context.registerBean(Parsers.class);
        context.refresh();
        return context;
    }
}
