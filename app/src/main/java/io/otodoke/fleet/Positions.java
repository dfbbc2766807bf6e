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
     * Stores the positions of many requests atomically, in one statement and so one round trip, into
     * the track; a vehicle's current position is the newest of its track in device time (read by
     * {@link Vehicles}). Called by {@link PositionWriter}, which groups concurrent requests so that
     * their commits are one.
     */
    public void record(List<Received> requests) {
        int n = requests.stream().mapToInt(r -> r.positions().size()).sum();
        if (n == 0) {
            return;
        }
        long[] vehicles = new long[n];
        long[] times = new long[n];
        long[] received = new long[n];
        double[][] place = new double[2][n];
        Double[][] numbers = new Double[5][n];
        String[] attributes = new String[n];
        int i = 0;
        for (Received request : requests) {
            long at = micros(request.at());
            for (Located p : request.positions()) {
                PositionReport r = p.report();
                vehicles[i] = p.vehicleId();
                times[i] = micros(r.time());
                received[i] = at;
                place[0][i] = r.latitude();
                place[1][i] = r.longitude();
                numbers[0][i] = r.speed();
                numbers[1][i] = r.heading();
                numbers[2][i] = r.altitude();
                numbers[3][i] = r.accuracy();
                numbers[4][i] = r.battery();
                attributes[i] = r.attributes().isEmpty() ? null : JSON.writeValueAsString(r.attributes());
                i++;
            }
        }
        // Identities are given in the order of the rows, so among equal device times the current position
        // is the first received (smallest id): a later duplicate never replaces it.
        store(vehicles, times, received, place, numbers, attributes);
    }

    /** Microseconds since the epoch: PostgreSQL's own precision, sent as a number rather than text to parse. */
    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /**
     * One statement in its own transaction, so one round trip to the database. A position is telemetry,
     * superseded by the next one seconds later: its commit does not wait for the disk ({@code
     * synchronous_commit} off for this statement's transaction only, set inside it; PostgreSQL flushes it
     * within 3 × wal_writer_delay, 0.6 s). A crash of the database or the machine may lose that last
     * moment of the track, never make it inconsistent (docs/last-mile.md). Arrays without nulls go as
     * primitive arrays, which the driver sends in binary rather than as text.
     */
    private void store(long[] vehicles, long[] times, long[] received, double[][] place, Double[][] numbers,
                       String[] attributes) {
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into positions (vehicle_id, device_time, received_at, latitude, longitude, speed, heading,
                                           altitude, accuracy, battery, attributes)
                    select v, 'epoch'::timestamptz + t * interval '1 microsecond',
                           'epoch'::timestamptz + r * interval '1 microsecond', lat, lon, sp, hd, alt, acc, bat,
                           coalesce(a, '{}')
                    from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[],
                                ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::jsonb[])
                         as u(v, t, r, lat, lon, sp, hd, alt, acc, bat, a),
                         (select set_config('synchronous_commit', 'off', true)) as telemetry
                    """);
            ps.setObject(1, vehicles);
            ps.setObject(2, times);
            ps.setObject(3, received);
            ps.setObject(4, place[0]);
            ps.setObject(5, place[1]);
            for (int k = 0; k < numbers.length; k++) {
                setNumbers(ps, c, 6 + k, numbers[k]);
            }
            if (java.util.Arrays.stream(attributes).allMatch(java.util.Objects::isNull)) {
                ps.setNull(11, java.sql.Types.ARRAY);
            } else {
                ps.setArray(11, c.createArrayOf("text", attributes));
            }
            return ps;
        });
    }

    /**
     * A column of optional numbers in the cheapest form: none given → SQL null (unnest pads a null
     * array with nulls, as it pads a shorter one), all given → a primitive array (sent in binary),
     * else an array with nulls (sent as text).
     */
    private static void setNumbers(java.sql.PreparedStatement ps, java.sql.Connection c, int index, Double[] values)
            throws java.sql.SQLException {
        int given = 0;
        for (Double v : values) {
            given += v == null ? 0 : 1;
        }
        if (given == 0) {
            ps.setNull(index, java.sql.Types.ARRAY);
        } else if (given == values.length) {
            double[] primitive = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                primitive[i] = values[i];
            }
            ps.setObject(index, primitive);
        } else {
            ps.setArray(index, c.createArrayOf("float8", values));
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
