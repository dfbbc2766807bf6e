package io.otodoke.connector;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Rows and cells of a page table by walking children only. {@code select("td")} would search the
 * whole subtree of every row: on a malformed or concatenated page whose rows nest into each other
 * that turns one parse into a quadratic scan (the 2× budget of carriers' parsing over jsoup).
 */
public final class PageTables {

    private PageTables() {
    }

    /** The table's own rows, through thead/tbody/tfoot, in page order. */
    public static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(child);
            } else if (tag.equals("tbody") || tag.equals("thead") || tag.equals("tfoot")) {
                for (Element row : child.children()) {
                    if (row.normalName().equals("tr")) {
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** The row's td cells (and th cells too when {@code withHeaders}). */
    public static List<Element> cells(Element row, boolean withHeaders) {
        List<Element> cells = new ArrayList<>();
        for (Element child : row.children()) {
            String tag = child.normalName();
            if (tag.equals("td") || (withHeaders && tag.equals("th"))) {
                cells.add(child);
            }
        }
        return cells;
    }
}
