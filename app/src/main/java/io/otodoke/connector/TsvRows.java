package io.otodoke.connector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated table on the class path (the connectors' word and code tables):
 * blank lines and {@code #} comments skipped, every row at least two cells. A malformed table is a
 * programming error and fails fast, naming the file and line.
 */
public final class TsvRows {

    /** One row: its line number in the file, and its cells (not trimmed). */
    public record Row(String resource, int line, String[] cells) {

        /** The cell at {@code index}, trimmed; empty when the row is shorter. */
        public String cell(int index) {
            return index < cells.length ? cells[index].strip() : "";
        }

        public IllegalStateException error(String problem) {
            return new IllegalStateException(resource + ":" + line + ": " + problem);
        }
    }

    private TsvRows() {
    }

    /** @param resource a class-path resource, e.g. {@code connector/yamato-words.tsv} */
    public static List<Row> read(String resource) {
        InputStream in = TsvRows.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("table " + resource + " is missing");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Row row = new Row(resource, number, line.split("\t", -1));
                if (row.cells().length < 2) {
                    throw row.error("needs at least two cells separated by a TAB");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
