package io.otodoke.fleet;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Routes, stops and photos in PostgreSQL. Callers check access; this only reads and writes. */
@Repository
class RouteStore {

    private static final String ROUTES = """
            select r.id, r.tenant_id, r.code, r.service_date, r.vehicle_id, v.name as vehicle_name, v.device_id,
                   r.driver_user_id, r.state, r.started_at, r.finished_at,
                   d.id as depot_id, d.tenant_id as depot_tenant, d.code as depot_code, d.name as depot_name,
                   d.address as depot_address, d.latitude as depot_latitude, d.longitude as depot_longitude
            from routes r join depots d on d.id = r.depot_id join vehicles v on v.id = r.vehicle_id
            """;
    private static final String STOPS = """
            select s.id, s.route_id, s.sequence, s.address, s.latitude, s.longitude, s.window_start, s.window_end,
                   s.state, s.arrived_at, s.completed_at, s.outcome_reason, s.outcome_note, s.planned_eta, s.next_eta,
                   array(select x.shipment_id from stop_shipments x where x.stop_id = s.id order by x.shipment_id)
                       as shipment_ids,
                   exists (select 1 from delivery_photos p where p.stop_id = s.id) as photo
            from stops s
            """;

    private final JdbcClient jdbc;

    RouteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A route as stored, before the live estimates and names are added. */
    record Row(long id, long tenantId, String code, LocalDate serviceDate, Depot depot, long vehicleId,
               String vehicleName, String deviceId, Long driverUserId, RouteState state, Instant startedAt,
               Instant finishedAt) {
    }

    record NewStopRow(int sequence, String address, double latitude, double longitude, Instant windowStart,
                      Instant windowEnd, List<Long> shipmentIds) {
    }

    Optional<Long> insertRoute(long tenantId, String code, LocalDate serviceDate, long depotId, long vehicleId,
                               Long driverUserId) {
        return jdbc.sql("""
                        insert into routes (tenant_id, code, service_date, depot_id, vehicle_id, driver_user_id)
                        values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, code) do nothing returning id
                        """).params(tenantId, code, serviceDate, depotId, vehicleId, driverUserId)
                .query(Long.class).optional();
    }

    void insertStops(long routeId, List<NewStopRow> stops) {
        for (NewStopRow s : stops) {
            long id = jdbc.sql("""
                            insert into stops (route_id, sequence, address, latitude, longitude, window_start, window_end)
                            values (?, ?, ?, ?, ?, ?, ?) returning id
                            """).params(routeId, s.sequence(), s.address(), s.latitude(), s.longitude(),
                            utc(s.windowStart()), utc(s.windowEnd()))
                    .query(Long.class).single();
            for (long shipment : s.shipmentIds()) {
                jdbc.sql("insert into stop_shipments (stop_id, shipment_id) values (?, ?)").params(id, shipment).update();
            }
        }
    }

