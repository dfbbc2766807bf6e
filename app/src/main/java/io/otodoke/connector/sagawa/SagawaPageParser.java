package io.otodoke.connector.sagawa;

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
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.springframework.stereotype.Component;

/**
 * Sagawa Express's tracking page (carriers.md §3.3):
 * <ul>
 *   <li>the current layout: headline {@code span.state}, per number a {@code dd#detailN} with two
 *       {@code table.table_okurijo_detail2} (shipment information with 出荷日 {@code YYYY年MM月DD日};
 *       history 荷物状況 / 日時 {@code MM/DD HH:mm} / 担当営業所, earlier rows {@code ↓}, current row {@code ⇒});</li>
 *   <li>the same page's innerText (sm-trz/sagawa-monitor): the same cells, tab-separated;</li>
 *   <li>the 2009 layout (nayutaya/packtrack): a free-text 詳細表示 cell, <b>newest first</b>, with
 *       explicit years; some lines carry no date at all.</li>
 * </ul>
 * The year of a history row comes from 出荷日 (carriers.md §9). 保管中 means ARRIVED_AT_DELIVERY_BASE
 * before any 配達中 and DELIVERY_ATTEMPTED after one (the word table's {@code after:} rule). A page
 * whose history vanished behind a headline (調査中 + 恐れ入りますが、営業所へお問い合わせください。, the
 * real case of a returned parcel) yields one event from the headline, dated the day the page was
 * received, with DAY precision: the only time the page vouches for.
 */
@Component
public class SagawaPageParser implements PayloadParser {

    static final StatusWords WORDS = StatusWords.load("connector/sagawa-words.tsv");

    static final String STATE = "span.state";
    static final String DETAIL = "dd[id~=^detail[0-9]+$]";
    static final String DETAIL_TABLE = "table.table_okurijo_detail2";
    static final String LEGACY_DETAIL = "table.ichiran-bg.syosai-bg-src";
    static final String LEGACY_LABEL_CLASS = "syosai-hd2-src";
    static final String LEGACY_SUMMARY_ROW = "table[id$=:tb1] tr";

    /** One number as the page shows it, before its rows become events. */
    private record Block(String number, LocalDate shipDate, String headline, List<PageRow> oldestFirst, String forecast) {
    }

