package io.otodoke.connector.aftership;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.connector.ParsedShipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AfterShip. get_trackings is REAL (numbers redacted); the webhook and pending fixtures are SYNTHETIC. */
class AfterShipParserTest {

    private final AfterShipParser parser = new AfterShipParser();

    @Test
    void realGetTrackingsFedexJourneyAndTwoExpiredTrackings() {
        List<ParsedShipment> r = parser.parse(bytes("aftership/pyaftership_get_trackings.json"), CONTEXT);
        assertThat(r).hasSize(3);
        ParsedShipment fedex = r.get(0);
        assertThat(fedex.trackingNumber()).isEqualTo("1111111111111");
        assertThat(fedex.carrier()).isEqualTo("fedex");
        assertThat(lines(fedex)).containsExactly(
                "0 InfoReceived_001 | Shipment information sent to FedEx | LABEL_CREATED | 2018-07-31T10:33-04:00 (-04:00) | -",
                "1 InTransit_002 | Picked up | PICKED_UP | 2018-07-31T16:47-04:00 (-04:00) | BROOKLYN,,NY,",
                "2 InTransit_003 | Arrived at FedEx location | IN_TRANSIT | 2018-07-31T17:51-04:00 (-04:00) | BROOKLYN,,NY,",
                "3 InTransit_007 | Left FedEx origin facility | IN_TRANSIT | 2018-07-31T20:29:29-04:00 (-04:00) | BROOKLYN,,NY,",
                "4 Exception_001 | Shipment exception - Barcode label unreadable and replaced | EXCEPTION | 2018-08-01T00:13:04-04:00 (-04:00) | KEASBEY,,NJ,",
                "5 InTransit_003 | Arrived at FedEx location | IN_TRANSIT | 2018-08-01T00:17-04:00 (-04:00) | KEASBEY,,NJ,",
                "6 InTransit_007 | Departed FedEx location | IN_TRANSIT | 2018-08-01T04:30:14-04:00 (-04:00) | KEASBEY,,NJ,",
                "7 InTransit_007 | At local FedEx facility | IN_TRANSIT | 2018-08-01T06:29-04:00 (-04:00) | DAYTON,,NJ,",
                "8 InTransit_003 | Arrived at FedEx location | IN_TRANSIT | 2018-08-01T06:31-04:00 (-04:00) | DAYTON,,NJ,",
                "9 OutForDelivery_001 | On FedEx vehicle for delivery | OUT_FOR_DELIVERY | 2018-08-01T06:41-04:00 (-04:00) | DAYTON,,NJ,",
                "10 Delivered_001 | Delivered - Left at front door. Signature Service not requested. | DELIVERED | 2018-08-01T13:19:47-04:00 (-04:00) | Deal,,NJ,");
        assertThat(r.get(1).trackingNumber()).isEqualTo("2222222222222");
        assertThat(r.get(1).carrier()).isEqualTo("ups");
        assertThat(lines(r.get(1))).containsExactly("0 Expired_001 | Expired | EXPIRED | 2018-06-22T07:21:57Z (Z) | -");
        assertThat(r.get(1).notFound()).isFalse();
        assertThat(lines(r.get(2))).containsExactly("0 Expired_001 | Expired | EXPIRED | 2018-07-11T08:34:34Z (Z) | -");
    }

    @Test
    void syntheticWebhookDeduplicatesCheckpointsAndFallsBackFromUnknownSubtag() {
        // the fixture repeats the first checkpoint without location (same time, message differing in case and spaces)
        // and re-sends the last one with the same 2026-07 hash: both are read once
        ParsedShipment s = parser.parse(bytes("synthetic/aftership-webhook.json"), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("1Z999AA10123456784");
        assertThat(lines(s)).containsExactly(
                "0 InTransit_002 | Origin Scan | PICKED_UP | 2026-11-27T09:10-05:00 (-05:00) | NEW YORK,10001,NY,USA",
                "1 Exception_099 | Held: weather | EXCEPTION | 2026-11-28T18:00-05:00 (-05:00) | NEWARK,,NJ,USA",
                "2 Delivered_005 | Delivered to neighbour at no. 12 | DELIVERED/NEIGHBOUR | 2026-11-29T11:45-05:00 (-05:00) | BOSTON,02108,MA,USA");
    }

    @Test
    void everyTagAndListedSubtagIsInTheTable() {
        for (String code : List.of("Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
                "AvailableForPickup", "Exception", "Expired", "InTransit_002", "Delivered_002", "Delivered_003", "Delivered_005",
                "Exception_002", "Exception_003", "Exception_004", "Exception_005", "Exception_010", "Exception_011",
                "Exception_017", "Expired_001")) {
            assertThat(AfterShipParser.CODES.get(code)).as(code).isPresent();
        }
    }

    @Test
    void syntheticPendingWithoutCheckpointsIsNotFound() {
        ParsedShipment s = parser.parse(bytes("synthetic/aftership-get-tracking-pending.json"), CONTEXT).getFirst();
        assertThat(s.notFound()).isTrue();
        assertThat(s.carrier()).isEqualTo("yamato");
        assertThat(s.events()).isEmpty();
    }
}
