package io.otodoke.tracking;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Shipments from a CSV file with a header row (docs/api.md#csv-import). One row is one shipment;
 * the order columns are taken from the first row of each order number. A bad row becomes an
 * error with its line number and never stops the good rows.
 */
public final class ShipmentCsv {

    static final Set<String> COLUMNS = Set.of("carrier", "tracking_number", "leg", "international", "order_number",
            "customer_email", "customer_name", "ordered_at", "item_name", "quantity", "unit_price_yen", "total_yen",
            "gift", "seller", "recipient_name", "postal_code", "prefecture", "city", "address", "phone",
            "cash_on_delivery", "cool", "signature_required");

    private ShipmentCsv() {
    }

    /** A good row with its line number in the file. */
    public record Row(int line, ShipmentRegistration registration) {
    }

    /** @param errors rejected rows; {@link ItemError#index()} is the line number */
    public record Parsed(List<Row> rows, List<ItemError> errors) {
    }

    public static Parsed read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || !header.containsKey("carrier") || !header.containsKey("tracking_number")) {
                throw new IllegalArgumentException("the first row must be a header with at least the columns carrier and tracking_number");
            }
            List<String> unknown = header.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT))
                    .filter(h -> !h.isBlank() && !COLUMNS.contains(h)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown columns " + unknown + "; known columns are " + COLUMNS);
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    errors.add(new ItemError((int) parser.getCurrentLineNumber(), "malformed-csv", null,
                            "the file cannot be read past this line: " + e.getMessage()));
                    break;
                }
                int line = (int) record.getParser().getCurrentLineNumber();
                try {
                    rows.add(new Row(line, registration(record)));
                } catch (RowException e) {
                    errors.add(new ItemError(line, e.code, e.field, e.getMessage()));
                }
            }
        }
        return new Parsed(rows, errors);
    }

    private static ShipmentRegistration registration(CSVRecord r) {
        if (!r.isConsistent()) {
            throw new RowException("malformed-row", null, "has " + r.size() + " fields, the header has " + r.getParser().getHeaderNames().size());
        }
        String orderNumber = get(r, "order_number");
        OrderDetails order = null;
        if (orderNumber != null) {
            List<OrderItem> items = new ArrayList<>();
            String itemName = get(r, "item_name");
            if (itemName != null) {
                items.add(new OrderItem(itemName, (int) number(r, "quantity", 1), number(r, "unit_price_yen", 0)));
            }
            String total = get(r, "total_yen");
            order = new OrderDetails(orderNumber, get(r, "customer_email"), get(r, "customer_name"),
                    instant(r, "ordered_at"), items, total == null ? null : number(r, "total_yen", 0),
                    bool(r, "gift"), null, null, get(r, "seller"), false, false);
        }
        Recipient recipient = null;
        if (get(r, "recipient_name") != null || get(r, "address") != null) {
            recipient = new Recipient(get(r, "recipient_name"), get(r, "postal_code"), get(r, "prefecture"),
                    get(r, "city"), get(r, "address"), get(r, "phone"));
        }
        ShipmentLeg leg;
        String legText = get(r, "leg");
        try {
            leg = legText == null ? ShipmentLeg.OUTBOUND : ShipmentLeg.valueOf(legText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowException("invalid-leg", "leg", "leg '" + legText + "' is not OUTBOUND or RETURN");
        }
        return new ShipmentRegistration(get(r, "carrier"), get(r, "tracking_number"), leg, order, recipient,
                bool(r, "international"), null,
                new Handling(bool(r, "cash_on_delivery"), bool(r, "cool"), bool(r, "signature_required")));
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static long number(CSVRecord r, String column, long fallback) {
        String v = get(r, column);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.replace(",", "").replace("¥", "").replace("円", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RowException("invalid-number", column, column + " '" + v + "' is not a whole number ≥ 0");
        }
    }

    private static boolean bool(CSVRecord r, String column) {
        String v = get(r, column);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "はい" -> true;
            case "false", "no", "0", "いいえ" -> false;
            default -> throw new RowException("invalid-boolean", column, column + " '" + v + "' is not true or false");
        };
    }

    /** An ISO date-time with offset, or a date (taken as midnight in Japan). */
    private static Instant instant(CSVRecord r, String column) {
        String v = get(r, column);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(EventTime.TOKYO).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowException("invalid-date", column, column + " '" + v
                    + "' is not a date (2026-11-29) or a date-time with offset (2026-11-29T10:00:00+09:00)");
        }
    }

    private static final class RowException extends RuntimeException {
        final String code;
        final String field;

        RowException(String code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }
    }
}
