package io.otodoke.connector.amazonmcf;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amazon MCF. Both samples are the SP-API model's own examples (SPEC-EXAMPLE), not live captures. */
class AmazonMcfParserTest {

    private final AmazonMcfParser parser = new AmazonMcfParser();

    @Test
    void trackingDetails2020NewestFirstBecomeOldestFirstEvents() {
        List<ParsedShipment> result = parser.parse(bytes("amazon/fbaOutbound-2020-07-01_getPackageTrackingDetails_200_example.json"), CONTEXT);
        assertThat(result).hasSize(1);
        ParsedShipment s = result.getFirst();
        assertThat(s.trackingNumber()).isEqualTo("1Z50V7420354708051");
        assertThat(s.carrier()).isEqualTo("ups");
        assertThat(s.notFound()).isFalse();
        // additionalLocationInfo AS_INSTRUCTED names no place: no reason on the delivery
        assertThat(lines(s)).containsExactly(
                "0 EVENT_206 | In transit to pickup location | IN_TRANSIT | 2019-10-30T23:33:28Z (Z) | Phoenix,,AZ,US",
                "1 EVENT_301 | Delivered. | DELIVERED | 2020-01-22T00:15:55Z (Z) | Troy,,MI,US");
    }

    @Test
    void package2026WithDeliveryTimeIsOneDeliveredEventAtTheFrontDoor() {
        ParsedShipment s = parser.parse(bytes("amazon/fulfillmentOutbound-2026-07-04_Package_example.json"), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("TRACKING123");
        assertThat(s.carrier()).isNull(); // AMZL is not a carrier code of carriers.tsv
        assertThat(lines(s)).containsExactly("0 DELIVERED | null | DELIVERED/SAFE_PLACE | 2025-04-21T12:34:56Z (Z) | -");
    }

    @Test
    void unknownEventCodeIsUnknownWithRawValuesKept() {
        String json = """
                {"payload":{"packageNumber":1,"trackingNumber":"TBA1","trackingEvents":[
                {"eventDate":"2026-11-20T10:00:00+09:00","eventCode":"EVENT_999","eventDescription":"New thing."}]}}""";
        ParsedShipment s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly("0 EVENT_999 | New thing. | UNKNOWN | 2026-11-20T10:00+09:00 (+09:00) | -");
    }

    @Test
    void everyEventCodeOfCarriersMdIsInTheTable() {
        for (String code : List.of("101", "102", "201", "202", "203", "204", "205", "206", "301", "302", "304", "306", "307",
                "308", "309", "401", "402", "403", "404", "405", "406", "407", "408", "409", "411", "412", "413", "414", "415",
                "416", "417", "418", "419", "801", "804")) {
            assertThat(AmazonMcfParser.CODES.get("EVENT_" + code)).as(code).isPresent();
        }
    }

    @Test
    void anErrorAnswerSaysWhatAmazonSaid() {
        assertThatThrownBy(() -> parser.parse("{\"errors\":[{\"code\":\"NotFound\",\"message\":\"Package 9 not found\"}]}"
                .getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class).hasMessageContaining("Package 9 not found");
    }

    @Test
    void anotherShapeIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"payload\":{\"foo\":1}}".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class);
    }
}
