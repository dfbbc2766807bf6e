package io.otodoke.connector.yamato;

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
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.springframework.stereotype.Component;

/**
 * Yamato Transport's tracking page (carriers.md §3.1) in the three forms Otodoke receives:
 * <ul>
 *   <li>the current layout: one {@code div.parts-tracking-invoice-block} per number, events as
 *       {@code li} triples {@code .item} / {@code .date} / {@code .name}, oldest first;</li>
 *   <li>the 2009 layout (Shift_JIS, nayutaya/packtrack fixtures): per number an anchor
 *       {@code <a name="AA00">} followed by a table headed 荷物状況 / 日 付 / 時 刻 / 担当店名 / 担当店コード;</li>
 *   <li>the page's innerText copied from a browser (sm-trz/sagawa-monitor test.js): blocks opened by
 *       {@code N件目：XXXX-XXXX-XXXX}, events as three lines status / {@code MM月DD日 HH:mm} / branch.</li>
 * </ul>
 * Only the status element of each event is read, never the page's other words: the page has a
 * button お届け完了通知を依頼 that "contains 完了" but says nothing about the parcel.
 */
@Component
public class YamatoPageParser implements PayloadParser {

    static final StatusWords WORDS = StatusWords.load("connector/yamato-words.tsv");

    // Current layout (carriers.md §3.1 "Page structure"): the selectors live here and nowhere else.
    // Compiled once: parsing a CSS query on every page would cost more than matching it.
    static final Evaluator BLOCK = QueryParser.parse("div.parts-tracking-invoice-block");
    static final Evaluator BLOCK_TITLE = QueryParser.parse("h3.tracking-invoice-block-title");
    static final Evaluator STATE_TITLE = QueryParser.parse("h4.tracking-invoice-block-state-title");
    static final Evaluator EVENT = QueryParser.parse("div.tracking-invoice-block-detail ol > li");
    static final String ITEM = "item";
    static final String DATE = "date";
    static final String NAME = "name";
    // 2009 layout: the detail anchors AA00 … AA90.
    static final Evaluator LEGACY_ANCHOR = QueryParser.parse("a[name^=AA]");

    /** An innerText event's date line: {@code 08月06日 16:44} or a date alone. Matched on one short line at a time. */
    private static final Pattern TEXT_DATE = Pattern.compile("\\d{1,2}月\\d{1,2}日(\\s+\\d{1,2}:\\d{2})?");