    @Override
    public String source() {
        return "sagawa";
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        String text = PageText.decode(payload);
        List<Block> blocks;
        if (!PageText.isHtml(text)) {
            blocks = innerTextBlocks(text);
        } else {
            Document page = Jsoup.parse(text);
            Elements details = page.select(DETAIL);
            Elements legacy = page.select(LEGACY_DETAIL);
            if (!details.isEmpty()) {
                blocks = currentBlocks(page, details);
            } else if (!legacy.isEmpty() || !page.select(LEGACY_SUMMARY_ROW).isEmpty()) {
                blocks = legacyBlocks(page, legacy);
            } else {
                blocks = currentNotFound(page);
            }
        }
        List<ParsedShipment> shipments = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            shipments.add(shipment(block, context));
        }
        return shipments;
    }

    private static ParsedShipment shipment(Block block, ParseContext context) {
        if (block.number() == null || block.number().isEmpty()) {
            throw layoutChanged("a result has no お問い合せ送り状No.");
        }
        LocalDate anchor = block.shipDate() != null ? block.shipDate() : context.anchor();
        if (!block.oldestFirst().isEmpty()) {
            List<TrackingEvent> events = PageHistory.events("sagawa", block.oldestFirst(), WORDS, anchor, context);
            return new ParsedShipment(block.number(), null, false, events,
                    block.forecast() == null ? null : PageHistory.forecast(block.forecast(), events, anchor));
        }
        String headline = block.headline();
        if (headline == null || headline.isEmpty()) {
            throw layoutChanged("the result for " + block.number() + " has neither a history nor a headline status");
        }
        if (WORDS.canMean(headline, TrackingStatus.NOT_FOUND)) {
            return new ParsedShipment(block.number(), null, true, List.of());
        }
        StatusWords.Meaning meaning = WORDS.meaning(headline, List.of());
        LocalDate seen = context.receivedAt().atZone(EventTime.TOKYO).toLocalDate();
        TrackingEvent event = new TrackingEvent("sagawa", null, headline, meaning.status(), meaning.reason(),
                EventTime.day(seen, EventTime.TOKYO), EventLocation.NONE, 0, context.receivedAt());
        return new ParsedShipment(block.number(), null, false, List.of(event));
    }

    // ---- current layout -------------------------------------------------------------------

    private static List<Block> currentBlocks(Document page, Elements details) {
        Elements states = page.select(STATE);
        List<Block> blocks = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            Element detail = details.get(i);
            Elements tables = detail.select(DETAIL_TABLE);
            if (tables.isEmpty()) {
                throw layoutChanged(detail.id() + " has no " + DETAIL_TABLE);
            }
            Map<String, String> info = new LinkedHashMap<>();
            for (Element tr : PageTables.rows(tables.get(0))) {
                List<Element> cells = PageTables.cells(tr, true);
                if (cells.size() >= 2) {
                    info.put(PageText.clean(cells.get(0).text()), cells.get(1).text());
                }
            }
            List<PageRow> rows = new ArrayList<>();
            if (tables.size() > 1) {
                for (Element tr : PageTables.rows(tables.get(1))) {
                    List<Element> tds = PageTables.cells(tr, false);
                    if (tds.size() < 3) {
                        continue; // the header row 荷物状況 / 日時 / 担当営業所
                    }
                    rows.add(historyRow(tds.get(0).text(), tds.get(1).text(), tds.get(2).text()));
                }
            }
            Element state = detail.selectFirst(STATE);
            if (state == null && i < states.size()) {
                state = states.get(i);
            }
            blocks.add(new Block(number(info.get("お問い合せ送り状No.")), shipDate(info.get("出荷日")),
                    state == null ? null : PageText.clean(state.text()), rows, info.get("配達予定日")));
        }
        return blocks;
    }

    /** 該当なし: no dd#detail, the headline says 該当なし and #list1 says お荷物データが登録されておりません。 */
    private static List<Block> currentNotFound(Document page) {
        Element state = page.selectFirst(STATE);
        if (state == null) {
            throw layoutChanged("no " + DETAIL + ", no " + STATE + " (current layout) and no 詳細表示 (2009 layout)");
        }
        String number = null;
        Element list = page.getElementById("list1");
        if (list != null) {
            for (Element td : list.select("td")) {
                String n = TrackingNumbers.normalize(td.text());
                if (n.length() >= 10 && n.chars().allMatch(Character::isDigit)) {
                    number = n;
                    break;
                }
            }
        }
        String headline = PageText.clean(state.text());
        if (!WORDS.canMean(headline, TrackingStatus.NOT_FOUND)) {
            throw layoutChanged("the headline is '" + headline + "' but the page has no " + DETAIL);
        }
        return List.of(new Block(number, null, headline, List.of(), null));
    }

    private static PageRow historyRow(String status, String when, String office) {
        String date = PageText.clean(when);
        PageRow.PrintedTime printed = PageRow.parseTime(date);
        if (printed == null) {
            throw layoutChanged("'" + date + "' in the 日時 column is not MM/DD HH:mm");
        }
        String name = PageText.clean(office);
        return PageRow.of(PageText.clean(status), printed,
                name.isEmpty() ? EventLocation.NONE : new EventLocation(name, null, null, "JP", null, null));
    }

    // ---- innerText of the current layout ---------------------------------------------------

    private static List<Block> innerTextBlocks(String text) {
        String[] lines = text.split("\r?\n");
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("詳細") && line.length() > 2 && line.substring(2).chars().allMatch(Character::isDigit)) {
                starts.add(i);
            }
        }
        if (starts.isEmpty()) {
            throw layoutChanged("the text has no 詳細N line: not the innerText of a Sagawa tracking page");
        }
        List<Block> blocks = new ArrayList<>(starts.size());
        for (int b = 0; b < starts.size(); b++) {
            int end = b + 1 < starts.size() ? starts.get(b + 1) : lines.length;
            String number = null;
            String headline = null;
            LocalDate shipDate = null;
            String forecast = null;
            List<PageRow> rows = new ArrayList<>();
            for (int i = starts.get(b) + 1; i < end; i++) {
                String[] cells = lines[i].split("\t");
                String first = PageText.clean(cells[0]);
                String line = PageText.clean(lines[i]);
                if (line.startsWith("配達予定日")) {
                    // 「配達予定日　　：」 with the forecast after the colon or on the next line
                    String after = line.replaceFirst("^配達予定日\\s*[：:]?\\s*", "");
                    forecast = !after.isEmpty() || i + 1 >= end ? after : PageText.clean(lines[i + 1]);
                    continue;
                }
                if (number == null && !line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
                    number = line; // the list row "\t444803002033\t"; its headline is the next line
                    for (int j = i + 1; j < end && headline == null; j++) {
                        String next = PageText.clean(lines[j]);
                        headline = next.isEmpty() ? null : next;
                    }
                } else if (cells.length >= 2 && first.equals("お問い合せ送り状No.")) {
                    number = number != null ? number : TrackingNumbers.normalize(cells[1]);
                } else if (cells.length >= 2 && first.equals("出荷日")) {
                    shipDate = shipDate(cells[1]);
                } else if (cells.length >= 3 && !first.equals("荷物状況")) {
                    String date = PageText.clean(cells[1]);
                    if (PageRow.parseTime(date) != null) {
                        rows.add(historyRow(cells[0], cells[1], cells[2]));
                    }
                }
            }
            blocks.add(new Block(number, shipDate, headline, rows, forecast));
        }
        return blocks;
    }

    // ---- 2009 layout ----------------------------------------------------------------------

    private static List<Block> legacyBlocks(Document page, Elements details) {
        Map<String, Block> byNumber = new LinkedHashMap<>();
        for (Element detail : details) {
            Map<String, Element> info = new LinkedHashMap<>();
            for (Element tr : PageTables.rows(detail)) {
                List<Element> cells = PageTables.cells(tr, false);
                for (int c = 0; c + 1 < cells.size(); c++) {
                    if (cells.get(c).hasClass(LEGACY_LABEL_CLASS)) {
                        info.put(PageText.clean(cells.get(c).text()), cells.get(c + 1));
                    }
                }
            }
            Element number = info.get("お問い合わせNo.");
            Element history = info.get("詳細表示");
            if (number == null || history == null) {
                throw layoutChanged("a 2009 detail table lacks お問い合わせNo. or 詳細表示");
            }
            Element shipped = info.get("出荷日");
            LocalDate shipDate = shipped == null ? null : shipDate(shipped.text());
            String n = TrackingNumbers.normalize(number.text());
            byNumber.put(n, new Block(n, shipDate, null, legacyRows(history), null));
        }
        // The summary list gives the page order and the numbers without a detail (該当なし).
        List<Block> blocks = new ArrayList<>();
        for (Element tr : page.select(LEGACY_SUMMARY_ROW)) {
            List<Element> tds = PageTables.cells(tr, false);
            if (tds.size() < 3) {
                continue;
            }
            String n = TrackingNumbers.normalize(tds.get(0).text());
            Block block = byNumber.remove(n);
            if (block != null) {
                blocks.add(block);
            } else if (!n.isEmpty()) {
                String state = PageText.clean(tds.get(2).text());
                if (state.isEmpty() || tr.text().contains("登録されておりません")) {
                    state = "該当なし";
                }
                blocks.add(new Block(n, null, state, List.of(), null));
            }
        }
        blocks.addAll(byNumber.values());
        if (blocks.isEmpty()) {
            throw layoutChanged("the 2009 page has no result");
        }
        return blocks;
    }

    /**
     * The 詳細表示 cell: one line per {@code <br>}, newest first, each
     * {@code ⇒|↑ [YYYY年MM月DD日 [HH:mm]] text}. Returned oldest first.
     */
    private static List<PageRow> legacyRows(Element cell) {
        List<PageRow> newestFirst = new ArrayList<>();
        for (Node node : cell.childNodes()) {
            if (!(node instanceof TextNode textNode)) {
                continue;
            }
            String line = PageText.clean(textNode.getWholeText());
            if (line.isEmpty()) {
                continue;
            }
            PageRow.PrintedTime printed = null;
            int space = line.indexOf(' ');
            String head = space < 0 ? line : line.substring(0, space);
            if (head.endsWith("日") && head.contains("年") && head.contains("月")) {
                String rest = space < 0 ? "" : line.substring(space + 1).strip();
                String clock = "";
                int next = rest.indexOf(' ');
                String token = next < 0 ? rest : rest.substring(0, next);
                if (token.length() >= 4 && token.length() <= 5 && token.indexOf(':') > 0) {
                    clock = " " + token;
                    rest = next < 0 ? "" : rest.substring(next + 1).strip();
                }
                printed = PageRow.parseTime(head + clock);
                line = rest;
            }
            newestFirst.add(PageRow.of(line, printed, EventLocation.NONE));
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static String number(String text) {
        return text == null ? null : TrackingNumbers.normalize(text);
    }

    /** 出荷日 {@code 2026年08月07日}. */
    private static LocalDate shipDate(String text) {
        if (text == null) {
            return null;
        }
        PageRow.PrintedTime printed = PageRow.parseTime(PageText.clean(text));
        return printed == null ? null : printed.date();
    }

    private static ParseException layoutChanged(String message) {
        return new ParseException(ParseException.Kind.LAYOUT_CHANGED, "Sagawa page: " + message);
    }
}
