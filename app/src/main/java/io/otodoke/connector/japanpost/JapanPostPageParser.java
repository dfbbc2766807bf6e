package io.otodoke.connector.japanpost;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.PageHistory;
import io.otodoke.connector.PageRow;
import io.otodoke.connector.PageTables;
import io.otodoke.connector.PageText;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.PayloadParser;
import io.otodoke.connector.StatusWords;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingEvent;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.springframework.stereotype.Component;

/**
 * Japan Post's tracking page (carriers.md §3.2):
 * <ul>
 *   <li>the current layout: {@code table[summary=履歴情報]}, two header rows, then two {@code tr}
 *       per event (状態発生日 / 配送履歴 / 詳細 / 取扱局 / 県名等, then 郵便番号), dates
 *       {@code YYYY/MM/DD HH:MM} or {@code YYYY/MM/DD}; the number in {@code table[summary=配達状況詳細]};
 *       a not-found answer in {@code table[summary=照会結果]};</li>
 *   <li>the 2009 layout (Shift_JIS, nayutaya/packtrack): {@code tr.number_search_data} pairs, dates
 *       {@code 7月8日 18:37} or {@code 7月9日} without a year; the detail page (検索した番号は…) has the
 *       history of one number, the list page (個別番号検索結果) one 最新状態 row per number.</li>
 * </ul>
 * Events are oldest first on both. Date-only rows stay dates (precision DAY).
 */
@Component
public class JapanPostPageParser implements PayloadParser {

    static final StatusWords WORDS = StatusWords.load("connector/japanpost-words.tsv");

    static final String HISTORY = "table[summary=履歴情報]";
    static final String DETAIL = "table[summary=配達状況詳細]";
    private static final DetailReasons DETAILS = new DetailReasons("connector/japanpost-details.tsv");
    static final String ANSWER = "table[summary=照会結果]";
    static final String LEGACY_ROW = "tr.number_search_data";

    @Override
    public String source() {
        return "japanpost";
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        String text = PageText.decode(payload);
        if (!PageText.isHtml(text)) {
            return parseInnerText(text, context);
        }
        Document page = Jsoup.parse(text);
        Elements histories = page.select(HISTORY);
        if (!histories.isEmpty()) {
            return parseCurrent(page, histories, context);
        }
        Element answer = page.selectFirst(ANSWER);
        if (answer != null && isNotFound(answer.text())) {
            return List.of(new ParsedShipment(numberOf(page), null, true, List.of()));
        }
        Elements legacy = page.select(LEGACY_ROW);
        if (!legacy.isEmpty()) {
            return parseLegacy(page, legacy, context);
        }
        String body = page.body() == null ? "" : page.body().text();
        if (body.contains("ゆうパック等") && isNotFound(body)) {
            return List.of(new ParsedShipment(numberOf(page), null, true, List.of()));
        }
        throw layoutChanged("no " + HISTORY + " (current layout) and no " + LEGACY_ROW + " rows (2009 layout)");
    }

    private List<ParsedShipment> parseCurrent(Document page, Elements histories, ParseContext context) {
        Elements summaries = page.select(DETAIL);
        List<ParsedShipment> shipments = new ArrayList<>(histories.size());
        for (int h = 0; h < histories.size(); h++) {
            List<Element> trs = PageTables.rows(histories.get(h));
            List<PageRow> rows = new ArrayList<>();
            List<String> details = new ArrayList<>();
            // The first two rows are the header (carriers.md §3.2; dotplants jp-post.ts skips them too).
            for (int r = 2; r < trs.size(); r += 2) {
                List<Element> first = PageTables.cells(trs.get(r), false);
                List<Element> second = r + 1 < trs.size() ? PageTables.cells(trs.get(r + 1), false) : List.of();
                if (first.size() < 5) {
                    throw layoutChanged("a history row has " + first.size() + " cells, expected 状態発生日 / 配送履歴 / 詳細 / 取扱局 / 県名等");
                }
                rows.add(row(first, second.isEmpty() ? null : second.get(0)));
                details.add(PageText.clean(first.get(2).text()));
            }
            if (rows.isEmpty()) {
                throw layoutChanged("the history table " + (h + 1) + " has no events");
            }
            String number = h < summaries.size() ? numberIn(summaries.get(h)) : null;
            shipments.add(new ParsedShipment(number, null, false,
                    withDetails(PageHistory.events("japanpost", rows, WORDS, context.anchor(), context), details)));
        }
        return shipments;
    }

