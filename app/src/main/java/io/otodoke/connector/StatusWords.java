package io.otodoke.connector;

import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One carrier's status words as data (carriers.md §3, style.md "data-driven where the world is
 * data"): a tab-separated file under {@code connector/<source>-words.tsv} with the columns
 *
 * <pre>word  status  reason  when  place  note</pre>
 *
 * <ul>
 *   <li><b>word</b>: the printed text after {@link PageText#clean}; {@code *} stands for any text
 *       (Sagawa 2009 prints {@code 久喜店から配達に出発致しました。}).</li>
 *   <li><b>status</b>: a {@link TrackingStatus}, or {@code PREVIOUS} for a follow-up that keeps the
 *       status of the event before it (依頼受付（再配達）, 配達希望受付).</li>
 *   <li><b>reason</b>: a {@link StatusReason} or empty.</li>
 *   <li><b>when</b>: empty, {@code first} (the first event of the history), {@code after:STATUS}
 *       (an earlier event of the history has STATUS) or {@code previous:STATUS} (the event just
 *       before has STATUS). Rows of one word are tried in file order; the first that holds wins.</li>
 *   <li><b>place</b>: {@code wildcard} when the text matched by {@code *} names the branch.</li>
 * </ul>
 * Exact words are tried before patterns. A text no row knows is {@link TrackingStatus#UNKNOWN}.
 */
public final class StatusWords {

    /** What a text means in the context of the events before it. */
    public record Meaning(TrackingStatus status, StatusReason reason, String place) {
    }

    private record Row(String word, String status, StatusReason reason, String when, boolean wildcardPlace) {
    }

    private static final Meaning UNKNOWN = new Meaning(TrackingStatus.UNKNOWN, null, null);

    private final Map<String, List<Row>> exact = new HashMap<>();
    private final List<Row> patterns = new ArrayList<>();
    private final String resource;

    private StatusWords(String resource) {
        this.resource = resource;
    }

    public static StatusWords load(String resource) {
        StatusWords words = new StatusWords(resource);
        for (TsvRows.Row r : TsvRows.read(resource)) {
            String status = r.cell(1);
            if (!status.equals("PREVIOUS")) {
                TrackingStatus.valueOf(status);
            }
            String reason = r.cell(2);
            String when = r.cell(3);
            if (!when.isEmpty() && !when.equals("first")) {
                TrackingStatus.valueOf(when.substring(when.indexOf(':') + 1));
            }
            Row row = new Row(r.cell(0), status, reason.isEmpty() ? null : StatusReason.valueOf(reason), when,
                    r.cell(4).equals("wildcard"));
            if (row.word().indexOf('*') >= 0) {
                words.patterns.add(row);
            } else {
                words.exact.computeIfAbsent(row.word(), w -> new ArrayList<>()).add(row);
            }
        }
        return words;
    }

    /** The meaning of {@code text} after the events {@code earlier} (oldest first) of the same history. */
    public Meaning meaning(String text, List<TrackingStatus> earlier) {
        List<Row> rows = exact.get(text);
        if (rows != null) {
            for (Row row : rows) {
                if (holds(row.when(), earlier)) {
                    return meaning(row, null, earlier);
                }
            }
        }
        for (Row row : patterns) {
            String wildcard = match(row.word(), text);
            if (wildcard != null && holds(row.when(), earlier)) {
                return meaning(row, row.wildcardPlace() && !wildcard.isEmpty() ? wildcard : null, earlier);
            }
        }
        return UNKNOWN;
    }

    /** True when a row of the table gives {@code text} this status, in any context. */
    public boolean canMean(String text, TrackingStatus status) {
        List<Row> rows = exact.get(text);
        return rows != null && rows.stream().anyMatch(r -> r.status().equals(status.name()));
    }

    private static Meaning meaning(Row row, String place, List<TrackingStatus> earlier) {
        TrackingStatus status;
        if (row.status().equals("PREVIOUS")) {
            status = earlier.isEmpty() ? TrackingStatus.UNKNOWN : earlier.get(earlier.size() - 1);
        } else {
            status = TrackingStatus.valueOf(row.status());
        }
        return new Meaning(status, row.reason(), place);
    }

    private static boolean holds(String when, List<TrackingStatus> earlier) {
        if (when.isEmpty()) {
            return true;
        }
        if (when.equals("first")) {
            return earlier.isEmpty();
        }
        TrackingStatus wanted = TrackingStatus.valueOf(when.substring(when.indexOf(':') + 1));
        if (when.startsWith("previous:")) {
            return !earlier.isEmpty() && earlier.get(earlier.size() - 1) == wanted;
        }
        return earlier.contains(wanted);
    }

    /** The text {@code *} stands for when {@code text} matches {@code pattern} (one {@code *}), else null. */
    private static String match(String pattern, String text) {
        int star = pattern.indexOf('*');
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        if (text.length() < prefix.length() + suffix.length() || !text.startsWith(prefix) || !text.endsWith(suffix)) {
            return null;
        }
        return text.substring(prefix.length(), text.length() - suffix.length());
    }

    @Override
    public String toString() {
        return "StatusWords[" + resource + "]";
    }
}
