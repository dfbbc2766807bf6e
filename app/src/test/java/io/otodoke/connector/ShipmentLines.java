package io.otodoke.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers for the carrier page parsers: a parsed shipment as the lines a person reading the
 * page would write down, one per event, oldest first:
 * {@code 荷物受付 | PICKED_UP | 2009-07-15 17:08 | 北九州物流システム支店}; a reason follows the status
 * ({@code DELIVERY_ATTEMPTED/ABSENT}), a date-only event shows {@code 2009-07-09 (day)}.
 */
public final class ShipmentLines {

    public static final Path SAMPLES = Path.of("src/test/resources/carrier-samples");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ShipmentLines() {
    }

    public static byte[] sample(String path) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events as lines, after checking what every event of every parser must satisfy. */
    public static List<String> lines(ParsedShipment shipment, String source, ParseContext context) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < shipment.events().size(); i++) {
            TrackingEvent e = shipment.events().get(i);
            assertThat(e.source()).isEqualTo(source);
            assertThat(e.sourceSequence()).as("sourceSequence = position, oldest first").isEqualTo(i);
            assertThat(e.receivedAt()).isEqualTo(context.receivedAt());
            assertThat(e.occurredAt().zone()).isEqualTo(EventTime.TOKYO);
            assertThat(e.rawCode()).isNull();
            String time = e.occurredAt().precision() == TimePrecision.DAY
                    ? e.occurredAt().date() + " (day)" : MINUTE.format(e.occurredAt().local());
            lines.add(e.rawText() + " | " + e.status() + (e.reason() == null ? "" : "/" + e.reason()) + " | " + time
                    + " | " + (e.location().name() == null ? "-" : e.location().name()));
        }
        return lines;
    }
}