    /** Shipments of these that are on an open stop of a route not finished yet. */
    List<Long> alreadyRouted(Collection<Long> shipmentIds) {
        if (shipmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct x.shipment_id from stop_shipments x join stops s on s.id = x.stop_id
                        join routes r on r.id = s.route_id
                        where x.shipment_id = any (?) and s.state in ('PENDING', 'ARRIVED') and r.state <> 'FINISHED'
                        order by 1
                        """).param(shipmentIds.toArray(Long[]::new)).query(Long.class).list();
    }

    Optional<Row> route(long id) {
        return jdbc.sql(ROUTES + " where r.id = ?").param(id).query(RouteStore::row).optional();
    }

    Optional<Row> routeForUpdate(long id) {
        return jdbc.sql(ROUTES + " where r.id = ? for update of r").param(id).query(RouteStore::row).optional();
    }

    /** Routes of a tenant (all tenants when null) for a day, by code. */
    List<Row> routes(Long tenantId, LocalDate day) {
        return jdbc.sql(ROUTES + " where (?::bigint is null or r.tenant_id = ?) and r.service_date = ? order by r.code")
                .params(tenantId, tenantId, day).query(RouteStore::row).list();
    }

    List<Row> routesOfDriver(long driverUserId, LocalDate day) {
        return jdbc.sql(ROUTES + " where r.driver_user_id = ? and r.service_date = ? order by r.code")
                .params(driverUserId, day).query(RouteStore::row).list();
    }

    List<Row> startedRoutes() {
        return jdbc.sql(ROUTES + " where r.state = 'STARTED' order by r.id").query(RouteStore::row).list();
    }

    /** The route a shipment is (or was last) on: the latest day, then the latest route. */
    Optional<Long> routeOfShipment(long shipmentId) {
        return jdbc.sql("""
                        select r.id from stop_shipments x join stops s on s.id = x.stop_id join routes r on r.id = s.route_id
                        where x.shipment_id = ? order by r.service_date desc, r.id desc limit 1
                        """).param(shipmentId).query(Long.class).optional();
    }

    Map<Long, List<StoredStop>> stops(Collection<Long> routeIds) {
        Map<Long, List<StoredStop>> byRoute = new LinkedHashMap<>();
        if (routeIds.isEmpty()) {
            return byRoute;
        }
        for (StoredStop s : jdbc.sql(STOPS + " where s.route_id = any (?) order by s.route_id, s.sequence")
                .param(routeIds.toArray(Long[]::new)).query(RouteStore::stop).list()) {
            byRoute.computeIfAbsent(s.routeId(), k -> new ArrayList<>()).add(s);
        }
        return byRoute;
    }

    Optional<StoredStop> stop(long stopId) {
        return jdbc.sql(STOPS + " where s.id = ?").param(stopId).query(RouteStore::stop).optional();
    }

    /** A stop as stored: {@link Stop} without the live estimate. */
    record StoredStop(long id, long routeId, int sequence, String address, double latitude, double longitude,
                      Instant windowStart, Instant windowEnd, StopState state, Instant arrivedAt, Instant completedAt,
                      String outcomeReason, String outcomeNote, Instant plannedEta, Instant nextEta,
                      List<Long> shipmentIds, boolean photo) {

        Stop withEstimate(Instant estimatedArrival) {
            return new Stop(id, routeId, sequence, address, latitude, longitude, windowStart, windowEnd, state,
                    arrivedAt, completedAt, outcomeReason, outcomeNote, shipmentIds, plannedEta,
                    state.open() ? estimatedArrival : null, photo);
        }
    }

    void started(long routeId, Instant at) {
        jdbc.sql("update routes set state = 'STARTED', started_at = ? where id = ?").params(utc(at), routeId).update();
    }

    void finished(long routeId, Instant at) {
        jdbc.sql("update routes set state = 'FINISHED', finished_at = ? where id = ?").params(utc(at), routeId).update();
    }

    void arrived(long stopId, Instant at) {
        jdbc.sql("update stops set state = 'ARRIVED', arrived_at = ? where id = ?").params(utc(at), stopId).update();
    }

    void completed(long stopId, StopState state, Instant at, String reason, String note, Double latitude,
                   Double longitude) {
        jdbc.sql("""
                        update stops set state = ?, completed_at = ?, outcome_reason = ?, outcome_note = ?,
                                         outcome_latitude = ?, outcome_longitude = ?
                        where id = ?
                        """).params(state.name(), utc(at), reason, note, latitude, longitude, stopId).update();
    }

    // ---- changes the recipient asked for (delivery module) ----

    /** The open stop of a route not finished yet that delivers this shipment of the tenant. */
    Optional<StoredStop> openStopOfShipment(long tenantId, long shipmentId) {
        return jdbc.sql(STOPS + """
                         where s.state in ('PENDING', 'ARRIVED')
                           and exists (select 1 from stop_shipments x where x.stop_id = s.id and x.shipment_id = ?)
                           and s.route_id in (select r.id from routes r where r.tenant_id = ? and r.state <> 'FINISHED')
                         order by s.id desc limit 1
                        """).params(shipmentId, tenantId).query(RouteStore::stop).optional();
    }

    void window(long stopId, Instant start, Instant end) {
        jdbc.sql("update stops set window_start = ?, window_end = ? where id = ?").params(utc(start), utc(end), stopId)
                .update();
    }

    void removeShipment(long stopId, long shipmentId) {
        jdbc.sql("delete from stop_shipments where stop_id = ? and shipment_id = ?").params(stopId, shipmentId).update();
    }

    /** A stop left with nothing to deliver: closed without a visit. */
    void skipped(long stopId, Instant at, String reason) {
        jdbc.sql("update stops set state = 'SKIPPED', completed_at = ?, outcome_reason = ? where id = ?")
                .params(utc(at), reason, stopId).update();
    }

    /** A new last stop of the route at the same place as {@code like}, for one shipment; its id. */
    long appendStop(StoredStop like, Instant windowStart, Instant windowEnd, long shipmentId) {
        long id = jdbc.sql("""
                        insert into stops (route_id, sequence, address, latitude, longitude, window_start, window_end,
                                           instruction)
                        select ?, coalesce(max(sequence), 0) + 1, ?, ?, ?, ?, ?, (select instruction from stops where id = ?)
                        from stops where route_id = ? returning id
                        """).params(like.routeId(), like.address(), like.latitude(), like.longitude(), utc(windowStart),
                        utc(windowEnd), like.id(), like.routeId())
                .query(Long.class).single();
        jdbc.sql("insert into stop_shipments (stop_id, shipment_id) values (?, ?)").params(id, shipmentId).update();
        return id;
    }

    /**
     * Gives {@code stopIds} the sequence numbers {@code sequences} (ascending), in that order. Through
     * negative numbers first: (route_id, sequence) is unique and not deferrable.
     */
    void resequence(long routeId, List<Long> stopIds, List<Integer> sequences) {
        Long[] ids = stopIds.toArray(Long[]::new);
        jdbc.sql("update stops set sequence = -sequence where route_id = ? and id = any (?)").params(routeId, ids)
                .update();
        for (int i = 0; i < ids.length; i++) {
            jdbc.sql("update stops set sequence = ? where route_id = ? and id = ?").params(sequences.get(i), routeId,
                    ids[i]).update();
        }
    }

    /**
     * Puts the listed stops on the route they are listed under, numbered from 1 in that order. Through
     * distinct negative numbers first: (route_id, sequence) is unique, and stops change routes.
     */
    void rearrange(Map<Long, List<Long>> stopsByRoute) {
        List<Long> all = stopsByRoute.values().stream().flatMap(List::stream).toList();
        for (int i = 0; i < all.size(); i++) {
            jdbc.sql("update stops set sequence = ? where id = ?").params(-(i + 1), all.get(i)).update();
        }
        stopsByRoute.forEach((route, stops) -> {
            for (int i = 0; i < stops.size(); i++) {
                jdbc.sql("update stops set route_id = ?, sequence = ? where id = ?").params(route, i + 1, stops.get(i))
                        .update();
            }
        });
    }

    void instruction(long stopId, String text) {
        jdbc.sql("update stops set instruction = ? where id = ?").params(text, stopId).update();
    }

    /** The instructions on the stops of a route, by stop id. */
    Map<Long, String> instructions(long routeId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, instruction from stops where route_id = ? and instruction is not null order by id")
                .param(routeId).query((ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** The stop where this shipment was delivered (its latest), with the phone's position at the outcome. */
    Optional<Routes.DeliveryProof> deliveryProof(long tenantId, long shipmentId) {
        return jdbc.sql("""
                        select s.latitude, s.longitude, s.outcome_latitude, s.outcome_longitude, s.completed_at,
                               s.outcome_reason, exists (select 1 from delivery_photos p where p.stop_id = s.id) as photo
                        from stops s join stop_shipments x on x.stop_id = s.id join routes r on r.id = s.route_id
                        where x.shipment_id = ? and r.tenant_id = ? and s.state = 'DELIVERED'
                        order by s.completed_at desc limit 1
                        """).params(shipmentId, tenantId)
                .query((rs, i) -> new Routes.DeliveryProof(rs.getDouble(1), rs.getDouble(2),
                        (Double) rs.getObject(3), (Double) rs.getObject(4), instant(rs.getTimestamp(5)), rs.getString(6),
                        rs.getBoolean(7)))
                .optional();
    }

    void plannedEtas(Map<Long, Instant> etas) {
        etas.forEach((stop, eta) -> jdbc.sql("update stops set planned_eta = ? where id = ?").params(utc(eta), stop).update());
    }

    void nextEta(long stopId, Instant eta) {
        jdbc.sql("update stops set next_eta = ? where id = ? and next_eta is null").params(utc(eta), stopId).update();
    }

    /** Marks the stop as announced "arriving soon"; false when it was already. */
    boolean arrivingSoon(long stopId, Instant at) {
        return jdbc.sql("update stops set arriving_soon_at = ? where id = ? and arriving_soon_at is null")
                .params(utc(at), stopId).update() == 1;
    }

    void photo(long stopId, Photo photo) {
        jdbc.sql("""
                        insert into delivery_photos (stop_id, content_type, content, width, height) values (?, ?, ?, ?, ?)
                        on conflict (stop_id) do update set content_type = excluded.content_type, content = excluded.content,
                            width = excluded.width, height = excluded.height, created_at = now()
                        """).params(stopId, photo.contentType(), photo.content(), photo.width(), photo.height()).update();
    }

    Optional<Photo> photo(long stopId) {
        return jdbc.sql("select content_type, content, width, height from delivery_photos where stop_id = ?")
                .param(stopId).query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4)))
                .optional();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Depot depot = new Depot(rs.getLong("depot_id"), rs.getLong("depot_tenant"), rs.getString("depot_code"),
                rs.getString("depot_name"), rs.getString("depot_address"), rs.getDouble("depot_latitude"),
                rs.getDouble("depot_longitude"));
        long driver = rs.getLong("driver_user_id");
        return new Row(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"),
                rs.getObject("service_date", LocalDate.class), depot, rs.getLong("vehicle_id"),
                rs.getString("vehicle_name"), rs.getString("device_id"), rs.wasNull() ? null : driver,
                RouteState.valueOf(rs.getString("state")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static StoredStop stop(ResultSet rs, int i) throws SQLException {
        Array ids = rs.getArray("shipment_ids");
        List<Long> shipments = Arrays.stream((Long[]) ids.getArray()).toList();
        return new StoredStop(rs.getLong("id"), rs.getLong("route_id"), rs.getInt("sequence"), rs.getString("address"),
                rs.getDouble("latitude"), rs.getDouble("longitude"), instant(rs.getTimestamp("window_start")),
                instant(rs.getTimestamp("window_end")), StopState.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("arrived_at")), instant(rs.getTimestamp("completed_at")),
                rs.getString("outcome_reason"), rs.getString("outcome_note"), instant(rs.getTimestamp("planned_eta")),
                instant(rs.getTimestamp("next_eta")), shipments, rs.getBoolean("photo"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
