package io.otodoke.connector.simulator;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Tracking pages in the current layouts of Yamato, Japan Post and Sagawa as design/carriers.md
 * §3.1–3.3 documents them, for the simulated carriers and the parse benchmark. They are what the
 * real pages are made of — the same classes, tables and date formats — not copies of them. What the
 * simulation does not know (a post office's postal code and prefecture) is left blank, not invented.
 */
public final class CarrierPages {

    private static final DateTimeFormatter YAMATO_DATE = DateTimeFormatter.ofPattern("MM月dd日 HH:mm", Locale.JAPAN);
    private static final DateTimeFormatter YAMATO_DAY = DateTimeFormatter.ofPattern("MM月dd日", Locale.JAPAN);
    private static final DateTimeFormatter JAPANPOST_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter JAPANPOST_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter SAGAWA_DATE = DateTimeFormatter.ofPattern("MM/dd HH:mm");
    private static final DateTimeFormatter SAGAWA_SHIPPED = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private CarrierPages() {
    }

    /** Yamato's result page for up to 10 numbers: one invoice block per number (§3.1). */
    public static String yamato(List<SimulatedParcel> parcels) {
        StringBuilder html = head("クロネコヤマトの荷物お問い合わせシステム");
        html.append("<div class=\"tracking-invoice-list\">\n");
        for (int i = 0; i < parcels.size(); i++) {
            SimulatedParcel p = parcels.get(i);
            html.append("<div class=\"parts-tracking-invoice-block\">\n")
                    .append("<h3 class=\"tracking-invoice-block-title\">").append(i + 1).append("件目：")
                    .append(hyphenated(p.trackingNumber())).append("</h3>\n");
            boolean known = !p.scans().isEmpty();
            String state = known ? p.scans().getLast().words() : "伝票番号未登録";
            html.append("<div class=\"tracking-invoice-block-state ").append(known ? "is-safe-blue" : "is-urgent-red")
                    .append("\">\n<h4 class=\"tracking-invoice-block-state-title\">").append(escape(state)).append("</h4>\n")
                    .append("<div class=\"tracking-invoice-block-state-summary\">")
                    .append(known ? "お荷物の状況をお知らせします。" : "お問い合わせの伝票番号は、まだ登録されていません。")
                    .append("</div>\n</div>\n");
            if (known) {
                html.append("<div class=\"tracking-invoice-block-summary\"><dl><dt>商品名</dt><dd>宅急便</dd></dl></div>\n")
                        .append("<div class=\"tracking-invoice-block-detail\">\n<ol>\n");
                for (SimulatedParcel.Scan s : p.scans()) {
                    html.append("<li><div class=\"item\">").append(escape(s.words())).append("</div><div class=\"date\">")
                            .append((s.dateOnly() ? YAMATO_DAY : YAMATO_DATE).format(s.at()))
                            .append("</div><div class=\"name\">").append(escape(s.office())).append("</div></li>\n");
                }
                html.append("</ol>\n</div>\n<button type=\"button\" class=\"js-request-notice\">お届け完了通知を依頼</button>\n");
            }
            html.append("</div>\n");
        }
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    /** Japan Post's detail page of one number: the history table with two rows per event (§3.2). */
    public static String japanPost(SimulatedParcel p) {
        StringBuilder html = head("郵便追跡サービス");
        if (p.scans().isEmpty()) {
            return html.append("<table class=\"tableType01 txt_c m_b5\" summary=\"照会結果\">\n"
                    + "<tr><th>お問い合わせ番号</th><th>結果</th></tr>\n<tr><td>").append(hyphenated(p.trackingNumber()))
                    .append("</td><td>＊＊ お問い合わせ番号が見つかりません。お問い合わせ番号をご確認の上、"
                    + "お近くの取扱店にお問い合わせください。</td></tr>\n</table>\n</body>\n</html>\n").toString();
        }
        html.append("<table class=\"tableType01 txt_c m_b5\" summary=\"配達状況詳細\"><tr><th>お問い合わせ番号</th><th>商品種別</th></tr><tr><td>")
                .append(hyphenated(p.trackingNumber())).append("</td><td>ゆうパック</td></tr></table>\n")
                .append("<table class=\"tableType01 txt_c m_b5\" summary=\"履歴情報\">\n")
                .append("<tr><th rowspan=\"2\">状態発生日</th><th rowspan=\"2\">配送履歴</th><th rowspan=\"2\">詳細</th>"
                        + "<th>取扱局</th><th rowspan=\"2\">県名等</th></tr>\n<tr><th>郵便番号</th></tr>\n");
        for (SimulatedParcel.Scan s : p.scans()) {
            html.append("<tr><td rowspan=\"2\">").append((s.dateOnly() ? JAPANPOST_DAY : JAPANPOST_DATE).format(s.at()))
                    .append("</td><td rowspan=\"2\">").append(escape(s.words())).append("</td><td rowspan=\"2\"></td><td>")
                    .append(escape(s.office())).append("</td><td rowspan=\"2\"></td></tr>\n<tr><td></td></tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    /** Sagawa's page of one number: shipment table with 出荷日, history with ↓ rows and the current row ⇒ (§3.3). */
    public static String sagawa(SimulatedParcel p) {
        StringBuilder html = head("佐川急便 お問い合せ送り状詳細");
        if (p.scans().isEmpty()) {
            return html.append("<table id=\"list1\">\n<tr><th>お問い合せ送り状No.</th><th>最新荷物状況</th></tr>\n<tr><td>")
                    .append(p.trackingNumber()).append("</td><td><span class=\"state\">該当なし</span><br>"
                    + "お荷物データが登録されておりません。</td></tr>\n</table>\n</body>\n</html>\n").toString();
        }
        List<SimulatedParcel.Scan> scans = p.scans();
        html.append("<dl>\n<dt>詳細1</dt>\n<dd id=\"detail1\">\n<span class=\"state\">").append(escape(scans.getLast().words()))
                .append("</span>\n")
                .append("<table class=\"table_basic table_okurijo_detail2\"><tr><th>お問い合せ送り状No.</th><td>")
                .append(hyphenated(p.trackingNumber())).append("</td></tr><tr><th>出荷日</th><td>")
                .append(SAGAWA_SHIPPED.format(scans.getFirst().at())).append("</td></tr></table>\n")
                .append("<table class=\"table_basic table_okurijo_detail2\"><tr><th>荷物状況</th><th>日時</th><th>担当営業所</th></tr>\n");
        for (int i = 0; i < scans.size(); i++) {
            SimulatedParcel.Scan s = scans.get(i);
            html.append("<tr><td>").append(i == scans.size() - 1 ? "⇒" : "↓").append(escape(s.words())).append("</td><td>")
                    .append(SAGAWA_DATE.format(s.at())).append("</td><td>").append(escape(s.office())).append("</td></tr>\n");
        }
        return html.append("</table>\n</dd></dl>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"ja\">\n<head><meta charset=\"UTF-8\"><title>").append(title)
                .append("</title></head>\n<body>\n");
    }

    private static String hyphenated(String number) {
        return number.length() == 12 ? number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8)
                : number;
    }

    private static String escape(String s) {
        return s == null ? "" : Entities.escape(s);
    }
}
