package io.otodoke.connector;

import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        String resource = "/connector/" + name;
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = CodeTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing code table " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 2) {
                    throw new IllegalStateException(resource + ":" + number + ": needs key TAB status [TAB reason]");
                }
                TrackingStatus status = cells[1].isBlank() ? null : TrackingStatus.valueOf(cells[1].strip());
                StatusReason reason = cells.length > 2 && !cells[2].isBlank() ? StatusReason.valueOf(cells[2].strip()) : null;
                if (rows.put(cells[0], new Row(status, reason)) != null) {
                    throw new IllegalStateException(resource + ":" + number + ": duplicate key " + cells[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
