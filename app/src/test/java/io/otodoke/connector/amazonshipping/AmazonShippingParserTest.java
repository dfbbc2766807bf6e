package io.otodoke.connector.amazonshipping;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.connector.ParsedShipment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Amazon Shipping v2. The sample is the model's example (SPEC-EXAMPLE), stored with its "application/json" key. */
class AmazonShippingParserTest {

    private final AmazonShippingParser parser = new AmazonShippingParser();

    @Test
    void forwardUndeliverableThenReturnLegDeliveredBackIsReturned() {
        ParsedShipment s = parser.parse(bytes("amazon/shippingV2_getTracking_200_example.json"), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("23AA47DE2B3B6");
        assertThat(s.notFound()).isFalse();
        // forward detail codes [Rejected, Damaged] refine the last FORWARD event; returns [Signed] the last RETURNS one
        assertThat(lines(s)).containsExactly(
                "0 Undeliverable | null | EXCEPTION/REFUSED | 2024-02-11T07:09:05Z (Z) | ,EX33 2JL,,GB",
                "1 ReturnInitiated | null | RETURNING_TO_SENDER | 2024-02-12T09:09:05Z (Z) | ,EX33 2JL,,GB",
                "2 Delivered | null | RETURNED/HANDED_OVER | 2024-02-13T04:09:05Z (Z) | ,EX33 2JL,,GB");
    }

    @Test
    void everyCodeOfCarriersMdIsInTheTable() {
        for (String code : java.util.List.of("ReadyForReceive", "PickupDone", "Departed", "ArrivedAtCarrierFacility", "OutForDelivery",
                "DeliveryAttempted", "AvailableForPickup", "Delivered", "RETURNS:Delivered", "Rejected", "Undeliverable", "Lost",
                "PickupCancelled", "ReturnInitiated", "RecipientRequestedAlternateDeliveryTiming", "PackageReceivedByCarrier",
                "SUMMARY:PreTransit", "SUMMARY:AwaitingCustomerPickup", "SUMMARY:PickupCancelled")) {
            assertThat(AmazonShippingParser.CODES.get(code)).as(code).isPresent();
        }
        // the 30 detail codes of carriers.md §4.2
        assertThat(AmazonShippingParser.CODES.keys().stream().filter(k -> k.startsWith("DETAIL:"))).hasSize(30);
    }

    @Test
    void payloadWrapperAsTheSchemaDeclaresIsReadToo() {
        String json = """
                {"payload":{"trackingId":"X1","eventHistory":[
                {"eventCode":"PickupDone","eventTime":"2026-11-20T01:00:00Z","shipmentType":"FORWARD","location":{"city":"Ichikawa","countryCode":"JP"}},
                {"eventCode":"Departed","eventTime":"2026-11-20T05:00:00Z","shipmentType":"FORWARD"},
                {"eventCode":"SomethingNew","eventTime":"2026-11-20T06:00:00Z","shipmentType":"FORWARD"}],
                "summary":{"status":"InTransit","trackingDetailCodes":{"forward":["ArrivedAtLocalFacility"],"returns":[]}}}}""";
        ParsedShipment s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly(
                "0 PickupDone | null | PICKED_UP | 2026-11-20T01:00Z (Z) | Ichikawa,,,JP",
                "1 Departed | null | IN_TRANSIT | 2026-11-20T05:00Z (Z) | -",
                "2 SomethingNew | null | UNKNOWN | 2026-11-20T06:00Z (Z) | -");
    }
}
