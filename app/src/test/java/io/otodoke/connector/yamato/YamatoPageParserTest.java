package io.otodoke.connector.yamato;

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
 * YamatoPageParser on every sample of src/test/resources/carrier-samples (see INDEX.md and each file's
 * .yamato.txt): each test writes down what a person reading the page would, one line per event,
 * oldest first — {@code raw text | STATUS/REASON | local time in Tokyo or "(day)" | branch}.
 * The packtrack pages are real 2009 captures (Shift_JIS bytes as captured), the sagawa-monitor
 * files real 2026 innerText. Files under synthetic/ are NOT captures: they were written by hand
 * from the current layout that design/carriers.md documents, because no real capture of the
 * current HTML exists.
 */
class YamatoPageParserTest {

    /** The 2009 captures were made in September 2009 (the Japan Post pages print 2009/09/10). */
    static final ParseContext Y2009 = new ParseContext(LocalDate.of(2009, 9, 10), LocalDate.of(2009, 9, 10),
            Instant.parse("2009-09-10T03:00:00Z"));
    /** sm-trz captured its pages in 2026-08. */
    static final ParseContext Y2026 = new ParseContext(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 22),
            Instant.parse("2026-08-22T03:00:00Z"));
    /** The synthetic current-layout fixtures span a year end: shipment created 2026-12-30, read on 2027-01-03. */
    static final ParseContext CURRENT = new ParseContext(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 3),
            Instant.parse("2027-01-03T03:00:00Z"));

    private final YamatoPageParser parser = new YamatoPageParser();

    private List<ParsedShipment> parse(String path, ParseContext context) {
        return parser.parse(sample(path), context);
    }

    private static List<String> lines(ParsedShipment shipment, ParseContext context) {
        return ShipmentLines.lines(shipment, "yamato", context);
    }

    /** Real 2009 capture, one number: 荷物受付 and 発送 at the same minute keep page order. */
    @Test
    void legacy2009_oneNumberDelivered() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_count01.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("225300099640");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-15 17:08 | 北九州物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-15 17:08 | 北九州物流システム支店",
                "配達完了 | DELIVERED | 2009-07-17 11:55 | 宮城利府センター");
    }

    /** Real 2009 capture of a 10-number batch: one shipment per number in page order; 発送 first means PICKED_UP; 配達完了 printed 00:00 after 配達中 13:29 and 荷物受付 13:45 before 発送 10:31 are kept as printed. */
    @Test
    void legacy2009_tenNumbers_inPageOrder() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_count10.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("249708260970", "249708322905", "249711903571", "249726742926", "249733520540", "249736107003", "249736140916", "249739510790", "249739594031", "249739774815");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, false, false, false, false, false, false, false, false, false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-21 15:59 | 船橋二和センター",
                "作業店通過 | IN_TRANSIT | 2009-08-21 18:38 | 船橋ベース店",
                "調査中 | EXCEPTION/INVESTIGATING | 2009-08-22 08:23 | 広尾５丁目センター",
                "配達完了 | DELIVERED | 2009-08-22 15:29 | 広尾５丁目センター");
        assertThat(lines(shipments.get(1), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-28 18:40 | 市川柏井センター",
                "作業店通過 | IN_TRANSIT | 2009-08-29 01:32 | 埼京ベース店",
                "配達完了 | DELIVERED | 2009-08-29 11:51 | 恋ヶ窪センター");
        assertThat(lines(shipments.get(2), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-29 16:39 | 船橋豊富センター",
                "作業店通過 | IN_TRANSIT | 2009-08-29 21:15 | 船橋ベース店",
                "配達中 | OUT_FOR_DELIVERY | 2009-08-30 13:29 | 越智センター",
                "配達完了 | DELIVERED | 2009-08-30 00:00 | 越智センター");
        assertThat(lines(shipments.get(3), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-27 15:10 | 佐野堀米センター",
                "作業店通過 | IN_TRANSIT | 2009-08-27 21:48 | 栃木ベース店",
                "作業店通過 | IN_TRANSIT | 2009-08-28 09:54 | 柏明原センター",
                "配達完了 | DELIVERED | 2009-08-28 19:05 | 柏明原センター");
        assertThat(lines(shipments.get(4), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-28 20:43 | 新東京物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-28 20:43 | 新東京物流システム支店",
                "作業店通過 | IN_TRANSIT | 2009-07-28 22:31 | 新東京ベース店",
                "配達完了 | DELIVERED | 2009-07-29 09:22 | 東五反田１丁目センター");
        assertThat(lines(shipments.get(5), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-08 18:03 | 南東京物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-08 18:03 | 南東京物流システム支店",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2009-07-09 08:43 | 清水袖師センター",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2009-07-09 18:07 | 清水袖師センター",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2009-07-10 08:29 | 清水袖師センター",
                "配達完了 | DELIVERED | 2009-07-11 08:47 | 清水袖師センター");
        assertThat(lines(shipments.get(6), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-13 19:16 | 南東京物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-13 19:16 | 南東京物流システム支店",
                "作業店通過 | IN_TRANSIT | 2009-07-13 20:40 | 南東京ベース店",
                "作業店通過 | IN_TRANSIT | 2009-07-14 01:00 | 西東京ベース店",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2009-07-14 08:57 | 府中四谷センター",
                "配達完了 | DELIVERED | 2009-07-14 10:09 | 府中四谷センター");
        assertThat(lines(shipments.get(7), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-22 08:56 | 奈良物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-22 08:56 | 奈良物流システム支店",
                "作業店通過 | IN_TRANSIT | 2009-07-22 17:54 | 奈良ベース店",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2009-07-23 09:15 | 姫路大津センター",
                "配達完了 | DELIVERED | 2009-07-23 20:10 | 姫路大津センター");
        assertThat(lines(shipments.get(8), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-07-24 13:52 | 奈良物流システム支店",
                "発送 | IN_TRANSIT | 2009-07-24 13:52 | 奈良物流システム支店",
                "配達完了 | DELIVERED | 2009-07-25 13:37 | 相模原東林間センター");
        assertThat(lines(shipments.get(9), Y2009)).containsExactly(
                "荷物受付 | PICKED_UP | 2009-08-05 13:45 | 奈良物流システム支店",
                "発送 | IN_TRANSIT | 2009-08-05 10:31 | 奈良物流システム支店",
                "配達完了 | DELIVERED | 2009-08-07 09:13 | 札幌新琴似センター");
    }

    /** Real 2009 capture: one 発送 row; the empty 個数口 table is no event. */
    @Test
    void legacy2009_airParcelJustDispatched() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_misc01.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("271012047736");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-19 15:49 | 帯広営業所");
    }

    /** Real 2009 capture: 作業店通過 rows without a time stay dates (DAY precision). */
    @Test
    void legacy2009_dateOnlyRowsStayDates() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_misc02.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("103261367661");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-07-14 18:47 | 白河東センター",
                "作業店通過 | IN_TRANSIT | 2009-07-14 (day) | 福島ベース店",
                "作業店通過 | IN_TRANSIT | 2009-07-14 22:59 | 福島ベース店",
                "作業店通過 | IN_TRANSIT | 2009-07-15 (day) | 福島ベース店",
                "配達完了 | DELIVERED | 2009-07-15 09:24 | 福島飯坂センター");
    }

    /** Real 2009 capture of クロネコメール便: 投函完了 is DELIVERED in the mailbox. */
    @Test
    void legacy2009_mailServiceDroppedInMailbox() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_misc03.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("812730897123");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-08-01 15:15 | 埼玉物流システム支店",
                "投函完了 | DELIVERED/MAILBOX | 2009-08-03 14:25 | 新港センターＭ");
    }

    /** Real 2009 capture: the 投函予定 row prints no 日付, only a planned 投函予定日 (07/20); it is placed on the date of the row before, as a day. */
    @Test
    void legacy2009_scheduledDropWithoutEventDate() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_misc04.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("816433984026");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-07-18 14:46 | 南東京物流システム支店",
                "投函予定 | ARRIVED_AT_DELIVERY_BASE | 2009-07-18 (day) | つくば豊里センター");
    }

    /** Real 2009 capture: 伝票番号未登録 — no history, notFound. */
    @Test
    void legacy2009_unregisteredNumberIsNotFound() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_notexist.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("999999999994");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(true);
        assertThat(shipments.get(0).events()).isEmpty();
    }

    /** Real 2009 capture: dispatched and passed a base. */
    @Test
    void legacy2009_inTransit() {
        List<ParsedShipment> shipments = parse("jp-yamato/packtrack-2009_list_transfer.html", Y2009);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("249724973934");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2009)).containsExactly(
                "発送 | PICKED_UP | 2009-09-01 18:21 | 緑八朔センター",
                "作業店通過 | IN_TRANSIT | 2009-09-01 20:56 | 神奈川ベース店");
    }

    /** Real 2026 innerText (file named sagawa-monitor, but a Yamato page): the button お届け完了通知を依頼 and the summary 08/08 配達完了 are no events. */
    @Test
    void innerText_delivered_buttonLabelIsNoEvent() {
        List<ParsedShipment> shipments = parse("jp-yamato/sagawa-monitor-2026_766154809302_delivered.innertext.txt", Y2026);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("766154809302");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2026)).containsExactly(
                "荷物受付 | PICKED_UP | 2026-08-06 16:44 | 埼玉日高営業所（日高中央）",
                "発送済み | IN_TRANSIT | 2026-08-06 16:44 | 埼玉日高営業所（日高中央）",
                "配達完了 | DELIVERED | 2026-08-08 09:08 | 別府亀川営業所（別府亀川）");
        assertThat(shipments.get(0).estimate()).as("お届け予定日時： - is no forecast").isNull();
    }

    /** Real 2026 innerText: 返品 then 陸・海上切替え again; two events share 08月20日 14:52 and keep page order. */
    @Test
    void innerText_eventsContinueAfterReturn() {
        List<ParsedShipment> shipments = parse("jp-yamato/sagawa-monitor-2026_766171888193_returned-then-ferry.innertext.txt", Y2026);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("766171888193");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false);
        assertThat(lines(shipments.get(0), Y2026)).containsExactly(
                "荷物受付 | PICKED_UP | 2026-08-10 16:13 | 埼玉日高営業所（日高中央）",
                "発送済み | IN_TRANSIT | 2026-08-10 16:13 | 埼玉日高営業所（日高中央）",
                "調査中 | EXCEPTION/INVESTIGATING | 2026-08-19 07:50 | 宜野湾営業所（普天間）",
                "調査中 | EXCEPTION/INVESTIGATING | 2026-08-20 07:56 | 宜野湾営業所（普天間）",
                "陸・海上切替え | IN_TRANSIT | 2026-08-20 14:52 | 宜野湾営業所（大山）",
                "返品 | RETURNING_TO_SENDER | 2026-08-20 14:52 | 宜野湾営業所（大山）",
                "陸・海上切替え | IN_TRANSIT | 2026-08-21 01:58 | 沖縄ベース");
    }

    /** SYNTHETIC current layout (carriers.md §3.1, not a capture): December → January rollover, a date-only row, 依頼受付（再配達） keeping the attempt's status, 配達完了（宅配ボックス）, the button label ignored, and 伝票番号誤り as notFound. */
    @Test
    void current_synthetic_yearRolloverAndInvalidNumber() {
        List<ParsedShipment> shipments = parse("synthetic/yamato-current-two-numbers.html", CURRENT);

        assertThat(shipments).extracting(ParsedShipment::trackingNumber).containsExactly("452012345671", "123456789012");
        assertThat(shipments).extracting(ParsedShipment::notFound).containsExactly(false, true);
        assertThat(lines(shipments.get(0), CURRENT)).containsExactly(
                "荷物受付 | PICKED_UP | 2026-12-30 18:02 | 松原営業所（松原）",
                "発送済み | IN_TRANSIT | 2026-12-30 18:02 | 松原営業所（松原）",
                "作業店通過 | IN_TRANSIT | 2026-12-31 (day) | 関西ゲートウェイ",
                "持戻（ご不在） | DELIVERY_ATTEMPTED/ABSENT | 2027-01-01 11:08 | 新宿営業所（新宿）",
                "依頼受付（再配達） | DELIVERY_ATTEMPTED/RESCHEDULED | 2027-01-01 20:15 | 新宿営業所（新宿）",
                "配達完了（宅配ボックス） | DELIVERED/PARCEL_LOCKER | 2027-01-02 15:40 | 新宿営業所（新宿）");
        assertThat(shipments.get(1).events()).isEmpty();
        // お届け予定日時 01月02日 of a parcel whose history began in December: the new year
        assertThat(shipments.get(0).estimate()).isEqualTo(
                new io.otodoke.tracking.DeliveryEstimate(java.time.LocalDate.of(2027, 1, 2), "14:00-16:00"));
        assertThat(shipments.get(1).estimate()).isNull();
    }

    /** The button label and the page's other words never become events (carriers.md §3.1 quirks). */
    @Test
    void buttonLabelsAreNeverEvents() {
        for (String path : List.of("jp-yamato/sagawa-monitor-2026_766154809302_delivered.innertext.txt",
                "synthetic/yamato-current-two-numbers.html")) {
            assertThat(parse(path, path.startsWith("synthetic") ? CURRENT : Y2026))
                    .flatMap(ParsedShipment::events)
                    .noneMatch(e -> e.rawText().contains("通知") || e.rawText().contains("詳細"));
        }
    }

    /** Each event is placed near the one before it, not near the anchor: a long history keeps its order. */
    @Test
    void yearsAreChainedFromEventToEvent() {
        String page = "1件目：4520-1234-5671\n配達完了\n荷物受付\n12月30日 18:02\n松原営業所\n"
                + "配達完了\n01月02日 09:00\n新宿営業所\n";
        ParseContext anchoredLate = new ParseContext(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 2),
                Instant.parse("2027-01-02T03:00:00Z"));
        List<ParsedShipment> shipments = parser.parse(page.getBytes(StandardCharsets.UTF_8), anchoredLate);
        assertThat(lines(shipments.get(0), anchoredLate)).containsExactly(
                "荷物受付 | PICKED_UP | 2026-12-30 18:02 | 松原営業所",
                "配達完了 | DELIVERED | 2027-01-02 09:00 | 新宿営業所");
    }

    /** A word no table row knows is kept with its raw text as UNKNOWN (carriers.md §2). */
    @Test
    void unknownWordIsUnknownWithItsRawText() {
        String page = "1件目：4520-1234-5671\n新しい状況\n新しい状況\n08月06日 16:44\n埼玉日高営業所\n";
        ParsedShipment shipment = parser.parse(page.getBytes(StandardCharsets.UTF_8), Y2026).get(0);
        assertThat(shipment.events()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(TrackingStatus.UNKNOWN);
            assertThat(e.rawText()).isEqualTo("新しい状況");
        });
    }

    @Test
    void aPageThatIsNoTrackingPageIsALayoutChange() {
        assertThatThrownBy(() -> parser.parse("<html><body><h1>メンテナンス中</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8), Y2026))
                .isInstanceOf(ParseException.class)
                .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        assertThatThrownBy(() -> parser.parse("ただいまメンテナンス中です".getBytes(StandardCharsets.UTF_8), Y2026))
                .isInstanceOf(ParseException.class)
                .extracting(e -> ((ParseException) e).kind()).isEqualTo(ParseException.Kind.LAYOUT_CHANGED);
        // a current-layout block whose detail list vanished while the state is a normal status
        assertThatThrownBy(() -> parser.parse(("<div class=\"parts-tracking-invoice-block\"><h3 class=\"tracking-invoice-block-title\">"
                + "1件目：4520-1234-5671</h3><h4 class=\"tracking-invoice-block-state-title\">配達中</h4></div>")
                .getBytes(StandardCharsets.UTF_8), Y2026))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void theSameTextIsReadFromShiftJisAndUtf8Bytes() {
        byte[] shiftJis = sample("jp-yamato/packtrack-2009_list_count01.html");
        String text = new String(shiftJis, java.nio.charset.Charset.forName("windows-31j"));
        byte[] utf8 = text.replace("charset=Shift_JIS", "charset=UTF-8").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(parser.parse(utf8, Y2009).get(0), Y2009))
                .isEqualTo(lines(parser.parse(shiftJis, Y2009).get(0), Y2009));
    }
}

