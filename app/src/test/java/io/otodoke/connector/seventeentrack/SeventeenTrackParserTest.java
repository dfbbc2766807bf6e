package io.otodoke.connector.seventeentrack;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 17TRACK. The py17track files are REAL v1 answers (number redacted); the v2 and webhook
 * fixtures under synthetic/ are SYNTHETIC, written from carriers.md §6.1.
 */
class SeventeenTrackParserTest {

    private final SeventeenTrackParser parser = new SeventeenTrackParser();
    private static final String N = "1234567890987654321";
    private static final String ARRIVAL = "Arrival at Destination Post";

    @Test
    void v1GetTrackInfoNewestEventCarriesTheTrackStatusOlderOnesAreUnknown() {
        List<ParsedShipment> r = parser.parse(bytes("17track/py17track_gettrackinfo_success_response.json"), CONTEXT);
        assertThat(r).hasSize(5).allSatisfy(s -> assertThat(s.trackingNumber()).isEqualTo(N));
        assertThat(lines(r.get(0))).containsExactly(
                "0 null | " + ARRIVAL + " | UNKNOWN | 2022-03-07T22:06Z (Z) | -",
                "1 null | " + ARRIVAL + " | UNKNOWN | 2022-03-08T01:41Z (Z) | Milano,,,Italy",
                "2 null | " + ARRIVAL + " | UNKNOWN | 2022-03-08T02:36Z (Z) | Spain,,,",
                "3 40 | " + ARRIVAL + " | DELIVERED | 2022-03-08T14:11Z (Z) | Paris,,,");
        assertThat(lines(r.get(1))).hasSize(3).last().asString().startsWith("2 40 | ");
        // the newest event has no time: it cannot be placed, so e=40 labels the newest timed one
        assertThat(lines(r.get(2))).containsExactly("0 40 | " + ARRIVAL + " | DELIVERED | 2022-03-07T22:06Z (Z) | -");
        assertThat(lines(r.get(3))).containsExactly("0 40 | " + ARRIVAL + " | DELIVERED | 2022-03-07T22:06Z (Z) | -");
        assertThat(r.get(4).events()).isEmpty();
        assertThat(r.get(4).notFound()).isFalse();
    }

