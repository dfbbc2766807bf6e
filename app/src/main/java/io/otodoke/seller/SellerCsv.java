package io.otodoke.seller;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A seller's shipments as CSV with a header row (docs/sellers.md): {@code orderNumber, carrier,
 * trackingNumber, shippingMethod, shippedAt}, in camelCase or snake_case. A row that cannot be read
 * becomes a refused {@link RowResult} with its line number; the other rows go on.
 */
public final class SellerCsv {

    static final List<String> COLUMNS = List.of("orderNumber", "carrier", "trackingNumber", "shippingMethod", "shippedAt");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private SellerCsv() {
    }

    /** @param refused rows that could not be read, with their line numbers */
    public record Parsed(List<SellerShipment> rows, List<RowResult> refused) {
    }

    /** @throws IllegalArgumentException when the file has no usable header: nothing can be read */
    public static Parsed read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<SellerShipment> rows = new ArrayList<>();
        List<RowResult> refused = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> columnOf = new HashMap<>(); // canonical name → the header as written
            for (String h : parser.getHeaderNames()) {
                String canonical = canonical(h.replace("\uFEFF", ""));
                if (canonical == null && !h.isBlank()) {
                    throw new IllegalArgumentException("unknown column '" + h + "'; the columns are " + COLUMNS);
                }
                if (canonical != null) {
                    columnOf.put(canonical, h);
                }
            }
            if (!columnOf.containsKey("orderNumber")) {
                throw new IllegalArgumentException("the first row must be a header naming at least orderNumber; the columns are "
                        + COLUMNS);
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    int line = (int) parser.getCurrentLineNumber();
                    refused.add(RowResult.refused(new SellerShipment(line, null, null, null, null, null), "malformed-csv",
                            null, "the file cannot be read past this line: " + e.getMessage()));
                    break;
                }
                int line = (int) r.getParser().getCurrentLineNumber();
                String orderNumber = get(r, columnOf, "orderNumber");
                SellerShipment partial = new SellerShipment(line, orderNumber, null, null, null, null);
                if (!r.isConsistent()) {
                    refused.add(RowResult.refused(partial, "malformed-row", null, "has " + r.size()
                            + " fields, the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                String shippedAt = get(r, columnOf, "shippedAt");
                Instant at;
                try {
                    at = instant(shippedAt);
                } catch (DateTimeParseException e) {
                    refused.add(RowResult.refused(partial, "invalid-date", "shippedAt", "shippedAt '" + shippedAt
                            + "' is not a date (2026-11-29) or a date-time with offset (2026-11-29T10:00:00+09:00)"));
                    continue;
                }
                rows.add(new SellerShipment(line, orderNumber, get(r, columnOf, "carrier"),
                        get(r, columnOf, "trackingNumber"), get(r, columnOf, "shippingMethod"), at));
            }
        }
        return new Parsed(rows, refused);
    }

    private static String canonical(String header) {
        String squeezed = header.trim().replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return COLUMNS.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(squeezed)).findFirst().orElse(null);
    }

    private static String get(CSVRecord r, Map<String, String> columnOf, String column) {
        String header = columnOf.get(column);
        if (header == null || !r.isMapped(header) || !r.isSet(header)) {
            return null;
        }
        String v = r.get(header);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** An ISO date-time with offset, or a date (taken as noon in Japan: the day is what counts). */
    static Instant instant(String v) {
        if (v == null) {
            return null;
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).atTime(12, 0).atZone(TOKYO).toInstant();
        }
        return OffsetDateTime.parse(v).toInstant();
    }
}
