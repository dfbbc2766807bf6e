package io.otodoke.tracking;

import io.otodoke.account.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Delivered parcels and their delivery attempts, measured from the stored events: what the
 * first-attempt delivery rate is computed from (insights module, docs/insights.md).
 */
@Service
public class Deliveries {

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An outbound parcel that was delivered.
     *
     * @param deliveredAt    its first DELIVERED event
     * @param firstAttemptAt its first DELIVERY_ATTEMPTED event, or null when it was never attempted
     */
    public record Delivered(long shipmentId, long tenantId, Instant deliveredAt, Instant firstAttemptAt) {

        /** Delivered at the first attempt: no failed attempt before the delivery. */
        public boolean atFirstAttempt() {
            return firstAttemptAt == null || !firstAttemptAt.isBefore(deliveredAt);
        }
    }

    /** The outbound parcels of the caller's scope delivered in [from, to), oldest delivery first. */
    public List<Delivered> delivered(Caller caller, Instant from, Instant to) {
        CallerScope scope = CallerScope.of(caller);
        return jdbc.query("""
                        select s.id, s.tenant_id, d.at as delivered_at, a.at as attempted_at
                        from shipments s
                        cross join lateral (select min(e.occurred_at) as at from tracking_events e
                                            where e.shipment_id = s.id and e.status = 'DELIVERED') d
                        cross join lateral (select min(e.occurred_at) as at from tracking_events e
                                            where e.shipment_id = s.id and e.status = 'DELIVERY_ATTEMPTED') a
                        where s.status = 'DELIVERED' and s.leg = 'OUTBOUND'
                          and d.at >= ? and d.at < ? and\s""" + scope.shipments().sql() + " order by d.at",
                (rs, i) -> new Delivered(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant()),
                CallerScope.params(Arrays.asList(Timestamp.from(from), Timestamp.from(to)), scope.shipments()));
    }
}
