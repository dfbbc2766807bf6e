package io.otodoke.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code delivery_changes} table. Callers check access; this only reads and writes. */
@Repository
class DeliveryChangeStore {

    private final JdbcClient jdbc;

    DeliveryChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request with the same key stored before, and what it asked. */
    record Stored(DeliveryChange change, String digest) {
    }

    /**
     * Inserts the request unless the shipment has one with this key (then empty: a concurrent insert
     * with the same key waits for the first one's commit and then does nothing).
     */
    Optional<Long> insert(long tenantId, long shipmentId, ChangeRequest r, Outcome outcome, String requestedBy,
                          String idempotencyKey, Instant at) {
        return jdbc.sql("""
                        insert into delivery_changes (tenant_id, shipment_id, kind, delivery_date, slot, place,
                            safe_place_spot, pickup_point, outcome, requested_by, idempotency_key, request_digest, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (shipment_id, idempotency_key) do nothing returning id
                        """)
                .params(tenantId, shipmentId, r.kind().name(), r.date(), r.slot(), name(r.place()),
                        name(r.safePlaceSpot()), r.pickupPoint(), outcome.name(), requestedBy, idempotencyKey,
                        r.digest(), at.atOffset(ZoneOffset.UTC))
                .query(Long.class).optional();
    }

    void outcome(long id, Outcome outcome) {
        jdbc.sql("update delivery_changes set outcome = ? where id = ?").params(outcome.name(), id).update();
    }

    Optional<Stored> byKey(long shipmentId, String idempotencyKey) {
        return jdbc.sql("select * from delivery_changes where shipment_id = ? and idempotency_key = ?")
                .params(shipmentId, idempotencyKey)
                .query((ResultSet rs, int i) -> new Stored(read(rs), rs.getString("request_digest"))).optional();
    }

    Optional<DeliveryChange> byId(long id) {
        return jdbc.sql("select * from delivery_changes where id = ?").param(id).query(DeliveryChangeStore::change).optional();
    }

    /** A shipment's requests, oldest first. */
    List<DeliveryChange> ofShipment(long shipmentId) {
        return jdbc.sql("select * from delivery_changes where shipment_id = ? order by id").param(shipmentId)
                .query(DeliveryChangeStore::change).list();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static DeliveryChange change(ResultSet rs, int i) throws SQLException {
        return read(rs);
    }

    private static DeliveryChange read(ResultSet rs) throws SQLException {
        String place = rs.getString("place");
        String spot = rs.getString("safe_place_spot");
        return new DeliveryChange(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("shipment_id"),
                ChangeKind.valueOf(rs.getString("kind")), rs.getObject("delivery_date", LocalDate.class),
                rs.getString("slot"), place == null ? null : Place.valueOf(place),
                spot == null ? null : SafePlaceSpot.valueOf(spot), rs.getString("pickup_point"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
