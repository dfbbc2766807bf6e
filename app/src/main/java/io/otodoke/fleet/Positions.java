package io.otodoke.fleet;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate transactions;

    Positions(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public record Located(long vehicleId, PositionReport report) {
    }

    /** The positions of one request, received at one time. */
    public record Received(List<Located> positions, Instant at) {
    }

    /**
     * Stores the positions of many requests atomically, in one statement and so one round trip:
     * the rows go into the track, and the current position of every vehicle concerned moves to
     * its newest of them if that is newer than the current one. Called by {@link PositionWriter},
     * which groups concurrent requests so that their commits are one.
     */
    public void record(List<Received> requests) {
        int n = requests.stream().mapToInt(r -> r.positions().size()).sum();
        if (n == 0) {
            return;
        }
        Long[] vehicles = new Long[n];
        Long[] times = new Long[n];
        Long[] received = new Long[n];
        Double[][] numbers = new Double[7][n];
        String[] attributes = new String[n];
        int i = 0;
        for (Received request : requests) {
            long at = micros(request.at());
            for (Located p : request.positions()) {
                PositionReport r = p.report();
                vehicles[i] = p.vehicleId();
                times[i] = micros(r.time());
                received[i] = at;
                numbers[0][i] = r.latitude();
                numbers[1][i] = r.longitude();
                numbers[2][i] = r.speed();
                numbers[3][i] = r.heading();
                numbers[4][i] = r.altitude();
                numbers[5][i] = r.accuracy();
                numbers[6][i] = r.battery();
                attributes[i] = r.attributes().isEmpty() ? null : JSON.writeValueAsString(r.attributes());
                i++;
            }
        }
        // Identities are given in the order of the rows, so among equal device times the newest is the
        // first received (smallest id), and a later duplicate never replaces it (strict <).
        transactions.executeWithoutResult(tx -> {
            // A position is telemetry, superseded by the next one seconds later: its commit does not wait for the
            // disk (PostgreSQL flushes it within 3 × wal_writer_delay, 0.6 s). A crash of the database or the
            // machine may lose that last moment of the track, never make it inconsistent (docs/last-mile.md).
            jdbc.execute("set local synchronous_commit = off");
            store(vehicles, times, received, numbers, attributes);
        });
    }

    /** Microseconds since the epoch: PostgreSQL's own precision, sent as a number rather than text to parse. */
    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    private void store(Long[] vehicles, Long[] times, Long[] received, Double[][] numbers, String[] attributes) {
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    with stored as (
                        insert into positions (vehicle_id, device_time, received_at, latitude, longitude, speed, heading,
                                               altitude, accuracy, battery, attributes)
                        select v, 'epoch'::timestamptz + t * interval '1 microsecond',
                               'epoch'::timestamptz + r * interval '1 microsecond', lat, lon, sp, hd, alt, acc, bat,
                               coalesce(a, '{}')
                        from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[],
                                    ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::jsonb[])
                             as u(v, t, r, lat, lon, sp, hd, alt, acc, bat, a)
                        returning id, vehicle_id, device_time)
                    insert into current_positions (vehicle_id, position_id, device_time)
                    select distinct on (vehicle_id) vehicle_id, id, device_time from stored
                    order by vehicle_id, device_time desc, id
                    on conflict (vehicle_id) do update set position_id = excluded.position_id,
                                                           device_time = excluded.device_time
                    where current_positions.device_time < excluded.device_time
                    """);
            ps.setArray(1, c.createArrayOf("bigint", vehicles));
            ps.setArray(2, c.createArrayOf("bigint", times));
            ps.setArray(3, c.createArrayOf("bigint", received));
            for (int k = 0; k < numbers.length; k++) {
                ps.setArray(4 + k, c.createArrayOf("float8", numbers[k]));
            }
            ps.setArray(11, c.createArrayOf("text", attributes));
            return ps;
        });
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
