package io.otodoke.tracking;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The {@code tracking_events} table. New events are appended with COPY; history is read by
 * shipment through the primary key (shipment_id, event_key).
 */
@Repository
class EventStore {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    EventStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Row(long shipmentId, UUID key, String sourceEventId, TrackingEvent event) {
    }

    /**
     * Appends new events with COPY, the fastest way into PostgreSQL. The caller holds the
     * shipments' locks and has checked the keys against {@link #keysOf}, so every row is new.
     */
    void append(List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (Row r : rows) {
            TrackingEvent e = r.event();
            EventTime t = e.occurredAt();
            EventLocation l = e.location();
            text.append(r.shipmentId()).append('\t').append(r.key()).append('\t');
            field(text, e.source());
            field(text, r.sourceEventId());
            field(text, e.rawCode());
            field(text, e.rawText());
            field(text, e.status().name());
            field(text, e.reason() == null ? null : e.reason().name());
            field(text, t.local().toString());
            field(text, t.zone().getId());
            field(text, t.precision().name());
            field(text, t.instant().toString());
            field(text, l.name());
            field(text, l.postalCode());
            field(text, l.prefecture());
            field(text, l.country());
            field(text, l.latitude() == null ? null : l.latitude().toString());
            field(text, l.longitude() == null ? null : l.longitude().toString());
            text.append(e.sourceSequence()).append('\t').append(e.receivedAt()).append('\n');
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy tracking_events (shipment_id, event_key, source, source_event_id, raw_code, raw_text, status,
                        reason, occurred_local, occurred_zone, occurred_precision, occurred_at, location_name,
                        location_postal_code, location_prefecture, location_country, location_latitude,
                        location_longitude, source_sequence, received_at) from stdin""", new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("COPY into tracking_events failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** One column of COPY's text format: escaped, tab-terminated, {@code \N} for null. */
    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N\t");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\t');
    }

    /** The keys of the events stored for these shipments (read from the primary key index alone). */
    Map<Long, Set<UUID>> keysOf(Collection<Long> shipmentIds) {
        Map<Long, Set<UUID>> result = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select shipment_id, event_key from tracking_events where shipment_id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", shipmentIds.toArray()));
            return ps;
        }, rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getObject(2, UUID.class));
        });
        return result;
    }

    Map<Long, List<TrackingEvent>> eventsOf(Collection<Long> shipmentIds) {
        Map<Long, List<TrackingEvent>> result = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return result;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("select shipment_id, " + EVENT_COLUMNS
                    + " from tracking_events where shipment_id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", shipmentIds.toArray()));
            return ps;
        }, rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(event(rs, 2));
        });
        return result;
    }

    /** The event columns, in the order {@link #event(ResultSet, int)} reads them. */
    static final String EVENT_COLUMNS = """
            source, raw_code, raw_text, status, reason, occurred_local, occurred_zone, occurred_precision,
            location_name, location_postal_code, location_prefecture, location_country, location_latitude,
            location_longitude, source_sequence, received_at""";

    /** Reads {@link #EVENT_COLUMNS} by position from column {@code first} on: this runs for every stored event. */
    static TrackingEvent event(ResultSet rs, int first) throws SQLException {
        int c = first;
        String source = rs.getString(c);
        String rawCode = rs.getString(c + 1);
        String rawText = rs.getString(c + 2);
        TrackingStatus status = TrackingStatus.valueOf(rs.getString(c + 3));
        String reason = rs.getString(c + 4);
        EventTime time = new EventTime(rs.getObject(c + 5, LocalDateTime.class), zone(rs.getString(c + 6)),
                TimePrecision.valueOf(rs.getString(c + 7)));
        EventLocation location = new EventLocation(rs.getString(c + 8), rs.getString(c + 9), rs.getString(c + 10),
                rs.getString(c + 11), (Double) rs.getObject(c + 12), (Double) rs.getObject(c + 13));
        return new TrackingEvent(source, rawCode, rawText, status, reason == null ? null : StatusReason.valueOf(reason),
                time, location, rs.getInt(c + 14), rs.getObject(c + 15, OffsetDateTime.class).toInstant());
    }

    private static final Map<String, ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ZoneId zone(String id) {
        return ZONES.computeIfAbsent(id, ZoneId::of);
    }
}
