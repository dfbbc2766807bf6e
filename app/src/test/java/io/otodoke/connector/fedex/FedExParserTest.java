package io.otodoke.connector.fedex;

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

/**
 * FedEx Web Services Track v7 TrackReply. The six samples are REAL/sandbox answers kept as
 * Shopify/active_shipping fixtures (LEGACY SOAP). Each line: sequence (oldest first), raw code
 * (EventType|StatusExceptionCode), raw text, status/reason, time with its offset, and city,
 * postal code, state, country.
 */
class FedExParserTest {

    private final FedExParser parser = new FedExParser();

    private List<ParsedShipment> sample(String name) {
        return parser.parse(bytes("fedex/active_shipping_tracking_response_" + name + ".xml"), CONTEXT);
    }

    @Test
    void inTransitAwaitingCustomsClearanceInSydneyTime() {
        List<ParsedShipment> r = sample("in_transit");
        assertThat(r).hasSize(1);
        ParsedShipment s = r.getFirst();
        assertThat(s.trackingNumber()).isEqualTo("123456789012");
        assertThat(s.notFound()).isFalse();
        assertThat(s.carrier()).isNull();
        assertThat(lines(s)).containsExactly(
                "0 IT|72 | In transit: Package available for clearance | IN_TRANSIT/CUSTOMS | 2014-11-18T18:13+11:00 (+11:00) | ALEXANDRIA,2015,,AU");
    }

    @Test
    void deliveredAtTheDoorOldestFirstWithADateOnlyPickup() {
        List<ParsedShipment> r = sample("delivered_at_door");
        assertThat(r).hasSize(1);
        ParsedShipment s = r.getFirst();
        assertThat(s.trackingNumber()).isEqualTo("403934084723025");
        assertThat(s.notFound()).isFalse();
        // FedEx lists newest first; the pickup is printed 2014-01-03T00:00:00 without an offset: a date, zone unknown
        assertThat(lines(s)).containsExactly(
                "0 PU | Picked up | PICKED_UP | 2014-01-03T00:00Z (Z, DAY) | CAMBRIDGE,43725,OH,US",
                "1 OC | Shipment information sent to FedEx | LABEL_CREATED | 2014-01-03T15:03-05:00 (-05:00) | ,43822,,US",
                "2 AR | Arrived at FedEx location | IN_TRANSIT | 2014-01-04T00:43-05:00 (-05:00) | GROVE CITY,43123,OH,US",
                "3 DP | Departed FedEx location | IN_TRANSIT | 2014-01-04T14:30:17-05:00 (-05:00) | GROVE CITY,43123,OH,US",
                "4 AR | Arrived at FedEx location | IN_TRANSIT | 2014-01-07T20:14-08:00 (-08:00) | TROUTDALE,97060,OR,US",
                "5 DP | Departed FedEx location | IN_TRANSIT | 2014-01-07T21:54:07-08:00 (-08:00) | TROUTDALE,97060,OR,US",
                "6 IT | In transit | IN_TRANSIT | 2014-01-08T02:15:57-08:00 (-08:00) | PASCO,99301,WA,US",
                "7 AR | At local FedEx facility | ARRIVED_AT_DELIVERY_BASE | 2014-01-08T05:46-08:00 (-08:00) | SPOKANE,99216,WA,US",
                "8 OD | On FedEx vehicle for delivery | OUT_FOR_DELIVERY | 2014-01-08T06:33-08:00 (-08:00) | SPOKANE,99216,WA,US",
                "9 DL|014 | Delivered: Left at front door. Signature Service not requested. | DELIVERED/SAFE_PLACE | 2014-01-08T12:53:10-08:00 (-08:00) | Spokane,99206,WA,US");
        assertThat(s.events().getLast().occurredAt().instant()).hasToString("2014-01-08T20:53:10Z");
    }

