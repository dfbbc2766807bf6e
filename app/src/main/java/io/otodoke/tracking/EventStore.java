package io.otodoke.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code tracking_events} table. Batches are written with one statement over parallel
 * arrays ({@code unnest}), so a batch of a thousand events costs one round trip.
 */
@Repository
class EventStore {

    private final JdbcTemplate jdbc;

    EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long shipmentId, UUID key, String sourceEventId, TrackingEvent event) {
    }

    /**
     * Inserts the rows; a row whose key is stored already is skipped. The caller holds the
     * shipments' locks, so it knows which keys are new.
     */
    int insert(List<Row> rows) {
        int n = rows.size();
        Long[] shipment = new Long[n];
        UUID[] key = new UUID[n];
        String[] source = new String[n], sourceEventId = new String[n], rawCode = new String[n], rawText = new String[n],
                status = new String[n], reason = new String[n], local = new String[n], zone = new String[n],
                precision = new String[n], occurredAt = new String[n], locName = new String[n], locPostal = new String[n],
                locPref = new String[n], locCountry = new String[n], receivedAt = new String[n];
        Double[] lat = new Double[n], lon = new Double[n];
        Integer[] seq = new Integer[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            TrackingEvent e = r.event();
            shipment[i] = r.shipmentId();
            key[i] = r.key();
            source[i] = e.source();
            sourceEventId[i] = r.sourceEventId();
            rawCode[i] = e.rawCode();
            rawText[i] = e.rawText();
            status[i] = e.status().name();
            reason[i] = e.reason() == null ? null : e.reason().name();
            local[i] = e.occurredAt().local().toString();
            zone[i] = e.occurredAt().zone().getId();
            precision[i] = e.occurredAt().precision().name();
            occurredAt[i] = e.occurredAt().instant().toString();
            locName[i] = e.location().name();
            locPostal[i] = e.location().postalCode();
            locPref[i] = e.location().prefecture();
            locCountry[i] = e.location().country();
            lat[i] = e.location().latitude();
            lon[i] = e.location().longitude();
            seq[i] = e.sourceSequence();
            receivedAt[i] = e.receivedAt().toString();
        }
        String sql = """
                insert into tracking_events (shipment_id, event_key, source, source_event_id, raw_code, raw_text, status,
                    reason, occurred_local, occurred_zone, occurred_precision, occurred_at, location_name,
                    location_postal_code, location_prefecture, location_country, location_latitude, location_longitude,
                    source_sequence, received_at)
                select * from unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::timestamp[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::float8[], ?::float8[], ?::int[], ?::timestamptz[])
                on conflict (shipment_id, event_key) do nothing
                """;
        return jdbc.update(con -> {
            var ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("bigint", shipment));
            ps.setArray(2, con.createArrayOf("uuid", key));
            String[][] texts = {source, sourceEventId, rawCode, rawText, status, reason, local, zone, precision,
                    occurredAt, locName, locPostal, locPref, locCountry};
            for (int t = 0; t < texts.length; t++) {
                ps.setArray(3 + t, con.createArrayOf("text", texts[t]));
            }
            ps.setArray(17, con.createArrayOf("float8", lat));
            ps.setArray(18, con.createArrayOf("float8", lon));
            ps.setArray(19, con.createArrayOf("int4", seq));
            ps.setArray(20, con.createArrayOf("text", receivedAt));
            return ps;
        });
    }

    /** The stored events of these shipments by their keys. */
    Map<Long, Map<UUID, TrackingEvent>> historyOf(Collection<Long> shipmentIds) {
        Map<Long, Map<UUID, TrackingEvent>> result = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select shipment_id, event_key, " + EVENT_COLUMNS
                    + " from tracking_events where shipment_id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", shipmentIds.toArray()));
            return ps;
        }, rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getObject(2, UUID.class), event(rs, 3));
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
