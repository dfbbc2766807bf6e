package io.otodoke.returns;

import io.otodoke.fleet.Photo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Returns, their photos and the shops' return policies. Callers check access; this only reads and writes. */
@Repository
class ReturnStore {

    private static final String RETURNS = """
            select r.*, s.carrier as return_carrier, s.tracking_number as return_number,
                   array(select p.id from return_photos p where p.return_id = r.id order by p.id) as photo_ids
            from returns r left join shipments s on s.id = r.shipment_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReturnStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long tenantId, long orderId, ReturnReason reason, String comment, List<ReturnItem> items, long refundYen,
                String requestedBy, Instant at) {
        return jdbc.sql("""
                        insert into returns (tenant_id, order_id, reason, comment, items, refund_yen, requested_by, created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id
                        """).params(tenantId, orderId, reason.name(), comment, json.writeValueAsString(items), refundYen,
                        requestedBy, utc(at))
                .query(Long.class).single();
    }

    Optional<ReturnAuthorisation> byId(long id) {
        return jdbc.sql(RETURNS + " where r.id = ?").param(id).query(this::row).optional();
    }

    /** Locks the return for a change of state. */
    Optional<ReturnAuthorisation> forUpdate(long id) {
        jdbc.sql("select id from returns where id = ? for update").param(id).query(Long.class).optional();
        return byId(id);
    }

    Optional<ReturnAuthorisation> byShipment(long shipmentId) {
        return jdbc.sql(RETURNS + " where r.shipment_id = ?").param(shipmentId).query(this::row).optional();
    }

    List<ReturnAuthorisation> ofOrder(long orderId) {
        return jdbc.sql(RETURNS + " where r.order_id = ? order by r.id").param(orderId).query(this::row).list();
    }

    /** A tenant's returns (all tenants when null), newest first. */
    List<ReturnAuthorisation> list(Long tenantId, ReturnState state, int limit) {
        String st = state == null ? null : state.name();
        return jdbc.sql(RETURNS + " where (?::bigint is null or r.tenant_id = ?) and (?::text is null or r.state = ?)"
                        + " order by r.id desc limit ?").params(tenantId, tenantId, st, st, limit)
                .query(this::row).list();
    }

    void decided(long id, ReturnState state, String by, Instant at, String note, RefundTrigger trigger,
                 RefundState refund) {
        jdbc.sql("""
                        update returns set state = ?, decided_by = ?, decided_at = ?, decision_note = ?, refund_trigger = ?,
                            refund_state = ?
                        where id = ?
                        """).params(state.name(), by, utc(at), note, trigger == null ? null : trigger.name(), refund.name(), id)
                .update();
    }

    void leg(long id, long shipmentId, Instant labelExpiresAt) {
        jdbc.sql("update returns set state = 'APPROVED', shipment_id = ?, label_expires_at = ? where id = ?")
                .params(shipmentId, utc(labelExpiresAt), id).update();
    }

    void clearLeg(long id) {
        jdbc.sql("update returns set shipment_id = null, label_expires_at = null where id = ?").param(id).update();
    }

    void state(long id, ReturnState state) {
        jdbc.sql("update returns set state = ? where id = ?").params(state.name(), id).update();
    }

    void received(long id, Instant at) {
        jdbc.sql("update returns set state = 'RECEIVED', received_at = ? where id = ?").params(utc(at), id).update();
    }

    void refunded(long id, Instant at) {
        jdbc.sql("update returns set refund_state = 'ISSUED', refund_issued_at = ? where id = ?").params(utc(at), id)
                .update();
    }

    /** Approved returns whose own-fleet label is past its end and whose return leg has no scan yet. */
    List<ReturnAuthorisation> expiredLabels(Instant now) {
        return jdbc.sql(RETURNS + """
                         where r.state = 'APPROVED' and r.label_expires_at is not null and r.label_expires_at < ?
                           and s.status = 'LABEL_CREATED'
                         order by r.id
                        """).param(utc(now)).query(this::row).list();
    }

    /** How many of these items the order's other returns (not rejected) have asked for already, by name. */
    List<ReturnItem> itemsAskedBefore(long orderId) {
        return jdbc.sql("select items from returns where order_id = ? and state <> 'REJECTED'").param(orderId)
                .query((rs, i) -> json.readValue(rs.getString(1), new TypeReference<List<ReturnItem>>() { }))
                .list().stream().flatMap(List::stream).toList();
    }

    long photo(long returnId, Photo p) {
        return jdbc.sql("""
                        insert into return_photos (return_id, content_type, content, width, height) values (?, ?, ?, ?, ?)
                        returning id
                        """).params(returnId, p.contentType(), p.content(), p.width(), p.height())
                .query(Long.class).single();
    }

    Optional<Photo> photo(long returnId, long photoId) {
        return jdbc.sql("select content_type, content, width, height from return_photos where return_id = ? and id = ?")
                .params(returnId, photoId)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4))).optional();
    }

    Optional<RefundTrigger> policy(long tenantId) {
        return jdbc.sql("select refund_trigger from return_policies where tenant_id = ?").param(tenantId)
                .query(String.class).optional().map(RefundTrigger::valueOf);
    }

    void policy(long tenantId, RefundTrigger trigger) {
        jdbc.sql("""
                        insert into return_policies (tenant_id, refund_trigger) values (?, ?)
                        on conflict (tenant_id) do update set refund_trigger = excluded.refund_trigger, updated_at = now()
                        """).params(tenantId, trigger.name()).update();
    }

    private ReturnAuthorisation row(ResultSet rs, int i) throws SQLException {
        long shipment = rs.getLong("shipment_id");
        Long shipmentId = rs.wasNull() ? null : shipment;
        String trigger = rs.getString("refund_trigger");
        Long[] photos = (Long[]) rs.getArray("photo_ids").getArray();
        return new ReturnAuthorisation(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("order_id"),
                ReturnState.valueOf(rs.getString("state")), ReturnReason.valueOf(rs.getString("reason")),
                rs.getString("comment"), json.readValue(rs.getString("items"), new TypeReference<List<ReturnItem>>() { }),
                rs.getLong("refund_yen"), rs.getString("requested_by"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("decision_note"), shipmentId, rs.getString("return_carrier"),
                rs.getString("return_number"), instant(rs, "label_expires_at"),
                trigger == null ? null : RefundTrigger.valueOf(trigger), RefundState.valueOf(rs.getString("refund_state")),
                instant(rs, "refund_issued_at"), instant(rs, "received_at"), instant(rs, "created_at"),
                Arrays.asList(photos));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