    @Test
    void deliveredAtFedExOfficeAfterThreeAttemptsAndARedirect() {
        ParsedShipment s = sample("delivered_at_facility").getFirst();
        assertThat(s.trackingNumber()).isEqualTo("843119172384577");
        String vehicle = " | On FedEx vehicle for delivery | OUT_FOR_DELIVERY | ";
        String absent = " | Delivery exception: Customer not available or business closed | DELIVERY_ATTEMPTED/ABSENT | ";
        String leandro = " | SAN LEANDRO,94577,CA,US";
        assertThat(lines(s)).containsExactly(
                "0 PU | Picked up | PICKED_UP | 2013-12-26T20:59-06:00 (-06:00) | NASHVILLE,37207,TN,US",
                "1 AR | Arrived at FedEx location | IN_TRANSIT | 2013-12-27T00:42-06:00 (-06:00) | NASHVILLE,37207,TN,US",
                "2 DP | Departed FedEx location | IN_TRANSIT | 2013-12-27T15:46:20-06:00 (-06:00) | NASHVILLE,37207,TN,US",
                "3 AR | Arrived at FedEx location | IN_TRANSIT | 2013-12-31T15:26-08:00 (-08:00) | SACRAMENTO,95824,CA,US",
                "4 AR | At local FedEx facility | ARRIVED_AT_DELIVERY_BASE | 2014-01-02T06:37-08:00 (-08:00)" + leandro,
                "5 OD" + vehicle + "2014-01-02T09:05-08:00 (-08:00)" + leandro,
                "6 DE|007" + absent + "2014-01-02T14:30:44-08:00 (-08:00)" + leandro,
                "7 OD" + vehicle + "2014-01-03T08:43-08:00 (-08:00)" + leandro,
                "8 DE|007" + absent + "2014-01-03T14:51:07-08:00 (-08:00)" + leandro,
                "9 OD" + vehicle + "2014-01-04T08:58-08:00 (-08:00)" + leandro,
                "10 DE|007" + absent + "2014-01-04T14:55:45-08:00 (-08:00)" + leandro,
                "11 RR|A12 | Delivery option requested: Hold at FedEx location request received - Check back later for shipment status"
                        + " | IN_TRANSIT/FORWARDED | 2014-01-05T19:19:19-08:00 (-08:00) | ,94704,,",
                "12 OD" + vehicle + "2014-01-07T08:08-08:00 (-08:00)" + leandro,
                "13 DE|A13 | Delivery exception: Redirecting to FedEx Office | IN_TRANSIT/FORWARDED | 2014-01-07T11:22:33-08:00 (-08:00)" + leandro,
                "14 AR | At local FedEx facility | ARRIVED_AT_DELIVERY_BASE | 2014-01-08T04:08-08:00 (-08:00)" + leandro,
                "15 OD" + vehicle + "2014-01-08T08:28-08:00 (-08:00)" + leandro,
                "16 AF|A3 | At local FedEx facility: Tendered at FedEx Office | ARRIVED_AT_DELIVERY_BASE | 2014-01-08T15:22:50-08:00 (-08:00) | ,94577,,",
                "17 HP|015A | Held at FedEx location for recipient pickup: Package available for pickup at FedEx Office: 2201 SHATTUCK AVE"
                        + " | HELD_FOR_PICKUP | 2014-01-08T15:23-08:00 (-08:00) | BERKELEY,94704,CA,US",
                "18 DL|005 | Delivered: Delivered to recipient at FedEx Office | DELIVERED/COUNTER | 2014-01-08T18:03-08:00 (-08:00) | Berkeley,94704,CA,US");
    }

    @Test
    void shipmentExceptionIsAnException() {
        ParsedShipment s = sample("shipment_exception").getFirst();
        assertThat(s.trackingNumber()).isEqualTo("957794015041323");
        assertThat(lines(s)).containsExactly(
                "0 OC | Shipment information sent to FedEx | LABEL_CREATED | 2014-01-27T17:00-05:00 (-05:00) | ,13502,,US",
                "1 IP|084 | In FedEx possession: Tendered at FedEx location | PICKED_UP | 2014-01-27T18:10-06:00 (-06:00) | AUSTIN,78704,TX,US",
                "2 PU | Picked up | PICKED_UP | 2014-01-27T19:13-06:00 (-06:00) | AUSTIN,78744,TX,US",
                "3 AR | Arrived at FedEx location | IN_TRANSIT | 2014-01-27T20:23-06:00 (-06:00) | AUSTIN,78744,TX,US",
                "4 DP | Left FedEx origin facility | IN_TRANSIT | 2014-01-27T22:05:41-06:00 (-06:00) | AUSTIN,78744,TX,US",
                "5 AR | Arrived at FedEx location | IN_TRANSIT | 2014-01-28T02:41-06:00 (-06:00) | FORT WORTH,76119,TX,US",
                "6 DP | Departed FedEx location | IN_TRANSIT | 2014-01-28T10:23:34-06:00 (-06:00) | FORT WORTH,76119,TX,US",
                "7 SE|099 | Shipment exception: Unable to deliver | EXCEPTION | 2014-01-28T17:43:08-06:00 (-06:00) | FORT WORTH,76119,TX,US");
    }

