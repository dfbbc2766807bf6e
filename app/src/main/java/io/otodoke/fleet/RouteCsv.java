package io.otodoke.fleet;

import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ItemError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Routes from a CSV file, one row per stop (docs/api.md#routes-csv-import): rows with the same
 * {@code route} code form one route, in {@code sequence} order. The route's own columns (date,
 * depot, vehicle, driver) are read from its first row and must not differ on the others. A bad row
 * becomes an error with its line number (the header is line 1) and the CSV column, and fails its
 * route only: each route is created whole or not at all.
 */
public final class RouteCsv {

    static final List<String> REQUIRED = List.of("route", "service_date", "depot", "vehicle", "sequence", "address",
            "latitude", "longitude", "tracking_numbers");
    static final Set<String> COLUMNS = Set.copyOf(concat(REQUIRED, List.of("driver", "window_start", "window_end")));
    /** As many rows as a JSON batch has items. */
    public static final int MAX_ROWS = 10_000;
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s|]+");

    private RouteCsv() {
    }

    /**
     * One route of the file.
     *
     * @param lines  the line numbers of its rows, in stop order: {@code stops[i]} came from {@code lines.get(i)}
     * @param route  what to create; null when a row of it is bad
     * @param errors its rows' errors
     */
    public record FileRoute(String code, List<Integer> lines, Routes.NewRoute route, List<ItemError> errors) {
    }

    /** @param errors rows that belong to no route (no route code, unreadable); index is the line number */
    public record Parsed(List<FileRoute> routes, List<ItemError> errors) {
    }

    /** A file that cannot be read as a routes CSV at all: no header, unknown or missing columns, no rows. */
    public static final class MalformedCsv extends RuntimeException {
        MalformedCsv(String message) {
            super(message);
        }
    }

    /** Reads the file: strict UTF-8, so that a Shift_JIS file is refused rather than read as mojibake. */
    public static Parsed read(byte[] file) {
        try {
            return read(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedCsv("the file is not UTF-8 text; save it as UTF-8 (Excel: 'CSV UTF-8')");
        }
    }

    /** Reads the file's text (a leading BOM is ignored). */
    public static Parsed read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        // the parser counts line ends: a last row without one would get the line number of the row before
        csv = csv.endsWith("\n") ? csv : csv + "\n";
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        Map<String, List<Line>> byRoute = new LinkedHashMap<>();
        List<ItemError> errors = new ArrayList<>();
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            header(parser.getHeaderNames());
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new ItemError((int) parser.getCurrentLineNumber(), "malformed-csv", null,
                            "the file cannot be read past this line: " + e.getMessage()));
                    break;
                }
                if (++rows > MAX_ROWS) {
                    throw new MalformedCsv("a file has at most " + MAX_ROWS + " rows");
                }
                int line = (int) parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    errors.add(new ItemError(line, "malformed-row", null, "has " + record.size()
                            + " fields, the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                String code = get(record, "route");
                if (code == null) {
                    errors.add(new ItemError(line, "missing-route", "route", "route is empty: which route is this stop on?"));
                    continue;
                }
                byRoute.computeIfAbsent(code, c -> new ArrayList<>()).add(new Line(line, record));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MalformedCsv("the file is not CSV with a header row: " + e.getMessage());
        }
        if (rows == 0) {
            throw new MalformedCsv("the file has a header but no rows");
        }
        List<FileRoute> routes = new ArrayList<>();
        byRoute.forEach((code, lines) -> routes.add(route(code, lines)));
        return new Parsed(routes, errors);
    }

    private static void header(List<String> names) {
        List<String> header = names.stream().map(String::strip).toList();
        List<String> unknown = header.stream().filter(h -> !h.isEmpty() && !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new MalformedCsv("unknown columns " + unknown + "; the columns are " + concat(REQUIRED,
                    List.of("driver", "window_start", "window_end")));
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedCsv("the first row must be the header; missing columns " + missing);
        }
    }

    private record Line(int number, CSVRecord record) {
    }

    private record Row(int line, int sequence, Routes.NewStop stop) {
    }

    private static FileRoute route(String code, List<Line> lines) {
        List<ItemError> errors = new ArrayList<>();
        CSVRecord first = lines.getFirst().record();
        LocalDate date = null;
        try {
            date = date(first);
        } catch (RowError e) {
            errors.add(e.at(lines.getFirst().number()));
        }
        List<Row> rows = new ArrayList<>();
        Set<Integer> sequences = new LinkedHashSet<>();
        for (Line l : lines) {
            try {
                for (String column : List.of("service_date", "depot", "vehicle", "driver")) {
                    if (!Objects.equals(get(l.record(), column), get(first, column))) {
                        throw new RowError("inconsistent-route", column, column + " differs from the route's first row (line "
                                + lines.getFirst().number() + "); a route has one " + column);
                    }
                }
                int sequence = sequence(l.record());
                if (!sequences.add(sequence)) {
                    throw new RowError("duplicate-sequence", "sequence", "route " + code + " has two stops with sequence "
                            + sequence);
                }
                rows.add(new Row(l.number(), sequence, stop(l.record(), date)));
            } catch (RowError e) {
                errors.add(e.at(l.number()));
            }
        }
        rows.sort(Comparator.comparingInt(Row::sequence));
        List<Integer> order = errors.isEmpty() ? rows.stream().map(Row::line).toList()
                : lines.stream().map(Line::number).toList();
        if (!errors.isEmpty()) {
            return new FileRoute(code, order, null, errors);
        }
        return new FileRoute(code, order, new Routes.NewRoute(code, date, get(first, "depot"), get(first, "vehicle"),
                get(first, "driver"), rows.stream().map(Row::stop).toList()), List.of());
    }

    private static Routes.NewStop stop(CSVRecord r, LocalDate date) {
        String numbers = get(r, "tracking_numbers");
        List<String> trackingNumbers = numbers == null ? List.of()
                : NUMBER_SEPARATORS.splitAsStream(numbers).filter(n -> !n.isEmpty()).toList();
        OffsetDateTime start = time(r, "window_start", date);
        OffsetDateTime end = time(r, "window_end", date);
        return new Routes.NewStop(get(r, "address"), decimal(r, "latitude"), decimal(r, "longitude"), start, end,
                trackingNumbers, null);
    }

    private static LocalDate date(CSVRecord r) {
        String v = get(r, "service_date");
        if (v == null) {
            throw new RowError("invalid-service-date", "service_date", "service_date is empty (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new RowError("invalid-service-date", "service_date", "service_date '" + v + "' is not YYYY-MM-DD");
        }
    }

    private static int sequence(CSVRecord r) {
        String v = get(r, "sequence");
        try {
            int n = Integer.parseInt(v == null ? "" : v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RowError("invalid-sequence", "sequence", "sequence '" + (v == null ? "" : v)
                + "' is not a whole number ≥ 1");
    }

    private static Double decimal(CSVRecord r, String column) {
        String v = get(r, column);
        if (v == null) {
            return null; // Routes says it is required, naming the field
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RowError("invalid-" + column, column, column + " '" + v + "' is not a decimal number");
        }
    }

    /** {@code HH:mm}, Japan time on the service date. */
    private static OffsetDateTime time(CSVRecord r, String column, LocalDate date) {
        String v = get(r, column);
        if (v == null || date == null) {
            return null;
        }
        if (!TIME.matcher(v).matches()) {
            throw new RowError("invalid-window", column, column + " '" + v + "' is not a time HH:mm (e.g. 09:00), "
                    + "Japan time on the service date");
        }
        return LocalTime.parse(v.length() == 4 ? "0" + v : v).atDate(date).atZone(EventTime.TOKYO).toOffsetDateTime();
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final class RowError extends RuntimeException {
        final String code;
        final String field;

        RowError(String code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }

        ItemError at(int line) {
            return new ItemError(line, code, field, getMessage());
        }
    }
}
