package io.otodoke.connector.japanpost;

import io.otodoke.connector.TsvRows;
import io.otodoke.tracking.StatusReason;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Japan Post's 詳細 column says about why, as reasons: the table {@code connector/japanpost-details.tsv}. */
final class DetailReasons {

    private final Map<String, StatusReason> byPhrase = new LinkedHashMap<>();

    DetailReasons(String resource) {
        for (TsvRows.Row r : TsvRows.read(resource)) {
            byPhrase.put(r.cell(0), StatusReason.valueOf(r.cell(1)));
        }
    }

    /** The reason of the first phrase the text contains, in table order; null when none. */
    StatusReason of(String detail) {
        for (var e : byPhrase.entrySet()) {
            if (detail.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
