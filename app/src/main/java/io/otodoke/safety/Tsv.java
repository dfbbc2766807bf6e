package io.otodoke.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tab-separated rows with a header row, unquoted; each row also gets "#", its 1-based data row number. */
public final class Tsv {

    private Tsv() {
    }

    public static List<Map<String, String>> rows(List<String> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = strip(lines.getFirst()).split("\t", -1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length && c < fields.length; c++) {
                row.put(header[c].strip().toLowerCase(java.util.Locale.ROOT), fields[c]);
            }
            row.put("#", Integer.toString(i));
            rows.add(row);
        }
        return rows;
    }

    /** The header without a byte-order mark. */
    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
