package io.otodoke.fleet;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
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

    Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        String[] times = new String[n];
        String[] received = new String[n];
        Double[][] numbers = new Double[7][n];
        String[] attributes = new String[n];
        int i = 0;
        for (Received request : requests) {
            String at = request.at().toString();
            for (Located p : request.positions()) {
                PositionReport r = p.report();
                vehicles[i] = p.vehicleId();
                times[i] = r.time().toString();
                received[i] = at;
                numbers[0][i] = r.latitude();
                numbers[1][i] = r.longitude();
                numbers[2][i] = r.speed();
                numbers[3][i] = r.heading();
                numbers[4][i] = r.altitude();
                numbers[5][i] = r.accuracy();
                numbers[6][i] = r.battery();
                attributes[i] = r.attributes().isEmpty() ? "{}" : JSON.writeValueAsString(r.attributes());
                i++;
            }
        }
        // Identities are given in the order of the rows, so among equal device times the newest is the
        // first received (smallest id), and a later duplicate never replaces it (strict <).
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    with stored as (
                        insert into positions (vehicle_id, device_time, received_at, latitude, longitude, speed, heading,
                                               altitude, accuracy, battery, attributes)
                        select * from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[],
                                             ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::jsonb[])
                        returning id, vehicle_id, device_time)
                    insert into current_positions (vehicle_id, position_id, device_time)
                    select distinct on (vehicle_id) vehicle_id, id, device_time from stored
                    order by vehicle_id, device_time desc, id
                    on conflict (vehicle_id) do update set position_id = excluded.position_id,
                                                           device_time = excluded.device_time
                    where current_positions.device_time < excluded.device_time
                    """);
            ps.setArray(1, c.createArrayOf("bigint", vehicles));
            ps.setArray(2, c.createArrayOf("text", times));
            ps.setArray(3, c.createArrayOf("text", received));
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
