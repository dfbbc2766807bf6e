package io.otodoke.connector.japanpost;

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
 * JapanPostPageParser on every sample of src/test/resources/carrier-samples (see INDEX.md and each file's
 * .japanpost.txt): each test writes down what a person reading the page would, one line per event,
 * oldest first — {@code raw text | STATUS/REASON | local time in Tokyo or "(day)" | branch}.
 * The packtrack pages are real 2009 captures (Shift_JIS bytes as captured), the sagawa-monitor
 * files real 2026 innerText. Files under synthetic/ are NOT captures: they were written by hand
 * from the current layout that design/carriers.md documents, because no real capture of the
 * current HTML exists.
 */
class JapanPostPageParserTest {

    /** The 2009 captures were made in September 2009 (the Japan Post pages print 2009/09/10). */
    static final ParseContext Y2009 = new ParseContext(LocalDate.of(2009, 9, 10), LocalDate.of(2009, 9, 10),
            Instant.parse("2009-09-10T03:00:00Z"));
    /** sm-trz captured its pages in 2026-08. */
    static final ParseContext Y2026 = new ParseContext(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 22),
            Instant.parse("2026-08-22T03:00:00Z"));
    /** The synthetic current-layout fixtures span a year end: shipment created 2026-12-30, read on 2027-01-03. */
    static final ParseContext CURRENT = new ParseContext(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 3),
            Instant.parse("2027-01-03T03:00:00Z"));

    private final JapanPostPageParser parser = new JapanPostPageParser();

    private List<ParsedShipment> parse(String path, ParseContext context) {
        return parser.parse(sample(path), context);
    }

    private static List<String> lines(ParsedShipment shipment, ParseContext context) {
        return ShipmentLines.lines(shipment, "japanpost", context);
    }

    /** Real 2009 capture: 引受→通過→到着→ご不在のため持ち戻り ×3 with a date only (DAY precision, no invented time)→配達希望受付 (keeps the attempt's status, RESCHEDULED)→お届け先にお届け済み; office, prefecture and postal code kept. */
    @Test
    void legacy2009_detail_attemptsWithoutTime() {
        List<ParsedShipment> shipments = parse("jp-post/packtrack-2009_detail_317409136693.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("317409136693");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "引受 | PICKED_UP | 2009-07-08 18:37 | 岡山支店",
                "通過 | IN_TRANSIT | 2009-07-09 01:05 | 名古屋神宮支店",
                "到着 | ARRIVED_AT_DELIVERY_BASE | 2009-07-09 04:19 | 一宮支店",
                "ご不在のため持ち戻り | DELIVERY_ATTEMPTED/ABSENT | 2009-07-09 (day) | 一宮支店",
                "ご不在のため持ち戻り | DELIVERY_ATTEMPTED/ABSENT | 2009-07-10 (day) | 一宮支店",
                "ご不在のため持ち戻り | DELIVERY_ATTEMPTED/ABSENT | 2009-07-11 (day) | 一宮支店",
                "配達希望受付 | DELIVERY_ATTEMPTED/RESCHEDULED | 2009-07-14 (day) | 一宮支店",
                "お届け先にお届け済み | DELIVERED | 2009-07-14 17:53 | 一宮支店");
    }

    /** Real 2009 capture of the 個別番号検索結果 list: one shipment per number with its latest state only. */
    @Test
    void legacy2009_listOfTwo_latestStateOnly() {
        List<ParsedShipment> shipments = parse("jp-post/packtrack-2009_list_count02.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("317426268143", "317440458506");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-05-31 19:28 | 王寺支店");
        assertThat(lines(shipments.get(1), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-05-26 15:10 | 松山西支店堀江集配センター");
    }

    /** Real 2009 capture of a 10-number list; each number's year is inferred on its own (May to August 2009, read on 2009-09-10). */
    @Test
    void legacy2009_listOfTen_inPageOrder() {
        List<ParsedShipment> shipments = parse("jp-post/packtrack-2009_list_count10.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("317452960823", "317443794334", "317443105383", "317481847594", "317443148750", "317443153705", "317443428934", "317409136693", "317443615123", "317443794205");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false, false, false, false, false, false, false, false, false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-06-07 11:25 | 布施支店");
        assertThat(lines(shipments.get(1), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-08-18 19:42 | 西宮東支店");
        assertThat(lines(shipments.get(2), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-06-20 11:57 | 鴨島支店");
        assertThat(lines(shipments.get(3), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-05-02 09:17 | 宇品支店");
        assertThat(lines(shipments.get(4), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-08-25 17:32 | 尾道支店");
        assertThat(lines(shipments.get(5), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-06-22 10:59 | 灘支店");
        assertThat(lines(shipments.get(6), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-05-26 17:27 | 摂津支店");
        assertThat(lines(shipments.get(7), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-07-14 17:53 | 一宮支店");
        assertThat(lines(shipments.get(8), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-07-25 10:13 | 守山支店");
        assertThat(lines(shipments.get(9), Y2009)).containsExactly(
                "お届け先にお届け済み | DELIVERED | 2009-08-06 16:58 | 日田支店");
    }

    /** SYNTHETIC current layout (carriers.md §3.2, not a capture): two header rows, two rows per event, YYYY/MM/DD with and without a time, 窓口でお渡し. */
    @Test
    void current_synthetic_historyWithYearsAndDateOnlyRow() {
        List<ParsedShipment> shipments = parse("synthetic/japanpost-current-history.html", CURRENT);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("123456789015");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), CURRENT)).containsExactly(
                "引受 | PICKED_UP | 2026-12-30 18:37 | 岡山中央郵便局",
                "到着 | ARRIVED_AT_DELIVERY_BASE | 2026-12-31 04:19 | 一宮郵便局",
                "ご不在のため持ち戻り | DELIVERY_ATTEMPTED/ABSENT | 2027-01-02 (day) | 一宮郵便局",
                "窓口でお渡し | DELIVERED/COUNTER | 2027-01-03 10:05 | 一宮郵便局");
    }

    /** SYNTHETIC current layout (carriers.md §3.2, not a capture): ＊＊ お問い合わせ番号が見つかりません。 */
    @Test
    void current_synthetic_notFound() {
        List<ParsedShipment> shipments = parse("synthetic/japanpost-current-not-found.html", CURRENT);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("123456789026");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(true);
        assertThat(shipments.get(0).events()).isEmpty();
    }

    @Test
    void aPageThatIsNoTrackingPageIsALayoutChange() {
        for (String page : List.of("<html><body><h1>システムメンテナンス中</h1></body></html>", "ゆうパック", "")) {
            assertThatThrownBy(() -> parser.parse(page.getBytes(StandardCharsets.UTF_8), Y2026))
                    .isInstanceOf(ParseException.class)
                    .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        }
    }

    /** 配達希望受付 as the very first row has no status to keep: UNKNOWN, raw text kept. */
    @Test
    void followUpWithoutAnEarlierEventIsUnknown() {
        String page = "<table summary=\"履歴情報\"><tr><th>状態発生日</th></tr><tr><th>郵便番号</th></tr>"
                + "<tr><td>2026/08/20</td><td>配達希望受付</td><td></td><td>一宮郵便局</td><td>愛知県</td></tr>"
                + "<tr><td>491-8799</td></tr></table>";
        ParsedShipment shipment = parser.parse(page.getBytes(StandardCharsets.UTF_8), Y2026).get(0);
        assertThat(lines(shipment, Y2026)).containsExactly("配達希望受付 | UNKNOWN/RESCHEDULED | 2026-08-20 (day) | 一宮郵便局");
    }

    /** Synthetic (carriers.md §3.2's table, not a capture): 差出人に返送 with its reason in 詳細. */
    @Test
    void theDetailColumnSaysWhyAParcelGoesBack() {
        String page = """
                <html><body>
                <table class="tableType01 txt_c m_b5" summary="配達状況詳細"><tr><th>お問い合わせ番号</th></tr>
                <tr><td>1234-5678-9015</td></tr></table>
                <table class="tableType01 txt_c m_b5" summary="履歴情報">
                <tr><th rowspan="2">状態発生日</th><th rowspan="2">配送履歴</th><th rowspan="2">詳細</th><th>取扱局</th><th rowspan="2">県名等</th></tr>
                <tr><th>郵便番号</th></tr>
                <tr><td rowspan="2">2026/12/30 18:37</td><td rowspan="2">引受</td><td rowspan="2"></td><td>岡山中央郵便局</td><td rowspan="2">岡山県</td></tr>
                <tr><td>700-8799</td></tr>
                <tr><td rowspan="2">2027/01/02 10:05</td><td rowspan="2">差出人に返送</td><td rowspan="2">あて所が不明のため</td><td>一宮郵便局</td><td rowspan="2">愛知県</td></tr>
                <tr><td>491-8799</td></tr>
                </table></body></html>
                """;
        var events = parser.parse(page.getBytes(java.nio.charset.StandardCharsets.UTF_8), CURRENT).getFirst().events();
        assertThat(events.get(0).rawText()).isEqualTo("引受");
        assertThat(events.get(1).rawText()).isEqualTo("差出人に返送（あて所が不明のため）");
        assertThat(events.get(1).status()).isEqualTo(io.otodoke.tracking.TrackingStatus.RETURNING_TO_SENDER);
        assertThat(events.get(1).reason()).isEqualTo(io.otodoke.tracking.StatusReason.ADDRESS_UNKNOWN);
    }

    /** Synthetic: the browser text of the synthetic current page reads the same as the page. */
    @Test
    void pageTextCopiedFromABrowserReadsLikeThePage() {
        List<ParsedShipment> fromText = parse("synthetic/japanpost-current-history.innertext.txt", CURRENT);
        List<ParsedShipment> fromPage = parse("synthetic/japanpost-current-history.html", CURRENT);
        assertThat(fromText).hasSize(1);
        assertThat(fromText.getFirst().trackingNumber()).isEqualTo(fromPage.getFirst().trackingNumber());
        assertThat(lines(fromText.getFirst(), CURRENT)).isEqualTo(lines(fromPage.getFirst(), CURRENT));
        var notFound = parser.parse("＊＊ お問い合わせ番号が見つかりません。お問い合わせ番号をご確認の上、お近くの取扱店にお問い合わせください。"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), CURRENT);
        assertThat(notFound).singleElement().satisfies(p -> assertThat(p.notFound()).isTrue());
        assertThatThrownBy(() -> parser.parse("ただの文章です。".getBytes(java.nio.charset.StandardCharsets.UTF_8), CURRENT))
                .isInstanceOf(io.otodoke.connector.ParseException.class);
    }
}
