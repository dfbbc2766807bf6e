package io.otodoke.claims;

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
import tools.jackson.databind.ObjectMapper;

/** Claims, their photos and the shops' claim rules. Callers check access; this only reads and writes. */
@Repository
class ClaimStore {

    private static final String CLAIMS = """
            select c.*, array(select p.id from claim_photos p where p.claim_id = c.id order by p.id) as photo_ids,
                   r.carrier as replacement_carrier, r.tracking_number as replacement_number
            from claims c left join shipments r on r.id = c.replacement_shipment_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ClaimStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new claim's id; empty when the parcel has an open claim of this kind already. */
    Optional<Long> insert(long tenantId, long shipmentId, ClaimKind kind, String description, ClaimEvidence evidence,
                          String requestedBy, Instant at) {
        return jdbc.sql("""
                        insert into claims (tenant_id, shipment_id, kind, state, description, evidence, requested_by,
                            created_at)
                        values (?, ?, ?, 'UNDER_REVIEW', ?, ?::jsonb, ?, ?)
                        on conflict (shipment_id, kind) where state <> 'REJECTED' do nothing returning id
                        """).params(tenantId, shipmentId, kind.name(), description, json.writeValueAsString(evidence),
                        requestedBy, utc(at))
                .query(Long.class).optional();
    }

    void decided(long id, ClaimState state, ClaimOutcome outcome, String by, String rule, String note, Instant at) {
        jdbc.sql("""
                        update claims set state = ?, outcome = ?, decided_by = ?, decision_rule = ?, decision_note = ?,
                            decided_at = ?
                        where id = ?
                        """).params(state.name(), outcome == null ? null : outcome.name(), by, rule, note, utc(at), id)
                .update();
    }

    void replacement(long id, long shipmentId) {
        jdbc.sql("update claims set replacement_shipment_id = ? where id = ?").params(shipmentId, id).update();
    }

    Optional<Claim> byId(long id) {
        return jdbc.sql(CLAIMS + " where c.id = ?").param(id).query(this::row).optional();
    }

    Optional<Claim> forUpdate(long id) {
        jdbc.sql("select id from claims where id = ? for update").param(id).query(Long.class).optional();
        return byId(id);
    }

    /** A tenant's claims (all when null), newest first. */
    List<Claim> list(Long tenantId, ClaimState state, int limit) {
        String st = state == null ? null : state.name();
        return jdbc.sql(CLAIMS + " where (?::bigint is null or c.tenant_id = ?) and (?::text is null or c.state = ?)"
                + " order by c.id desc limit ?").params(tenantId, tenantId, st, st, limit).query(this::row).list();
    }

    List<Claim> ofShipment(long tenantId, long shipmentId) {
        return jdbc.sql(CLAIMS + " where c.tenant_id = ? and c.shipment_id = ? order by c.id desc")
                .params(tenantId, shipmentId).query(this::row).list();
    }

    long photo(long claimId, Photo p) {
        return jdbc.sql("""
                        insert into claim_photos (claim_id, content_type, content, width, height) values (?, ?, ?, ?, ?)
                        returning id
                        """).params(claimId, p.contentType(), p.content(), p.width(), p.height()).query(Long.class).single();
    }

    Optional<Photo> photo(long claimId, long photoId) {
        return jdbc.sql("select content_type, content, width, height from claim_photos where claim_id = ? and id = ?")
                .params(claimId, photoId)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4))).optional();
    }

    ClaimRules rules(long tenantId) {
        return jdbc.sql("select far_scan_meters, lost_after_days, auto_approve_lost, auto_outcome from claim_rules"
                        + " where tenant_id = ?").param(tenantId)
                .query((rs, i) -> new ClaimRules((Integer) rs.getObject(1), rs.getInt(2), rs.getBoolean(3),
                        ClaimOutcome.valueOf(rs.getString(4)))).optional().orElse(ClaimRules.DEFAULTS);
    }

    void rules(long tenantId, ClaimRules r) {
        jdbc.sql("""
                        insert into claim_rules (tenant_id, far_scan_meters, lost_after_days, auto_approve_lost, auto_outcome)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set far_scan_meters = excluded.far_scan_meters,
                            lost_after_days = excluded.lost_after_days, auto_approve_lost = excluded.auto_approve_lost,
                            auto_outcome = excluded.auto_outcome, updated_at = now()
                        """).params(tenantId, r.farScanMeters(), r.lostAfterDays(), r.autoApproveLost(),
                        r.autoOutcome().name()).update();
    }

    private Claim row(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Claim(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("shipment_id"),
                ClaimKind.valueOf(rs.getString("kind")), ClaimState.valueOf(rs.getString("state")),
                outcome == null ? null : ClaimOutcome.valueOf(outcome), rs.getString("description"),
                json.readValue(rs.getString("evidence"), ClaimEvidence.class), rs.getString("requested_by"),
                rs.getString("decided_by"), rs.getString("decision_rule"), rs.getString("decision_note"),
                instant(rs, "decided_at"), instant(rs, "created_at"),
                Arrays.asList((Long[]) rs.getArray("photo_ids").getArray()),
                (Long) rs.getObject("replacement_shipment_id"), rs.getString("replacement_carrier"),
                rs.getString("replacement_number"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