    @Test
    void v1UnknownAndNotFoundStatusCodes() {
        List<ParsedShipment> r = parser.parse(bytes("17track/py17track_gettrackinfo_with_unknown_status_response.json"), CONTEXT);
        assertThat(r).hasSize(3);
        // e=0 (not found) with real scans: never NOT_FOUND over a scan (carriers.md §2)
        assertThat(r.get(0).notFound()).isFalse();
        assertThat(r.get(0).events()).hasSize(4).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("UNKNOWN"));
        assertThat(lines(r.get(1)).getLast()).isEqualTo("2 10 | " + ARRIVAL + " | IN_TRANSIT | 2022-03-08T02:36Z (Z) | Spain,,,");
        assertThat(lines(r.get(2))).containsExactly(
                "0 null | " + ARRIVAL + " | UNKNOWN | 2022-03-07T22:06Z (Z) | -",
                "1 5000 | " + ARRIVAL + " | UNKNOWN | 2022-03-08T01:41Z (Z) | Milano,,,Italy");
    }

    @Test
    void registerAnswersHaveNoEvents() {
        ParsedShipment ok = parser.parse(bytes("17track/py17track_register_success_response.json"), CONTEXT).getFirst();
        assertThat(ok.trackingNumber()).isEqualTo("1234567890");
        assertThat(ok.notFound()).isFalse();
        assertThat(ok.events()).isEmpty();
        // -18019901 "has been registered": registered, not an error
        ParsedShipment again = parser.parse(bytes("17track/py17track_register_existing_response.json"), CONTEXT).getFirst();
        assertThat(again.trackingNumber()).isEqualTo("1234567890");
        assertThat(again.notFound()).isFalse();
        assertThat(again.events()).isEmpty();
    }

    @Test
    void unknownRejectionIsAClearError() {
        assertThatThrownBy(() -> parser.parse("""
                {"code":0,"data":{"accepted":[],"rejected":[{"number":"1","error":{"code":-18010013,"message":"quota"}}]}}""".getBytes(), CONTEXT))
                .isInstanceOf(ParseException.class).hasMessageContaining("-18010013").hasMessageContaining("quota");
    }

    @Test
    void consumerWebListGivesEachPackagesLatestEvent() {
        // the buyer-web list (unofficial consumer API, REAL): FLastEvent {a local time, c city, d country, z text}.
        // It has no FPackageState, and FTrackStateType is the package type (py17track), so no status is known:
        // UNKNOWN, with the text, time and place kept; an empty FLastEvent is no event.
        List<ParsedShipment> r = parser.parse(bytes("17track/py17track_buyer-web_packages_response.json"), CONTEXT);
        assertThat(r).hasSize(5).allSatisfy(s -> {
            assertThat(s.trackingNumber()).isEqualTo(N);
            assertThat(s.notFound()).isFalse();
        });
        assertThat(lines(r.get(0))).containsExactly("0 null | " + ARRIVAL + " | UNKNOWN | 2018-04-23T12:02Z (Z) | Paris,,,");
        assertThat(lines(r.get(1))).containsExactly("0 null | " + ARRIVAL + " | UNKNOWN | 2019-02-26T01:05:34Z (Z) | ,,,Spain");
        assertThat(lines(r.get(2))).containsExactly("0 null | " + ARRIVAL + " | UNKNOWN | 2021-03-05T00:00Z (Z, DAY) | Milano,,,Italy");
        assertThat(lines(r.get(3))).containsExactly("0 null | " + ARRIVAL + " | UNKNOWN | 2018-11-22T13:33Z (Z) | -");
        assertThat(r.get(4).events()).isEmpty();
    }

    @Test
    void consumerWebListMapsFPackageStateLikeV1() {
        String json = """
                {"pageInfo":{"Page":1},"Json":[
                 {"FTrackNo":"AB1","FTrackStateType":1,"FPackageState":40,"FLastEvent":"{\\"a\\":\\"2026-11-20 10:00\\",\\"c\\":\\"Tokyo\\",\\"d\\":\\"Japan\\",\\"z\\":\\"Delivered\\"}"},
                 {"FTrackNo":"AB2","FTrackStateType":0,"FPackageState":0,"FLastEvent":null},
                 {"FTrackNo":"AB3","FPackageState":99,"FLastEvent":"{\\"a\\":\\"2026-11-21 08:00\\",\\"z\\":\\"Mystery\\"}"}]}""";
        List<ParsedShipment> r = parser.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTEXT);
        assertThat(lines(r.get(0))).containsExactly("0 40 | Delivered | DELIVERED | 2026-11-20T10:00Z (Z) | Tokyo,,,Japan");
        assertThat(r.get(1).notFound()).isTrue();
        assertThat(r.get(1).events()).isEmpty();
        assertThat(lines(r.get(2))).containsExactly("0 99 | Mystery | UNKNOWN | 2026-11-21T08:00Z (Z) | -");
        assertThatThrownBy(() -> parser.parse("{\"Json\":[{\"FLastEvent\":\"\"}]}".getBytes(), CONTEXT))
                .isInstanceOf(ParseException.class).hasMessageContaining("FTrackNo");
    }

    @Test
    void syntheticV2GetTrackInfoSubStatusFirstThenMainStatus() {
        List<ParsedShipment> r = parser.parse(bytes("synthetic/17track-v2-gettrackinfo.json"), CONTEXT);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).trackingNumber()).isEqualTo("RR123456785CN");
        assertThat(lines(r.get(0))).containsExactly(
                "0 Teleported_Elsewhere | Mystery scan | UNKNOWN | 2026-11-17T09:00+08:00 (+08:00) | -",
                "1 InTransit_PickedUp | Accepted by carrier | PICKED_UP | 2026-11-18T10:00+08:00 (+08:00) | SHENZHEN,,,CN",
                "2 OutForDelivery_Other | Out for delivery | OUT_FOR_DELIVERY | 2026-11-20T08:30+09:00 (+09:00) | TOKYO,,,JP",
                "3 Delivered_Other | Delivered | DELIVERED | 2026-11-20T14:05+09:00 (+09:00) | TOKYO,100-0001,,JP");
        assertThat(r.get(1).trackingNumber()).isEqualTo("XX0000000000");
        assertThat(r.get(1).notFound()).isTrue();
    }

    @Test
    void syntheticWebhookExpiredAndNotFound() {
        ParsedShipment expired = parser.parse(bytes("synthetic/17track-v2-webhook-expired.json"), CONTEXT).getFirst();
        assertThat(lines(expired)).containsExactly(
                "0 InTransit_CustomsProcessing | Customs clearance started | IN_TRANSIT/CUSTOMS | 2026-10-01T12:00+08:00 (+08:00) | BEIJING,,,CN",
                "1 Expired_Other | No update for 30 days | EXPIRED | 2026-10-01T12:00+08:00 (+08:00) | -");
        ParsedShipment none = parser.parse(bytes("synthetic/17track-v2-webhook-notfound.json"), CONTEXT).getFirst();
        assertThat(none.notFound()).isTrue();
        assertThat(none.events()).isEmpty();
    }

    @Test
    void v1ExpiredIsSeventeenTracksOwnEventAfterTheLastScan() {
        ParsedShipment s = parser.parse("""
                {"code":0,"data":{"accepted":[{"number":"LX1","track":{"e":20,"z1":[{"a":"2026-10-01 08:00","c":"Lyon","d":"","z":"Départ"}],"z2":[]}}],"rejected":[]}}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly(
                "0 null | Départ | UNKNOWN | 2026-10-01T08:00Z (Z) | Lyon,,,",
                "1 20 | null | EXPIRED | 2026-10-01T08:00Z (Z) | -");
    }

    @Test
    void v2WithoutProviderListFallsBackToLatestEvent() {
        ParsedShipment s = parser.parse("""
                {"event":"TRACKING_UPDATED","data":{"number":"RB1","track_info":{"latest_status":{"status":"InTransit","sub_status":"InTransit_Arrival"},
                 "latest_event":{"time_iso":"2026-11-28T07:00:00+09:00","time_utc":"2026-11-27T22:00:00Z","description":"Arrived","location":"OSAKA","sub_status":"InTransit_Arrival"}}}}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly("0 InTransit_Arrival | Arrived | IN_TRANSIT | 2026-11-28T07:00+09:00 (+09:00) | OSAKA,,,");
    }

    @Test
    void webhookTrackingStoppedIsExpiredAtReceipt() {
        ParsedShipment s = parser.parse("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"lx-1\",\"carrier\":3011}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("LX1");
        assertThat(lines(s)).containsExactly("0 TRACKING_STOPPED | null | EXPIRED | 2026-11-29T10:00Z (Z) | -");
    }

    @Test
    void everyStatusOfCarriersMdIsInTheTable() {
        for (String code : List.of("NotFound_Other", "NotFound_InvalidCode", "InfoReceived", "InTransit_PickedUp", "InTransit_Departure",
                "InTransit_Arrival", "InTransit_CustomsProcessing", "InTransit_CustomsReleased", "InTransit_CustomsRequiringInformation",
                "InTransit_Other", "Expired_Other", "AvailableForPickup_Other", "OutForDelivery_Other", "DeliveryFailure_NoBody",
                "DeliveryFailure_Security", "DeliveryFailure_Rejected", "DeliveryFailure_InvalidAddress", "DeliveryFailure_Other",
                "Delivered_Other", "Exception_Returning", "Exception_Returned", "Exception_NoBody", "Exception_Security",
                "Exception_Damage", "Exception_Rejected", "Exception_Delayed", "Exception_Lost", "Exception_Destroyed",
                "Exception_Cancel", "Exception_Other", "V1:0", "V1:10", "V1:20", "V1:30", "V1:35", "V1:40", "V1:50")) {
            assertThat(SeventeenTrackParser.CODES.get(code)).as(code).isPresent();
        }
    }
}
