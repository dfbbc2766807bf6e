package io.otodoke.connector.sagawa;

import static io.otodoke.connector.ShipmentLines.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.ShipmentLines;
import io.otodoke.tracking.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SagawaPageParser on every sample of src/test/resources/carrier-samples (see INDEX.md and each file's
 * .sagawa.txt): each test writes down what a person reading the page would, one line per event,
 * oldest first — {@code raw text | STATUS/REASON | local time in Tokyo or "(day)" | branch}.
 * The packtrack pages are real 2009 captures (Shift_JIS bytes as captured), the sagawa-monitor
 * files real 2026 innerText. Files under synthetic/ are NOT captures: they were written by hand
 * from the current layout that design/carriers.md documents, because no real capture of the
 * current HTML exists.
 */
class SagawaPageParserTest {

    /** The 2009 captures were made in September 2009 (the Japan Post pages print 2009/09/10). */
    static final ParseContext Y2009 = new ParseContext(LocalDate.of(2009, 9, 10), LocalDate.of(2009, 9, 10),
            Instant.parse("2009-09-10T03:00:00Z"));
    /** sm-trz captured its pages in 2026-08. */
    static final ParseContext Y2026 = new ParseContext(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 22),
            Instant.parse("2026-08-22T03:00:00Z"));
    /** The synthetic current-layout fixtures span a year end: shipment created 2026-12-30, read on 2027-01-03. */
    static final ParseContext CURRENT = new ParseContext(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 3),
            Instant.parse("2027-01-03T03:00:00Z"));

    private final SagawaPageParser parser = new SagawaPageParser();

    private List<ParsedShipment> parse(String path, ParseContext context) {
        return parser.parse(sample(path), context);
    }

    private static List<String> lines(ParsedShipment shipment, ParseContext context) {
        return ShipmentLines.lines(shipment, "sagawa", context);
    }

    /** Real 2009 capture: the free-text history is newest first (⇒ then ↑) and becomes oldest first; lines without a date (お荷物をお預かり致しました。) are placed on the day before them, the first on 出荷日; the branch is read from "…店を出発致しました。". */
    @Test
    void legacy2009_newestFirstTextIsReversed() {
        List<ParsedShipment> shipments = parse("jp-sagawa/packtrack-2009_list_count01.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("600078420325");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-07-11 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-07-11 13:44 | 城南店",
                "久喜店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-07-12 (day) | 久喜店",
                "配達は終了致しました。 | DELIVERED | 2009-07-12 11:27 | -");
    }

    /** Real 2009 capture, two numbers: 配達店へ持ち帰りました。 without a date is an attempt placed on the previous row's day. */
    @Test
    void legacy2009_twoNumbers_takenBackToBranch() {
        List<ParsedShipment> shipments = parse("jp-sagawa/packtrack-2009_list_count02.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("600079555353", "600079799966");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-07-13 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-07-13 14:00 | 城南店",
                "配達店へ持ち帰りました。 | DELIVERY_ATTEMPTED | 2009-07-13 (day) | -",
                "福山店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-07-14 (day) | 福山店",
                "配達は終了致しました。 | DELIVERED | 2009-07-14 11:31 | -");
        assertThat(lines(shipments.get(1), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-07-13 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-07-13 20:15 | 城南店",
                "東京店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-07-14 (day) | 東京店",
                "配達は終了致しました。 | DELIVERED | 2009-07-14 12:02 | -");
    }

    /** Real 2009 capture, ten numbers in page order: ご不在でしたので、お預かりしております。 (attempt, ABSENT) and 広島店でお預かりしております。 (held at the branch). */
    @Test
    void legacy2009_tenNumbers_absentAndHeld() {
        List<ParsedShipment> shipments = parse("jp-sagawa/packtrack-2009_list_count10.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("600092093414", "600092136674", "600092161200", "600092368315", "600092443075", "600092670800", "600092764062", "600093143311", "600093336393", "600093356520");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false, false, false, false, false, false, false, false, false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-01 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-01 18:56 | 城南店",
                "墨田店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-02 (day) | 墨田店",
                "配達は終了致しました。 | DELIVERED | 2009-08-02 17:11 | -");
        assertThat(lines(shipments.get(1), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-01 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-01 18:32 | 城南店",
                "いわき店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-02 (day) | いわき店",
                "配達は終了致しました。 | DELIVERED | 2009-08-02 14:32 | -");
        assertThat(lines(shipments.get(2), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-01 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-01 18:59 | 城南店",
                "知多店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-02 (day) | 知多店",
                "配達は終了致しました。 | DELIVERED | 2009-08-02 11:24 | -");
        assertThat(lines(shipments.get(3), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-02 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-02 08:52 | 城南店",
                "練馬店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-03 (day) | 練馬店",
                "配達は終了致しました。 | DELIVERED | 2009-08-03 15:07 | -");
        assertThat(lines(shipments.get(4), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-02 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-02 11:42 | 城南店",
                "所沢店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-03 (day) | 所沢店",
                "配達は終了致しました。 | DELIVERED | 2009-08-03 10:26 | -");
        assertThat(lines(shipments.get(5), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-02 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-02 16:52 | 城南店",
                "京都店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-03 (day) | 京都店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-03 10:58 | -",
                "配達店へ持ち帰りました。 | DELIVERY_ATTEMPTED | 2009-08-03 (day) | -",
                "京都店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-04 (day) | 京都店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-04 11:52 | -",
                "配達は終了致しました。 | DELIVERED | 2009-08-04 18:43 | -");
        assertThat(lines(shipments.get(6), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-02 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-02 18:06 | 城南店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-04 20:08 | -",
                "広島店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-05 (day) | 広島店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-05 13:21 | -",
                "広島店でお預かりしております。 | HELD_FOR_PICKUP | 2009-08-05 (day) | 広島店",
                "広島店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-08 (day) | 広島店",
                "配達は終了致しました。 | DELIVERED | 2009-08-08 15:34 | -");
        assertThat(lines(shipments.get(7), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-03 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-03 12:37 | 城南店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-04 16:25 | -",
                "横浜北店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-05 (day) | 横浜北店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-05 15:59 | -",
                "配達店へ持ち帰りました。 | DELIVERY_ATTEMPTED | 2009-08-05 (day) | -",
                "横浜北店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-09 (day) | 横浜北店",
                "配達は終了致しました。 | DELIVERED | 2009-08-09 13:04 | -");
        assertThat(lines(shipments.get(8), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-03 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-03 16:43 | 城南店",
                "新潟店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-04 (day) | 新潟店",
                "配達は終了致しました。 | DELIVERED | 2009-08-04 12:23 | -");
        assertThat(lines(shipments.get(9), Y2009)).containsExactly(
                "お荷物をお預かり致しました。 | PICKED_UP | 2009-08-03 (day) | -",
                "城南店を出発致しました。 | IN_TRANSIT | 2009-08-03 16:29 | 城南店",
                "八幡店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-04 (day) | 八幡店",
                "ご不在でしたので、お預かりしております。 | DELIVERY_ATTEMPTED/ABSENT | 2009-08-04 17:52 | -",
                "配達店へ持ち帰りました。 | DELIVERY_ATTEMPTED | 2009-08-04 (day) | -",
                "八幡店から配達に出発致しました。 | OUT_FOR_DELIVERY | 2009-08-08 (day) | 八幡店",
                "配達は終了致しました。 | DELIVERED | 2009-08-08 17:26 | -");
    }

    /** Real 2026 innerText: headline 調査中 and no history table (the parcel had really been returned; Sagawa never said 返品). One EXCEPTION/INVESTIGATING event dated the day the page was received, as a day: the page vouches for nothing more. A human has to check it (carriers.md §11). */
    @Test
    void innerText_investigationWithoutHistory() {
        List<ParsedShipment> shipments = parse("jp-sagawa/sagawa-monitor-2026_444803002033_investigating-no-history.innertext.txt", Y2026);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("444803002033");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2026)).containsExactly(
                "調査中 | EXCEPTION/INVESTIGATING | 2026-08-22 (day) | -");
    }

    /** Real 2026 innerText: ↓ and ⇒ stripped; 保管中 before any 配達中 is ARRIVED_AT_DELIVERY_BASE; years from 出荷日 2026年08月17日. */
    @Test
    void innerText_heldBeforeOutForDeliveryIsArrival() {
        List<ParsedShipment> shipments = parse("jp-sagawa/sagawa-monitor-2026_444803009836_delivered.innertext.txt", Y2026);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("444803009836");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2026)).containsExactly(
                "集荷 | PICKED_UP | 2026-08-17 17:22 | 西埼玉営業所",
                "輸送中 | IN_TRANSIT | 2026-08-17 18:10 | 北関東中継センター",
                "輸送中 | IN_TRANSIT | 2026-08-18 05:50 | 関西中継センター",
                "保管中 | ARRIVED_AT_DELIVERY_BASE | 2026-08-18 14:14 | 松江営業所",
                "配達中 | OUT_FOR_DELIVERY | 2026-08-19 13:19 | 松江営業所",
                "配達完了 | DELIVERED | 2026-08-19 18:23 | 松江営業所");
    }

    /** Real 2026 innerText: ↓集荷 → ⇒輸送中; 配達予定日 is no event. */
    @Test
    void innerText_inTransit() {
        List<ParsedShipment> shipments = parse("jp-sagawa/sagawa-monitor-2026_444803015366_in-transit.innertext.txt", Y2026);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("444803015366");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2026)).containsExactly(
                "集荷 | PICKED_UP | 2026-08-20 17:13 | 西埼玉営業所",
                "輸送中 | IN_TRANSIT | 2026-08-20 23:09 | 関東中継センター");
        // the forecast: its day in the year of the history, and the slot as printed
        assertThat(shipments.get(0).estimate()).isEqualTo(
                new io.otodoke.tracking.DeliveryEstimate(java.time.LocalDate.of(2026, 8, 21), "18～21時"));
    }

    /** SYNTHETIC current layout (carriers.md §3.3, not a capture): 該当なし + お荷物データが登録されておりません。 */
    @Test
    void current_synthetic_notFound() {
        List<ParsedShipment> shipments = parse("synthetic/sagawa-current-not-found.html", CURRENT);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("400000000000");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(true);
        assertThat(shipments.get(0).events()).isEmpty();
    }

    /** SYNTHETIC current layout (carriers.md §3.3, not a capture): 保管中 before 配達中 is an arrival, after it a failed attempt; 12/30 → 01/03 rolls over from 出荷日 2026年12月30日. */
    @Test
    void current_synthetic_heldAfterOutForDeliveryIsAttempt() {
        List<ParsedShipment> shipments = parse("synthetic/sagawa-current-two-numbers.html", CURRENT);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("444803009836", "444803015366");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false);
        assertThat(lines(shipments.get(0), CURRENT)).containsExactly(
                "集荷 | PICKED_UP | 2026-12-30 17:22 | 西埼玉営業所",
                "輸送中 | IN_TRANSIT | 2026-12-31 05:50 | 関西中継センター",
                "保管中 | ARRIVED_AT_DELIVERY_BASE | 2027-01-01 14:14 | 松江営業所",
                "配達中 | OUT_FOR_DELIVERY | 2027-01-02 09:10 | 松江営業所",
                "保管中 | DELIVERY_ATTEMPTED | 2027-01-02 19:40 | 松江営業所",
                "配達完了 | DELIVERED | 2027-01-03 10:12 | 松江営業所");
        assertThat(lines(shipments.get(1), CURRENT)).containsExactly(
                "集荷 | PICKED_UP | 2027-01-02 17:13 | 西埼玉営業所",
                "輸送中 | IN_TRANSIT | 2027-01-02 23:09 | 関東中継センター");
    }

    /** The year comes from 出荷日, not from the query date: a page read a year later keeps its dates. */
    @Test
    void shipDateOutranksTheAnchor() {
        ParseContext muchLater = new ParseContext(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 1),
                Instant.parse("2027-08-01T03:00:00Z"));
        ParsedShipment shipment = parse("jp-sagawa/sagawa-monitor-2026_444803015366_in-transit.innertext.txt", muchLater).get(0);
        assertThat(lines(shipment, muchLater)).containsExactly(
                "集荷 | PICKED_UP | 2026-08-20 17:13 | 西埼玉営業所",
                "輸送中 | IN_TRANSIT | 2026-08-20 23:09 | 関東中継センター");
    }

    @Test
    void aPageThatIsNoTrackingPageIsALayoutChange() {
        for (String page : List.of("<html><body><p>ただいまアクセスが集中しております</p></body></html>", "佐川急便\nお荷物問い合わせサービス\n")) {
            assertThatThrownBy(() -> parser.parse(page.getBytes(StandardCharsets.UTF_8), Y2026))
                    .isInstanceOf(ParseException.class)
                    .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        }
    }

    @Test
    void heldIsReadInTheContextOfOutForDelivery() {
        ParsedShipment shipment = parse("synthetic/sagawa-current-two-numbers.html", CURRENT).get(0);
        assertThat(shipment.events()).filteredOn(e -> e.rawText().equals("保管中"))
                .extracting(e -> e.status())
                .containsExactly(TrackingStatus.ARRIVED_AT_DELIVERY_BASE, TrackingStatus.DELIVERY_ATTEMPTED);
    }
}

