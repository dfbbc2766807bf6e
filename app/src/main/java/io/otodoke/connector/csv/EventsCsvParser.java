package io.otodoke.connector.csv;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Payloads;
import io.otodoke.connector.PayloadParser;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * A CSV of events (docs/api.md "Events CSV (source csv)"): header row required, unknown columns
 * refused, and a bad row fails the whole file with its line number, since a half-read history
 * would mislead more than none.
 */
@Component
public class EventsCsvParser implements PayloadParser {

    static final String SOURCE = "csv";
    static final List<String> COLUMNS = List.of("tracking_number", "carrier", "occurred_at", "zone", "status", "reason",
            "raw_code", "raw_text", "location", "postal_code", "prefecture", "country", "source_event_id");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<ParsedShipment> parse(byte[] payload, ParseContext context) {
        String text = Payloads.utf8(payload, SOURCE);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<String, List<TrackingEvent>> events = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "line 1: unknown column '" + clip(column)
                            + "'; the columns are " + COLUMNS);
                }
            }
            if (!header.contains("tracking_number") || !header.contains("occurred_at")) {
                throw new ParseException(ParseException.Kind.LAYOUT_CHANGED,
                        "line 1: the header must name tracking_number and occurred_at; the columns are " + COLUMNS);
            }
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw bad(line, "has " + record.size() + " cells, the header " + header.size());
                }
                String eventId = get(record, "source_event_id");
                if (eventId != null && !eventIds.add(eventId)) {
                    continue; // the same event listed twice: once is enough
                }
                String number = TrackingNumbers.normalize(get(record, "tracking_number"));
                if (number.isEmpty()) {
                    throw bad(line, "has no tracking_number");
                }
                String carrier = get(record, "carrier");
                String key = number + "\t" + (carrier == null ? "" : carrier);
                keys.putIfAbsent(key, new String[] {number, carrier});
                List<TrackingEvent> list = events.computeIfAbsent(key, k -> new ArrayList<>());
                list.add(event(record, line, list.size(), context));
            }
        } catch (IOException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the CSV could not be read: " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new ParseException(ParseException.Kind.MALFORMED, "the CSV is malformed: " + e.getMessage(), e);
        }
        List<ParsedShipment> result = new ArrayList<>();
        events.forEach((key, list) -> result.add(new ParsedShipment(keys.get(key)[0], keys.get(key)[1], false, list)));
        if (result.isEmpty()) {
            throw new ParseException(ParseException.Kind.LAYOUT_CHANGED, "the CSV has a header but no event rows");
        }
        return result;
    }

    private static TrackingEvent event(CSVRecord r, long line, int sequence, ParseContext context) {
        String statusText = get(r, "status");
        String rawText = get(r, "raw_text");
        TrackingStatus status;
        if (statusText != null) {
            try {
                status = TrackingStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                throw bad(line, "status '" + clip(statusText) + "' is not one of " + List.of(TrackingStatus.values()));
            }
        } else if (rawText != null) {
            status = TrackingStatus.UNKNOWN;
        } else {
            throw bad(line, "needs a status or a raw_text");
        }
        StatusReason reason = null;
        String reasonText = get(r, "reason");
        if (reasonText != null) {
            try {
                reason = StatusReason.valueOf(reasonText);
            } catch (IllegalArgumentException e) {
                throw bad(line, "reason '" + clip(reasonText) + "' is not one of " + List.of(StatusReason.values()));
            }
        }
        EventLocation location = new EventLocation(get(r, "location"), get(r, "postal_code"), get(r, "prefecture"),
                get(r, "country"), null, null);
        return new TrackingEvent(SOURCE, get(r, "raw_code"), rawText, status, reason, time(r, line), location, sequence,
                context.receivedAt());
    }

    private static EventTime time(CSVRecord r, long line) {
        String value = get(r, "occurred_at");
        if (value == null) {
            throw bad(line, "has no occurred_at");
        }
        try {
            return EventTime.of(OffsetDateTime.parse(value));
        } catch (DateTimeException ignored) {
            // not with an offset: a local date-time or a date, which need the zone column
        }
        String zoneText = get(r, "zone");
        if (zoneText == null) {
            throw bad(line, "occurred_at '" + clip(value) + "' has no offset, so the row needs a zone (e.g. Asia/Tokyo)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw bad(line, "zone '" + clip(zoneText) + "' is not a time zone such as Asia/Tokyo");
        }
        try {
            return value.length() == 10 ? EventTime.day(LocalDate.parse(value), zone) : EventTime.local(LocalDateTime.parse(value), zone);
        } catch (DateTimeException e) {
            throw bad(line, "occurred_at '" + clip(value)
                    + "' is neither 2026-11-29T14:05:00+09:00, 2026-11-29T14:05 (with zone) nor 2026-11-29 (with zone)");
        }
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    private static ParseException bad(long line, String what) {
        return new ParseException(ParseException.Kind.MALFORMED, "line " + line + ": the row " + what);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
