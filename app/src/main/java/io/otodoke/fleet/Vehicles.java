package io.otodoke.fleet;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import io.otodoke.web.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The vehicles of each tenant, registered by an operator or, when allowed, by their first position. */
@Service
public class Vehicles {

    private static final String SELECT = """
            select v.id, v.tenant_id, v.device_id, v.name, v.created_at, p.device_time, p.received_at, p.latitude,
                   p.longitude, p.speed, p.heading, p.altitude, p.accuracy, p.battery
            from vehicles v
            left join lateral (select * from positions p where p.vehicle_id = v.id
                               order by p.device_time desc, p.id limit 1) p on true
            """;
    private static final int MAX_NAME = 100;
    /** Far more vehicles than a fleet has; beyond it lookups go to the database again. */
    static final int MAX_CACHED = 100_000;

    private final JdbcClient jdbc;
    /**
     * Device id to vehicle id, read on every position a phone sends. Only found devices are kept:
     * vehicles are never deleted nor their device ids changed, so a hit stays true, while a device
     * registered later is found because a miss is never remembered.
     */
    private final Map<String, Long> idByDevice = new ConcurrentHashMap<>();

    Vehicles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a device in the caller's tenant; a device id is unique across all tenants (409 otherwise). */
    public Vehicle register(Caller caller, String name, String deviceId) {
        if (caller.tenantId() == null) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A vehicle belongs to a tenant; only its operator registers it.");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw ProblemType.invalidField("name", "A vehicle needs a name of 1 to " + MAX_NAME + " characters.");
        }
        if (deviceId == null || deviceId.isBlank() || deviceId.strip().length() > PositionReport.MAX_DEVICE_ID) {
            throw ProblemType.invalidField("deviceId", "A vehicle needs the device id its phone reports with, 1 to "
                    + PositionReport.MAX_DEVICE_ID + " characters.");
        }
        Optional<Long> id = insert(caller.tenantId(), deviceId.strip(), name.strip());
        if (id.isEmpty()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "duplicate-device", "Device already registered",
                    "A vehicle with device id '" + deviceId.strip() + "' exists already.");
        }
        return byId(id.get()).orElseThrow();
    }

    /** The caller's vehicles with their current positions; an administrator's are all of them. */
    public List<Vehicle> list(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            return jdbc.sql(SELECT + " order by v.id").query(Vehicles::vehicle).list();
        }
        return jdbc.sql(SELECT + " where v.tenant_id = ? order by v.id").param(caller.tenantId())
                .query(Vehicles::vehicle).list();
    }

    /** The id of the vehicle of this device, from memory once it was found. */
    public Optional<Long> idOfDevice(String deviceId) {
        Long id = idByDevice.get(deviceId);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<Long> found = jdbc.sql("select id from vehicles where device_id = ?").param(deviceId)
                .query(Long.class).optional();
        if (found.isPresent() && idByDevice.size() < MAX_CACHED) {
            idByDevice.put(deviceId, found.get());
        }
        return found;
    }

    public Optional<Vehicle> byDevice(String deviceId) {
        return jdbc.sql(SELECT + " where v.device_id = ?").param(deviceId).query(Vehicles::vehicle).optional();
    }

    /** The vehicle ids of these devices within one tenant; a device of another tenant is not in the map. */
    public Map<String, Long> idsOfDevices(long tenantId, Collection<String> deviceIds) {
        Map<String, Long> ids = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select device_id, id from vehicles where tenant_id = ? and device_id = any (?)")
                .params(tenantId, deviceIds.toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** A vehicle's current position, if it has reported one. */
    Optional<Vehicle.CurrentPosition> current(long vehicleId) {
        return byId(vehicleId).map(Vehicle::currentPosition);
    }

    /** A vehicle of the tenant by its device id. */
    Optional<Vehicle> byDevice(long tenantId, String deviceId) {
        return byDevice(deviceId).filter(v -> v.tenantId() == tenantId);
    }

    /** A vehicle for a device nobody registered, in the default tenant, named by its device id. */
    public Vehicle registerUnknown(String deviceId) {
        insert(Tenant.DEFAULT_ID, deviceId, deviceId);
        return byDevice(deviceId).orElseThrow();
    }

    private Optional<Long> insert(long tenantId, String deviceId, String name) {
        return jdbc.sql("insert into vehicles (tenant_id, device_id, name) values (?, ?, ?) "
                        + "on conflict (device_id) do nothing returning id")
                .params(tenantId, deviceId, name).query(Long.class).optional();
    }

    private Optional<Vehicle> byId(long id) {
        return jdbc.sql(SELECT + " where v.id = ?").param(id).query(Vehicles::vehicle).optional();
    }

    private static Vehicle vehicle(ResultSet rs, int row) throws SQLException {
        Timestamp time = rs.getTimestamp(6);
        Vehicle.CurrentPosition current = time == null ? null : new Vehicle.CurrentPosition(time.toInstant(),
                rs.getTimestamp(7).toInstant(), rs.getDouble(8), rs.getDouble(9), nullable(rs, 10), nullable(rs, 11),
                nullable(rs, 12), nullable(rs, 13), nullable(rs, 14));
        return new Vehicle(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), current);
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