    @Override
    public String source() {
        return "yamato";
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        String text = PageText.decode(payload);
        if (!PageText.isHtml(text)) {
            return parseInnerText(text, context);
        }
        Document page = Jsoup.parse(text);
        Elements blocks = page.select(BLOCK);
        if (!blocks.isEmpty()) {
            return parseCurrent(blocks, context);
        }
        if (page.selectFirst(LEGACY_ANCHOR) != null) {
            return parseLegacy(page, context);
        }
        throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "not a Yamato tracking page: no "
                + "div.parts-tracking-invoice-block (current layout), no detail anchor AA00 (2009 layout) and no 件目 line (innerText)");
    }

    private List<ParsedShipment> parseCurrent(Elements blocks, ParseContext context) {
        List<ParsedShipment> shipments = new ArrayList<>(blocks.size());
        for (Element block : blocks) {
            Element title = block.selectFirst(BLOCK_TITLE);
            if (title == null) {
                throw layoutChanged("a tracking-invoice-block has no h3.tracking-invoice-block-title with its number");
            }
            String number = numberAfterColon(title.text());
            Element state = block.selectFirst(STATE_TITLE);
            List<PageRow> rows = new ArrayList<>();
            for (Element li : block.select(EVENT)) {
                Element item = null;
                Element date = null;
                Element name = null;
                for (Element part : li.getAllElements()) {
                    if (item == null && part.hasClass(ITEM)) {
                        item = part;
                    } else if (date == null && part.hasClass(DATE)) {
                        date = part;
                    } else if (name == null && part.hasClass(NAME)) {
                        name = part;
                    }
                }
                if (item == null || date == null) {
                    throw layoutChanged("an event of " + number + " has no .item or .date");
                }
                rows.add(PageRow.of(PageText.clean(item.text()), PageRow.parseTime(date.text()),
                        branch(name == null ? null : name.text(), null)));
            }
            String forecast = null;
            for (Element dt : block.select("dt")) {
                if (PageText.clean(dt.text()).startsWith("お届け予定日時") && dt.nextElementSibling() != null) {
                    forecast = dt.nextElementSibling().text();
                }
            }
            shipments.add(shipment(number, state == null ? null : PageText.clean(state.text()), rows, forecast, context));
        }
        return shipments;
    }

    /** The 2009 layout, read in one pass over the page in document order: each anchor AAnn opens a number's section. */
    private List<ParsedShipment> parseLegacy(Document page, ParseContext context) {
        List<ParsedShipment> shipments = new ArrayList<>();
        boolean open = false;
        String number = null;
        Element history = null;
        StringBuilder messages = new StringBuilder();
        for (Element e : page.body().getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("a") && isLegacyAnchor(e.attr("name"))) {
                if (open) {
                    shipments.add(legacyShipment(number, history, messages, context));
                }
                open = true;
                number = null;
                history = null;
                messages.setLength(0);
            } else if (!open) {
                continue;
            } else if (number == null && tag.equals("b") && e.parent() != null && e.parent().normalName().equals("font")) {
                String candidate = TrackingNumbers.normalize(e.text());
                if (candidate.length() >= 10 && candidate.chars().allMatch(Character::isDigit)) {
                    number = candidate;
                }
            } else if (tag.equals("table") && history == null) {
                List<Element> rows = PageTables.rows(e);
                String header = rows.isEmpty() ? "" : PageText.clean(rows.get(0).text()).replace(" ", "");
                if (header.contains("荷物状況") && header.contains("日付")) {
                    history = e;
                } else if (e.hasClass("tb_c")) {
                    messages.append(e.text());
                }
            }
        }
        if (open) {
            shipments.add(legacyShipment(number, history, messages, context));
        }
        return shipments;
    }

    private static boolean isLegacyAnchor(String name) {
        return name.length() > 2 && name.startsWith("AA") && name.substring(2).chars().allMatch(Character::isDigit);
    }

    private static ParsedShipment legacyShipment(String number, Element history, CharSequence messages, ParseContext context) {
        if (number == null) {
            throw layoutChanged("a 2009 detail section has no 伝票番号");
        }
        if (history == null) {
            // 伝票番号未登録: "お問い合わせいただいた伝票番号は、今現在コンピュータに登録されておりません。"
            String m = messages.toString();
            if (m.contains("登録されておりません") || m.contains("伝票番号誤り")) {
                return new ParsedShipment(number, null, true, List.of());
            }
            throw layoutChanged("the 2009 detail of " + number + " has neither a history table nor a not-found message");
        }
        return shipment(number, null, legacyRows(history, number), null, context);
    }

    /** The 2009 history table: columns found by their header, since the mail-service variant adds 投函予定日. */
    private static List<PageRow> legacyRows(Element table, String number) {
        List<Element> trs = PageTables.rows(table);
        List<Element> headers = PageTables.cells(trs.get(0), true);
        int status = -1;
        int date = -1;
        int time = -1;
        int name = -1;
        int code = -1;
        for (int i = 0; i < headers.size(); i++) {
            String h = PageText.clean(headers.get(i).text()).replace(" ", "");
            switch (h) {
                case "荷物状況" -> status = i;
                case "日付" -> date = i;
                case "時刻" -> time = i;
                case "担当店名" -> name = i;
                case "担当店コード" -> code = i;
                default -> { }
            }
        }
        if (status < 0 || date < 0 || time < 0 || name < 0) {
            throw layoutChanged("the 2009 history of " + number + " lacks one of 荷物状況 / 日 付 / 時 刻 / 担当店名");
        }
        List<PageRow> rows = new ArrayList<>(trs.size() - 1);
        for (int r = 1; r < trs.size(); r++) {
            List<Element> tds = PageTables.cells(trs.get(r), false);
            if (tds.size() <= Math.max(Math.max(status, date), Math.max(time, name))) {
                throw layoutChanged("a history row of " + number + " has " + tds.size() + " cells");
            }
            String day = PageText.clean(tds.get(date).text());
            String clock = PageText.clean(tds.get(time).text());
            PageRow.PrintedTime printed = day.isEmpty() ? null : PageRow.parseTime(day + " " + clock);
            rows.add(PageRow.of(PageText.clean(tds.get(status).text()), printed,
                    branch(tds.get(name).text(), code >= 0 && code < tds.size() ? tds.get(code).text() : null)));
        }
        return rows;
    }

    private List<ParsedShipment> parseInnerText(String text, ParseContext context) {
        String[] lines = text.split("\r?\n");
        List<ParsedShipment> shipments = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = PageText.clean(lines[i]);
            int mark = line.indexOf("件目");
            if (mark <= 0 || !Character.isDigit(line.charAt(mark - 1)) || (line.indexOf('：') < 0 && line.indexOf(':') < 0)) {
                i++;
                continue;
            }
            String number = numberAfterColon(line);
            int end = i + 1;
            while (end < lines.length && !isBlockTitle(PageText.clean(lines[end]))) {
                end++;
            }
            String state = i + 1 < end ? PageText.clean(lines[i + 1]) : null;
            List<PageRow> rows = new ArrayList<>();
            String forecast = null;
            for (int j = i + 2; j < end; j++) {
                String candidate = PageText.clean(lines[j]);
                String item = PageText.clean(lines[j - 1]);
                if (item.startsWith("お届け予定日時")) {
                    forecast = candidate;
                }
                if (!TEXT_DATE.matcher(candidate).matches()) {
                    continue;
                }
                if (item.isEmpty() || item.endsWith("：") || item.endsWith(":")) {
                    continue; // お届け予定日時： followed by a date is the forecast, not an event
                }
                String name = j + 1 < end ? lines[j + 1] : null;
                rows.add(PageRow.of(item, PageRow.parseTime(candidate), branch(name, null)));
            }
            shipments.add(shipment(number, state, rows, forecast, context));
            i = end;
        }
        if (shipments.isEmpty()) {
            throw layoutChanged("the text has no 'N件目：number' line: not the innerText of a Yamato tracking page");
        }
        return shipments;
    }

    private static boolean isBlockTitle(String line) {
        int mark = line.indexOf("件目");
        return mark > 0 && Character.isDigit(line.charAt(mark - 1)) && (line.indexOf('：') > mark || line.indexOf(':') > mark);
    }

    private static ParsedShipment shipment(String number, String state, List<PageRow> rows, String forecast,
                                           ParseContext context) {
        if (rows.isEmpty()) {
            if (state != null && WORDS.canMean(state, TrackingStatus.NOT_FOUND)) {
                return new ParsedShipment(number, null, true, List.of());
            }
            throw layoutChanged("the block of " + number + " has no events and its state '" + state
                    + "' is not a not-found word");
        }
        List<TrackingEvent> events = PageHistory.events("yamato", rows, WORDS, context.anchor(), context);
        return new ParsedShipment(number, null, false, events,
                forecast == null ? null : PageHistory.forecast(forecast, events, context.anchor()));
    }

    private static String numberAfterColon(String title) {
        String t = PageText.clean(title);
        int colon = Math.max(t.lastIndexOf('：'), t.lastIndexOf(':'));
        String number = TrackingNumbers.normalize(colon >= 0 ? t.substring(colon + 1) : t);
        if (number.isEmpty()) {
            throw layoutChanged("no number in the block title '" + t + "'");
        }
        return number;
    }

    private static EventLocation branch(String name, String code) {
        String n = PageText.clean(name);
        if (n.isEmpty()) {
            return EventLocation.NONE;
        }
        // The branch code (担当店コード, 2009) has no field in EventLocation yet; see the report of this change.
        return new EventLocation(n, null, null, "JP", null, null);
    }

    private static ParseException layoutChanged(String message) {
        return new ParseException(ParseException.Kind.LAYOUT_CHANGED, "Yamato page: " + message);
    }
}
