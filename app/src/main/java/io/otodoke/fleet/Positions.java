package io.otodoke.fleet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The track of each vehicle and its current position. Every checked position goes into the track;
 * the current position moves only forward in device time, so a late or repeated report (a phone
 * sending its backlog after a tunnel) never puts the van back where it was.
 */
@Service
public class Positions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final LiveRoutes live;

    Positions(JdbcTemplate jdbc, LiveRoutes live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    public record Located(long vehicleId, PositionReport report) {
    }

    @Transactional
    public void record(List<Located> positions, Instant receivedAt) {
        if (positions.isEmpty()) {
            return;
        }
        OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(positions.size());
        Set<Long> vehicles = new LinkedHashSet<>();
        for (Located p : positions) {
            PositionReport r = p.report();
            rows.add(new Object[] {p.vehicleId(), r.time().atOffset(ZoneOffset.UTC), received, r.latitude(),
                    r.longitude(), r.speed(), r.heading(), r.altitude(), r.accuracy(), r.battery(),
                    JSON.writeValueAsString(r.attributes())});
            vehicles.add(p.vehicleId());
        }
        jdbc.batchUpdate("""
                insert into positions (vehicle_id, device_time, received_at, latitude, longitude, speed, heading,
                                       altitude, accuracy, battery, attributes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """, rows);
        for (long vehicle : vehicles) {
            // The newest in device time; among equal times the first received, so a duplicate changes nothing.
            jdbc.update("""
                    insert into current_positions (vehicle_id, position_id, device_time)
                    select vehicle_id, id, device_time from positions where vehicle_id = ?
                    order by device_time desc, id limit 1
                    on conflict (vehicle_id) do update set position_id = excluded.position_id,
                                                           device_time = excluded.device_time
                    where current_positions.device_time < excluded.device_time
                    """, vehicle);
        }
        // The routes under way move their vans and recompute stops away and ETAs once the positions are stored
        // (design/last-mile.md: "recomputed on every position"); without this only a route's start read them.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    live.positions(positions);
                }
            });
        } else {
            live.positions(positions);
        }
    }

    /** A vehicle's track in device time order (the order of receipt among equal times). */
    public List<PositionReport> track(long vehicleId) {
        return jdbc.query("""
                select v.device_id, p.device_time, p.latitude, p.longitude, p.speed, p.heading, p.altitude,
                       p.accuracy, p.battery
                from positions p join vehicles v on v.id = p.vehicle_id
                where p.vehicle_id = ? order by p.device_time, p.id
                """, (rs, i) -> new PositionReport(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3),
                rs.getDouble(4), (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                (Double) rs.getObject(8), (Double) rs.getObject(9), null), vehicleId);
    }
}
