package io.otodoke.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.aftership.AfterShipParser;
import io.otodoke.connector.amazonmcf.AmazonMcfParser;
import io.otodoke.connector.amazonshipping.AmazonShippingParser;
import io.otodoke.connector.csv.EventsCsvParser;
import io.otodoke.connector.dhl.DhlParser;
import io.otodoke.connector.epcis.EpcisParser;
import io.otodoke.connector.fedex.FedExParser;
import io.otodoke.connector.seventeentrack.SeventeenTrackParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives, the API parsers answer with events or a ParseException, nothing else. */
class ParsersRobustnessTest {

    private static final Map<String, String> SAMPLE = Map.of(
            "amazon_mcf", "amazon/fbaOutbound-2020-07-01_getPackageTrackingDetails_200_example.json",
            "amazon_shipping", "amazon/shippingV2_getTracking_200_example.json",
            "dhl", "dhl/parcel-de_470800204932_delivered.json",
            "fedex", "fedex/active_shipping_tracking_response_delivered_at_door.xml",
            "seventeentrack", "17track/py17track_gettrackinfo_success_response.json",
            "aftership", "aftership/pyaftership_get_trackings.json",
            "epcis", "gs1-epcis/Example_9.6.1-ObjectEvent.jsonld",
            "csv", "synthetic/events.csv");

    private final Parsers parsers = new Parsers(List.of(new AmazonMcfParser(), new AmazonShippingParser(), new DhlParser(), new FedExParser(),
            new SeventeenTrackParser(), new AfterShipParser(), new EpcisParser(), new EventsCsvParser()));

    @Test
    void everySampleParsesToEvents() {
        assertThat(parsers.sources()).containsExactlyInAnyOrderElementsOf(SAMPLE.keySet());
        SAMPLE.forEach((source, path) -> assertThat(parsers.parse(source, Samples.bytes(path), Samples.CONTEXT))
                .as(source).isNotEmpty().anySatisfy(s -> assertThat(s.events()).isNotEmpty()));
    }

    @Test
    void brokenInputsAreParseExceptionsOnly() {
        Random random = new Random(42);
        for (String source : SAMPLE.keySet()) {
            byte[] good = Samples.bytes(SAMPLE.get(source));
            List<byte[]> bad = new ArrayList<>();
            bad.add(new byte[0]);
            bad.add(Arrays.copyOf(good, good.length / 2));
            bad.add(new String(good, StandardCharsets.UTF_8).replace("e", "é").getBytes(Charset.forName("windows-1252")));
            bad.add(new String(good, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
            bad.add(new String(good, StandardCharsets.UTF_8).getBytes(Charset.forName("Shift_JIS")));
            byte[] randomBytes = new byte[4096];
            random.nextBytes(randomBytes);
            bad.add(randomBytes);
            List<Byte> shuffled = new ArrayList<>();
            for (byte b : good) {
                shuffled.add(b);
            }
            Collections.shuffle(shuffled, random);
            byte[] shuffledBytes = new byte[good.length];
            for (int i = 0; i < good.length; i++) {
                shuffledBytes[i] = shuffled.get(i);
            }
            bad.add(shuffledBytes);
            bad.add(new byte[10 * 1024 * 1024]);
            bad.add("{}".getBytes(StandardCharsets.UTF_8));
            bad.add("[]".getBytes(StandardCharsets.UTF_8));
            bad.add("null".getBytes(StandardCharsets.UTF_8));
            bad.add("{\"data\": 5, \"payload\": [], \"shipments\": \"x\", \"code\": 0}".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                byte[] cut = Arrays.copyOf(good, random.nextInt(good.length));
                bad.add(cut);
            }
            // these are never a readable payload of any source: they must be refused, not read as nothing
            // (empty, Latin-1, UTF-16, random, shuffled, 10 MB, {}, [], null)
            List<byte[]> refused = new ArrayList<>();
            for (int i : new int[] {0, 2, 3, 5, 6, 7, 8, 9, 10}) {
                refused.add(bad.get(i));
            }
            if (!source.equals("csv")) {
                refused.add(bad.get(1)); // half a JSON document
            }
            for (byte[] payload : refused) {
                assertThatThrownBy(() -> parsers.parse(source, payload, Samples.CONTEXT)).as(source).isInstanceOf(ParseException.class);
            }
            for (byte[] payload : bad) {
                try {
                    parsers.parse(source, payload, Samples.CONTEXT);
                } catch (ParseException expected) {
                    continue;
                }
            }
            // another source's document is never read as this one's (and never as an empty list)
            for (String other : SAMPLE.keySet()) {
                if (!other.equals(source)) {
                    byte[] foreign = Samples.bytes(SAMPLE.get(other));
                    assertThatThrownBy(() -> parsers.parse(source, foreign, Samples.CONTEXT)).as(source + " given " + other)
                            .isInstanceOf(ParseException.class);
                }
            }
        }
    }

    @Test
    void aJapaneseCsvInShiftJisIsRefusedNotReadAsMojibake() {
        byte[] sjis = new String(Samples.bytes("synthetic/events.csv"), StandardCharsets.UTF_8).getBytes(Charset.forName("Shift_JIS"));
        assertThatThrownBy(() -> parsers.parse("csv", sjis, Samples.CONTEXT)).isInstanceOf(ParseException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void tenMegabytesIsRefusedAsTooLarge() {
        assertThatThrownBy(() -> parsers.parse("aftership", new byte[10 * 1024 * 1024], Samples.CONTEXT))
                .isInstanceOf(ParseException.class)
                .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.TOO_LARGE);
    }
}
