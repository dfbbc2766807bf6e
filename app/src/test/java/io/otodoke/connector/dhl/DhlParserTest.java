package io.otodoke.connector.dhl;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DHL Unified API. The sample is a REAL-EXTRACT (DHL Paket, March 2023). */
class DhlParserTest {

    private final DhlParser parser = new DhlParser();

    @Test
    void realParcelDeHistoryOldestFirstInBerlinTime() {
        ParsedShipment s = parser.parse(bytes("dhl/parcel-de_470800204932_delivered.json"), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("470800204932");
        assertThat(s.carrier()).isNull();
        String prepared = "Die Sendung wurde für den Weitertransport vorbereitet.";
        // no offset in the payload; origin and destination are DE, a single-zone country: Europe/Berlin
        assertThat(lines(s)).containsExactly(
                "0 transit | Die Sendung wurde vom Absender in der Filiale eingeliefert. | PICKED_UP | 2023-03-01T16:14+01:00 (Europe/Berlin) | Deutschland,,,",
                "1 pre-transit | Die Sendung wurde elektronisch angekündigt. Sobald die Sendung von uns bearbeitet wurde, erhalten Sie weitere Informationen. | LABEL_CREATED | 2023-03-01T16:18+01:00 (Europe/Berlin) | -",
                "2 transit | " + prepared + " | IN_TRANSIT | 2023-03-02T14:13+01:00 (Europe/Berlin) | Deutschland,,,",
                "3 transit | " + prepared + " | IN_TRANSIT | 2023-03-08T14:43+01:00 (Europe/Berlin) | Deutschland,,,",
                "4 transit | " + prepared + " | IN_TRANSIT | 2023-03-09T18:37+01:00 (Europe/Berlin) | Deutschland,,,",
                "5 transit | Die Sendung wurde von DHL bearbeitet und wird für den Weitertransport in die Region des Empfängers vorbereitet. | IN_TRANSIT | 2023-03-09T19:16+01:00 (Europe/Berlin) | Deutschland,,,",
                "6 transit | Die Sendung ist in der Region des Empfängers angekommen und wird im nächsten Schritt zur Zustellbasis transportiert. | IN_TRANSIT | 2023-03-10T23:56+01:00 (Europe/Berlin) | Deutschland,,,",
                "7 transit | Die Sendung wurde zurückgestellt. Die Zustellung erfolgt vrs. am nächsten Werktag. | IN_TRANSIT/DELAYED | 2023-03-11T22:20+01:00 (Europe/Berlin) | Deutschland,,,",
                "8 transit | Die Sendung wurde in das Zustellfahrzeug geladen. Die Zustellung erfolgt voraussichtlich heute. | OUT_FOR_DELIVERY | 2023-03-13T08:36+01:00 (Europe/Berlin) | -",
                "9 delivered | Die Sendung wurde zugestellt. | DELIVERED | 2023-03-13T09:50+01:00 (Europe/Berlin) | Deutschland,,,");
    }

    @Test
    void noResultProblemIsNotFound() {
        String json = """
                {"title":"No result found","status":404,"detail":"Unfortunately we couldn't find shipment with the following tracking number.",
                 "instance":"/track/shipments?trackingNumber=00340434161094042557"}""";
        ParsedShipment s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(s.notFound()).isTrue();
        assertThat(s.trackingNumber()).isEqualTo("00340434161094042557");
        assertThat(s.events()).isEmpty();
    }

    @Test
    void aShipmentWithOnlyItsStatusGivesThatEvent() {
        String json = """
                {"shipments":[{"id":"JJD0001","service":"parcel-de","status":{"timestamp":"2026-11-20T10:00:00",
                 "location":{"address":{"countryCode":"DE","addressLocality":"Bonn"}},"statusCode":"failure",
                 "description":"Der Empfänger wurde nicht angetroffen."}}]}""";
        ParsedShipment s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly(
                "0 failure | Der Empfänger wurde nicht angetroffen. | DELIVERY_ATTEMPTED/ABSENT | 2026-11-20T10:00+01:00 (Europe/Berlin) | Bonn,,,DE");
    }

    @Test
    void emptyShipmentListIsNotReadAsNothing() {
        assertThatThrownBy(() -> parser.parse("{\"shipments\":[]}".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void crossBorderWithoutCountryKeepsTheDigitsInTheStandInZone() {
        String json = """
                {"shipments":[{"id":"1234567890","service":"express","origin":{"address":{"countryCode":"US"}},
                 "destination":{"address":{"countryCode":"JP"}},"events":[
                 {"timestamp":"2026-11-20T10:00:00","statusCode":"failure","description":"Returned to sender"},
                 {"timestamp":"2026-11-19T10:00:00","location":{"address":{"countryCode":"JP","addressLocality":"Tokyo"}},"statusCode":"weird"}]}]}""";
        ParsedShipment s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(s.carrier()).isEqualTo("dhl_express");
        assertThat(lines(s)).containsExactly(
                "0 weird | null | UNKNOWN | 2026-11-19T10:00+09:00 (Asia/Tokyo) | Tokyo,,,JP",
                "1 failure | Returned to sender | RETURNING_TO_SENDER | 2026-11-20T10:00Z (Z) | -");
    }
}