    private List<ParsedShipment> parseLegacy(Document page, Elements trs, ParseContext context) {
        boolean list = false;
        for (Element th : page.select("th")) {
            if (PageText.clean(th.text()).equals("最新状態")) {
                list = true;
                break;
            }
        }
        if (list) {
            // 個別番号検索結果: one row pair per number, its latest state only (packtrack list_count02/10).
            List<ParsedShipment> shipments = new ArrayList<>();
            for (int r = 0; r < trs.size(); r++) {
                List<Element> tds = PageTables.cells(trs.get(r), false);
                if (tds.size() < 5) {
                    continue; // the 郵便番号 row of the pair
                }
                String number = TrackingNumbers.normalize(tds.get(0).ownText());
                List<Element> second = r + 1 < trs.size() ? PageTables.cells(trs.get(r + 1), false) : List.of();
                List<Element> rest = tds.subList(1, tds.size());
                PageRow row = rowWithoutDetail(rest, second.size() == 1 ? second.get(0) : null);
                shipments.add(new ParsedShipment(number, null, false,
                        PageHistory.events("japanpost", List.of(row), WORDS, context.anchor(), context)));
            }
            if (shipments.isEmpty()) {
                throw layoutChanged("the 2009 list page has no row with a number and a 最新状態");
            }
            return shipments;
        }
        String number = numberOf(page);
        if (number == null) {
            throw layoutChanged("the 2009 detail page does not say 検索した番号は…");
        }
        List<PageRow> rows = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int r = 0; r < trs.size(); r++) {
            List<Element> tds = PageTables.cells(trs.get(r), false);
            if (tds.size() < 5) {
                continue;
            }
            List<Element> second = r + 1 < trs.size() ? PageTables.cells(trs.get(r + 1), false) : List.of();
            rows.add(row(tds, second.size() == 1 ? second.get(0) : null));
            details.add(PageText.clean(tds.get(2).text()));
        }
        if (rows.isEmpty()) {
            throw layoutChanged("the 2009 detail page of " + number + " has no event rows");
        }
        return List.of(new ParsedShipment(number, null, false,
                withDetails(PageHistory.events("japanpost", rows, WORDS, context.anchor(), context), details)));
    }

    /**
     * The page's text as a browser copies it (innerText): the history table becomes one line per
     * event with its cells separated by tabs (状態発生日, 配送履歴, 詳細, 取扱局, 県名等), each followed
     * by a line with the 郵便番号. No capture of it exists; the form follows how browsers render
     * tables, and the test fixture says it is synthetic.
     */
    private List<ParsedShipment> parseInnerText(String text, ParseContext context) {
        String[] lines = text.split("\r?\n");
        String number = null;
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = PageText.clean(lines[i]);
            if (number == null && line.contains("お問い合わせ番号")) {
                number = numberNear(lines, i);
            }
            if (line.contains("状態発生日") && line.contains("配送履歴")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            if (isNotFound(text)) {
                return List.of(new ParsedShipment(number, null, true, List.of()));
            }
            throw layoutChanged("the text has no history header (状態発生日 / 配送履歴): not a Japan Post page");
        }
        List<PageRow> rows = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int j = header + 1; j < lines.length; j++) {
            String[] cells = lines[j].strip().split("\t|\s{2,}", -1);
            String when = PageText.clean(cells[0]);
            if (when.isEmpty() || !Character.isDigit(when.charAt(0)) || when.indexOf('/') < 0 || cells.length < 2) {
                continue; // the 郵便番号 line, a second header line, or text after the table
            }
            PageRow.PrintedTime printed = PageRow.parseTime(when);
            if (printed == null) {
                continue;
            }
            String postal = j + 1 < lines.length && isPostalCode(PageText.clean(lines[j + 1])) ? PageText.clean(lines[j + 1]) : "";
            String office = cells.length > 3 ? PageText.clean(cells[3]) : "";
            String prefecture = cells.length > 4 ? PageText.clean(cells[4]) : "";
            rows.add(PageRow.of(PageText.clean(cells[1]), printed, new EventLocation(office.isEmpty() ? null : office,
                    postal.isEmpty() ? null : postal, prefecture.isEmpty() ? null : prefecture, "JP", null, null)));
            details.add(cells.length > 2 ? PageText.clean(cells[2]) : "");
        }
        if (rows.isEmpty()) {
            throw layoutChanged("the history of the text has no event lines");
        }
        return List.of(new ParsedShipment(number, null, false,
                withDetails(PageHistory.events("japanpost", rows, WORDS, context.anchor(), context), details)));
    }

    /** The first tracking number on this line or the next two (the header, then its value). */
    private static String numberNear(String[] lines, int from) {
        for (int i = from; i < Math.min(lines.length, from + 3); i++) {
            for (String cell : lines[i].split("\t|\s{2,}")) {
                String n = TrackingNumbers.normalize(PageText.clean(cell));
                if (n.length() >= 10 && n.length() <= 13 && n.chars().allMatch(Character::isLetterOrDigit)
                        && n.chars().filter(Character::isDigit).count() >= 9) {
                    return n;
                }
            }
        }
        return null;
    }

    private static boolean isPostalCode(String s) {
        return s.length() == 8 && s.charAt(3) == '-' && s.chars().filter(Character::isDigit).count() == 7;
    }

    /**
     * The 詳細 column says why (差出人に返送 / あて所が不明のため): it is kept in the raw text after the
     * word, and gives the reason when the word gives none (carriers.md §3.2).
     */
    private static List<TrackingEvent> withDetails(List<TrackingEvent> events, List<String> details) {
        List<TrackingEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            TrackingEvent e = events.get(i);
            String detail = i < details.size() ? details.get(i) : "";
            if (detail.isEmpty()) {
                out.add(e);
                continue;
            }
            StatusReason reason = e.reason() != null ? e.reason() : DETAILS.of(detail);
            out.add(new TrackingEvent(e.source(), e.rawCode(), e.rawText() + "（" + detail + "）", e.status(), reason,
                    e.occurredAt(), e.location(), e.sourceSequence(), e.receivedAt()));
        }
        return out;
    }

    /** 状態発生日 / 配送履歴 / 詳細 / 取扱局 / 県名等, and the 郵便番号 cell of the second row. */
    private static PageRow row(List<Element> tds, Element postal) {
        String date = PageText.clean(tds.get(0).text());
        PageRow.PrintedTime printed = PageRow.parseTime(date);
        if (printed == null) {
            throw layoutChanged("'" + date + "' in the 状態発生日 column is not a date");
        }
        return PageRow.of(PageText.clean(tds.get(1).text()), printed, office(tds.get(3), tds.get(4), postal));
    }

    /** The list page's 状態発生日 / 最新状態 / 最新取扱店 / 県名等 (no 詳細 column). */
    private static PageRow rowWithoutDetail(List<Element> tds, Element postal) {
        String date = PageText.clean(tds.get(0).text());
        PageRow.PrintedTime printed = PageRow.parseTime(date);
        if (printed == null) {
            throw layoutChanged("'" + date + "' in the 状態発生日 column is not a date");
        }
        return PageRow.of(PageText.clean(tds.get(1).text()), printed, office(tds.get(2), tds.get(3), postal));
    }

    private static EventLocation office(Element name, Element prefecture, Element postal) {
        String n = PageText.clean(name.text());
        String p = PageText.clean(prefecture.text());
        String code = postal == null ? "" : PageText.clean(postal.text());
        return new EventLocation(n.isEmpty() ? null : n, code.isEmpty() ? null : code, p.isEmpty() ? null : p,
                "JP", null, null);
    }

    private static boolean isNotFound(String text) {
        return text.contains("見つかりません") || text.contains("入力桁数に誤り") || text.contains("not found");
    }

    /** The number the page was asked about: 検索した番号は… (2009) or the お問い合わせ番号 cell (current). */
    private static String numberOf(Document page) {
        for (Element table : page.select(DETAIL + ", " + ANSWER)) {
            String n = numberIn(table);
            if (n != null) {
                return n;
            }
        }
        for (Element div : page.select("div:containsOwn(検索した番号は)")) {
            String own = div.ownText();
            int at = own.indexOf("検索した番号は");
            String n = digits(own.substring(at + "検索した番号は".length()));
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static String numberIn(Element detail) {
        for (Element cell : detail.select("td")) {
            String n = digits(cell.text());
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** The first run of 10 or more digits (hyphens allowed), normalised; Japan Post numbers have 11–13 digits. */
    private static String digits(String text) {
        String t = TrackingNumbers.normalize(text);
        int start = -1;
        for (int i = 0; i <= t.length(); i++) {
            boolean digit = i < t.length() && Character.isDigit(t.charAt(i));
            if (digit && start < 0) {
                start = i;
            } else if (!digit && start >= 0) {
                if (i - start >= 10) {
                    return t.substring(start, i);
                }
                start = -1;
            }
        }
        return null;
    }

    private static ParseException layoutChanged(String message) {
        return new ParseException(ParseException.Kind.LAYOUT_CHANGED, "Japan Post page: " + message);
    }
}