    @Test
    void error9040IsNotFound() {
        List<ParsedShipment> r = sample("not_found");
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().trackingNumber()).isEqualTo("123456789013");
        assertThat(r.getFirst().notFound()).isTrue();
        assertThat(r.getFirst().events()).isEmpty();
    }

    @Test
    void multipleResultsAreOneShipmentPerTrackDetails() {
        List<ParsedShipment> r = sample("multiple_results");
        // one number, three FedEx shipments (UniqueIdentifier differs), none with events yet
        assertThat(r).hasSize(3).allSatisfy(s -> {
            assertThat(s.trackingNumber()).isEqualTo("123456789012");
            assertThat(s.notFound()).isFalse();
            assertThat(s.events()).isEmpty();
        });
    }

    @Test
    void aSoapEnvelopeAroundTheReplyIsRead() {
        String reply = new String(bytes("fedex/active_shipping_tracking_response_in_transit.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*>", "");
        String soap = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + reply + "</soapenv:Body></soapenv:Envelope>";
        assertThat(lines(parser.parse(soap.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst())).hasSize(1);
    }

    @Test
    void unknownTypesStayUnknownWithTheirRawValues() {
        String xml = """
                <TrackReply xmlns="http://fedex.com/ws/track/v7"><HighestSeverity>SUCCESS</HighestSeverity>
                <CompletedTrackDetails><TrackDetails><TrackingNumber>7777</TrackingNumber>
                <Events><Timestamp>2026-11-20T10:00:00+09:00</Timestamp><EventType>ZZ</EventType>
                <EventDescription>Teleported</EventDescription><StatusExceptionCode>X1</StatusExceptionCode></Events>
                </TrackDetails></CompletedTrackDetails></TrackReply>""";
        assertThat(lines(parser.parse(xml.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst()))
                .containsExactly("0 ZZ|X1 | Teleported | UNKNOWN | 2026-11-20T10:00+09:00 (+09:00) | -");
    }

    @Test
    void anUnknownErrorOrAFailedReplyIsAClearErrorNotAnEmptyAnswer() {
        String unknownError = """
                <TrackReply xmlns="http://fedex.com/ws/track/v7"><CompletedTrackDetails><TrackDetails>
                <Notification><Severity>ERROR</Severity><Code>6035</Code><Message>Invalid tracking numbers</Message></Notification>
                <TrackingNumber>1</TrackingNumber></TrackDetails></CompletedTrackDetails></TrackReply>""";
        assertThatThrownBy(() -> parser.parse(unknownError.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class).hasMessageContaining("6035").hasMessageContaining("Invalid tracking numbers");
        String failure = """
                <TrackReply xmlns="http://fedex.com/ws/track/v7"><HighestSeverity>FAILURE</HighestSeverity>
                <Notifications><Severity>FAILURE</Severity><Code>1000</Code><Message>Authentication Failed</Message></Notifications>
                </TrackReply>""";
        assertThatThrownBy(() -> parser.parse(failure.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class).hasMessageContaining("Authentication Failed");
        assertThatThrownBy(() -> parser.parse("<TrackReply xmlns=\"http://fedex.com/ws/track/v7\"><CompletedTrackDetails/></TrackReply>"
                .getBytes(StandardCharsets.UTF_8), CONTEXT)).isInstanceOf(ParseException.class);
    }

    @Test
    void otherXmlIsNotATrackReply() {
        assertThatThrownBy(() -> parser.parse("<TrackReply><x/></TrackReply>".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class).extracting(e -> ((ParseException) e).kind())
                .isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        assertThatThrownBy(() -> parser.parse("<html><body>FedEx</body></html>".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void doctypesAndExternalEntitiesAreRefusedXxeSafe() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE TrackReply [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <TrackReply xmlns="http://fedex.com/ws/track/v7"><CompletedTrackDetails><TrackDetails>
                <TrackingNumber>&xxe;</TrackingNumber></TrackDetails></CompletedTrackDetails></TrackReply>""";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class).extracting(e -> ((ParseException) e).kind())
                .isEqualTo(ParseException.Kind.MALFORMED);
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><a>&b;</a>";
        assertThatThrownBy(() -> parser.parse(billionLaughs.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void everyMappedKeyUsesAKnownShape() {
        assertThat(FedExParser.CODES.keys()).contains("SE", "DL", "PU", "OC", "AR", "DP", "IT", "OD", "DE", "N:9040");
        assertThat(FedExParser.CODES.get("SE").orElseThrow().status().name()).isEqualTo("EXCEPTION");
    }
}
