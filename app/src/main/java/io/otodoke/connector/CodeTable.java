package io.otodoke.connector;

import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A source's own codes or words mapped onto the unified status and reason: one TSV under
 * {@code resources/connector/}, loaded once (style.md: the world's vocabulary is data, not
 * if-chains). Columns: key, status (may be empty when the row gives only a reason), reason
 * (optional); {@code #} starts a comment line. A key may appear once.
 */
public final class CodeTable {

    /** One row; {@code status} is null for rows that only refine a reason. */
    public record Row(TrackingStatus status, StatusReason reason) {
    }

    private final String resource;
    private final Map<String, Row> rows;

    private CodeTable(String resource, Map<String, Row> rows) {
        this.resource = resource;
        this.rows = rows;
    }

    /** Loads {@code /connector/<name>}; a malformed table is a programming error and fails fast. */
    public static CodeTable load(String name) {
        String resource = "connector/" + name;
        Map<String, Row> rows = new LinkedHashMap<>();
        for (TsvRows.Row r : TsvRows.read(resource)) {
            TrackingStatus status = r.cell(1).isEmpty() ? null : TrackingStatus.valueOf(r.cell(1));
            StatusReason reason = r.cell(2).isEmpty() ? null : StatusReason.valueOf(r.cell(2));
            if (rows.put(r.cells()[0], new Row(status, reason)) != null) {
                throw r.error("duplicate key " + r.cells()[0]);
            }
        }
        return new CodeTable(resource, Map.copyOf(rows));
    }

    public Optional<Row> get(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(rows.get(key));
    }

    public boolean contains(String key) {
        return key != null && rows.containsKey(key);
    }

    /** The keys, for tests that check the table covers what carriers.md lists. */
    public java.util.Set<String> keys() {
        return rows.keySet();
    }

    @Override
    public String toString() {
        return resource;
    }
}
