package io.otodoke.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.otodoke.connector.japanpost.JapanPostPageParser;
import io.otodoke.connector.sagawa.SagawaPageParser;
import io.otodoke.connector.yamato.YamatoPageParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes arrive, the Japanese page parsers answer through {@link Parsers} with either a
 * truthful result or a {@link ParseException} — never another exception, and never an empty list
 * for a page they did not recognise (PayloadParser's contract). Inputs: every sample damaged in
 * the ways real payloads are (truncated, lines shuffled, decoded with the wrong charset), random
 * bytes, an empty payload and a 10 MB payload.
 */
class CarrierPageRobustnessTest {

    static final ParseContext CONTEXT = new ParseContext(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 22),
            Instant.parse("2026-08-22T03:00:00Z"));
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    static final Map<String, List<String>> SAMPLES = Map.of(
            "yamato", List.of("jp-yamato/packtrack-2009_list_count01.html", "jp-yamato/packtrack-2009_list_count10.html",
                    "jp-yamato/packtrack-2009_list_misc04.html", "jp-yamato/packtrack-2009_list_notexist.html",
                    "jp-yamato/sagawa-monitor-2026_766154809302_delivered.innertext.txt",
                    "jp-yamato/sagawa-monitor-2026_766171888193_returned-then-ferry.innertext.txt",
                    "synthetic/yamato-current-two-numbers.html"),
            "japanpost", List.of("jp-post/packtrack-2009_detail_317409136693.html", "jp-post/packtrack-2009_list_count10.html",
                    "synthetic/japanpost-current-history.html", "synthetic/japanpost-current-not-found.html"),
            "sagawa", List.of("jp-sagawa/packtrack-2009_list_count10.html",
                    "jp-sagawa/sagawa-monitor-2026_444803002033_investigating-no-history.innertext.txt",
                    "jp-sagawa/sagawa-monitor-2026_444803009836_delivered.innertext.txt",
                    "synthetic/sagawa-current-two-numbers.html", "synthetic/sagawa-current-not-found.html"));

    final Parsers parsers = new Parsers(List.of(new YamatoPageParser(), new JapanPostPageParser(), new SagawaPageParser()));

    @Test
    void everySampleParsesThroughParsers() {
        SAMPLES.forEach((source, paths) -> paths.forEach(path ->
                assertThat(parsers.parse(source, ShipmentLines.sample(path), CONTEXT)).as(path).isNotEmpty()));
    }

    @Test
    void truncatedSamples() {
        SAMPLES.forEach((source, paths) -> paths.forEach(path -> {
            byte[] bytes = ShipmentLines.sample(path);
            for (int cut : new int[] {1, bytes.length / 10, bytes.length / 3, bytes.length / 2, bytes.length * 9 / 10, bytes.length - 1}) {
                checkOutcome(source, path + " cut at " + cut, Arrays.copyOf(bytes, cut));
            }
        }));
    }

    @Test
    void shuffledLines() {
        SAMPLES.forEach((source, paths) -> paths.forEach(path -> {
            byte[] bytes = ShipmentLines.sample(path);
            for (int seed = 1; seed <= 5; seed++) {
                List<byte[]> lines = splitLines(bytes);
                Collections.shuffle(lines, new Random(seed));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                lines.forEach(l -> out.writeBytes(l));
                checkOutcome(source, path + " shuffled with seed " + seed, out.toByteArray());
            }
        }));
    }

    /** UTF-8 bytes read as Shift_JIS and Shift_JIS bytes read as UTF-8, then stored as UTF-8: mojibake. */
    @Test
    void wrongCharsetBothWays() {
        SAMPLES.forEach((source, paths) -> paths.forEach(path -> {
            byte[] bytes = ShipmentLines.sample(path);
            checkOutcome(source, path + " read as Shift_JIS", new String(bytes, SHIFT_JIS).getBytes(StandardCharsets.UTF_8));
            checkOutcome(source, path + " read as UTF-8", new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            checkOutcome(source, path + " re-encoded as Shift_JIS", new String(bytes, StandardCharsets.UTF_8).getBytes(SHIFT_JIS));
        }));
    }

    @Test
    void randomBytesAreAParseException() {
        Random random = new Random(42);
        for (String source : SAMPLES.keySet()) {
            for (int size : new int[] {1, 7, 100, 4096, 200_000}) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                assertThatThrownBy(() -> parsers.parse(source, bytes, CONTEXT)).as(source + " " + size + " random bytes")
                        .isInstanceOf(ParseException.class);
            }
        }
    }

    @Test
    void emptyPayloadIsALayoutChange() {
        for (String source : SAMPLES.keySet()) {
            assertThatThrownBy(() -> parsers.parse(source, new byte[0], CONTEXT)).isInstanceOf(ParseException.class)
                    .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        }
    }

    @Test
    void tenMegabytesAreRefused() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) '<');
        for (String source : SAMPLES.keySet()) {
            assertThatThrownBy(() -> parsers.parse(source, big, CONTEXT)).isInstanceOf(ParseException.class)
                    .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.TOO_LARGE);
        }
    }

    /** Just under the cap, a sample repeated to almost 4 MB, and 400 kB of unclosed tags still end in a result or a ParseException. */
    @Test
    void nearlyFourMegabytes() {
        SAMPLES.forEach((source, paths) -> {
            byte[] one = ShipmentLines.sample(paths.get(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() + one.length < Parsers.MAX_PAYLOAD_BYTES) {
                out.writeBytes(one);
            }
            checkOutcome(source, paths.get(0) + " repeated", out.toByteArray());
            checkOutcome(source, "nested tags", "<div><table><tr><td>".repeat(20_000).getBytes(StandardCharsets.US_ASCII));
        });
    }

    private void checkOutcome(String source, String what, byte[] payload) {
        List<ParsedShipment> shipments;
        try {
            shipments = parsers.parse(source, payload, CONTEXT);
        } catch (ParseException e) {
            assertThat(e.getMessage()).as(what).isNotBlank();
            return;
        } catch (Throwable e) {
            fail(what + ": " + source + " threw " + e, e);
            return;
        }
        assertThat(shipments).as(what + ": a result must not be empty").isNotEmpty();
        for (ParsedShipment shipment : shipments) {
            assertThat(shipment.notFound() || !shipment.events().isEmpty())
                    .as(what + ": a shipment is either not found or has events").isTrue();
            if (shipment.notFound()) {
                assertThat(shipment.events()).as(what).isEmpty();
            }
        }
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }
}
