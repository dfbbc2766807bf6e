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

    /** Inserts the rows not stored yet; returns the keys of those inserted, per shipment. */
    Map<Long, List<UUID>> insertNew(List<Row> rows) {
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
                returning shipment_id, event_key
                """;
        Map<Long, List<UUID>> inserted = new HashMap<>();
        jdbc.query(con -> {
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
        }, rs -> {
            inserted.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
        });
        return inserted;
    }

    Map<Long, List<TrackingEvent>> eventsOf(Collection<Long> shipmentIds) {
        Map<Long, List<TrackingEvent>> result = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return result;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select shipment_id, source, raw_code, raw_text, status, reason, occurred_local, occurred_zone,
                        occurred_precision, location_name, location_postal_code, location_prefecture, location_country,
                        location_latitude, location_longitude, source_sequence, received_at
                    from tracking_events where shipment_id = any(?)
                    """);
            ps.setArray(1, con.createArrayOf("bigint", shipmentIds.toArray()));
            return ps;
        }, rs -> {
            result.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(event(rs));
        });
        return result;
    }

    private static TrackingEvent event(ResultSet rs) throws SQLException {
        LocalDateTime local = rs.getObject("occurred_local", LocalDateTime.class);
        EventTime time = new EventTime(local, ZoneId.of(rs.getString("occurred_zone")),
                TimePrecision.valueOf(rs.getString("occurred_precision")));
        String reason = rs.getString("reason");
        EventLocation location = new EventLocation(rs.getString("location_name"), rs.getString("location_postal_code"),
                rs.getString("location_prefecture"), rs.getString("location_country"),
                (Double) rs.getObject("location_latitude"), (Double) rs.getObject("location_longitude"));
        return new TrackingEvent(rs.getString("source"), rs.getString("raw_code"), rs.getString("raw_text"),
                TrackingStatus.valueOf(rs.getString("status")), reason == null ? null : StatusReason.valueOf(reason),
                time, location, rs.getInt("source_sequence"), rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }
}
