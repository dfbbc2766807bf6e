package io.otodoke.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions, by tenant. Who may create or see which is decided by the callers (the API
 * for operators, the pages for shoppers), which look the target up in the caller's scope first.
 */
@Service
public class Subscriptions {

    private final JdbcClient jdbc;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to subscribe; exactly one of shipmentId, orderId and userId with userEmail is the target. */
    public record NewSubscription(long tenantId, Long shipmentId, Long orderId, Long userId, String userEmail,
                                  String channel, String address, String language, Set<Milestone> milestones,
                                  int stopsAwayThreshold, String createdBy) {
    }

    /**
     * Subscribes, or returns the subscription that exists for the same target, channel and address:
     * sending the same request twice gives one subscription (and one message per milestone).
     */
    @Transactional
    public Subscription subscribe(NewSubscription s) {
        jdbc.sql("""
                insert into notify_subscriptions (tenant_id, shipment_id, order_id, user_id, user_email, channel, address,
                    language, milestones, stops_away_threshold, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                on conflict do nothing""")
                .params(s.tenantId(), s.shipmentId(), s.orderId(), s.userId(), s.userEmail(), s.channel(), s.address(),
                        s.language(), names(s.milestones()), s.stopsAwayThreshold(), s.createdBy(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("""
                select * from notify_subscriptions where tenant_id = ? and coalesce(shipment_id, 0) = ?
                    and coalesce(order_id, 0) = ? and coalesce(user_id, 0) = ? and channel = ? and lower(address) = lower(?)""")
                .params(s.tenantId(), orZero(s.shipmentId()), orZero(s.orderId()), orZero(s.userId()), s.channel(), s.address())
                .query(Subscriptions::row).single();
    }

    /**
     * Subscribes an address to every shipment of a tenant (a webhook endpoint), or returns the
     * subscription it has. Sent at once, whatever the quiet hours: the receiver is a machine.
     */
    @Transactional
    public Subscription subscribeTenant(long tenantId, String channel, String address, Set<Milestone> milestones,
                                        String createdBy) {
        return jdbc.sql("""
                insert into notify_subscriptions (tenant_id, whole_tenant, channel, address, milestones, created_by, created_at)
                values (?, true, ?, ?, ?::text[], ?, ?)
                on conflict (tenant_id, coalesce(shipment_id, 0), coalesce(order_id, 0), coalesce(user_id, 0), channel,
                    lower(address)) do update set milestones = excluded.milestones
                returning *""")
                .params(tenantId, channel, address, names(milestones), createdBy, java.sql.Timestamp.from(clock.instant()))
                .query(Subscriptions::row).single();
    }

    /** A tenant's subscriptions, of one shipment or order when given, newest first. */
    public List<Subscription> of(long tenantId, Long shipmentId, Long orderId) {
        return jdbc.sql("""
                select * from notify_subscriptions where tenant_id = ?
                    and (?::bigint is null or shipment_id = ?) and (?::bigint is null or order_id = ?)
                order by id desc limit 500""")
                .params(tenantId, shipmentId, shipmentId, orderId, orderId).query(Subscriptions::row).list();
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("select * from notify_subscriptions where id = ?").param(id).query(Subscriptions::row).optional();
    }

    /** A user's own subscriptions. */
    public List<Subscription> ofUser(long userId) {
        return jdbc.sql("select * from notify_subscriptions where user_id = ? order by id").param(userId)
                .query(Subscriptions::row).list();
    }

    /** Ends a subscription of this tenant; false when it has none with this id. Its unsent messages go with it. */
    @Transactional
    public boolean unsubscribe(long tenantId, long id) {
        return jdbc.sql("delete from notify_subscriptions where tenant_id = ? and id = ?").params(tenantId, id).update() == 1;
    }

    /**
     * Everyone subscribed to a shipment: to the shipment itself, to its order, to all orders of
     * the user whose address the order was placed with (in the same tenant), or to the whole tenant.
     */
    List<Subscription> forShipment(long tenantId, long shipmentId, Long orderId, String customerEmail) {
        return jdbc.sql("""
                select * from notify_subscriptions where tenant_id = ?
                    and (shipment_id = ? or order_id = ? or whole_tenant
                         or (shipment_id is null and order_id is null and lower(user_email) = lower(?)))""")
                .params(tenantId, shipmentId, orZero(orderId), customerEmail).query(Subscriptions::row).list();
    }

    /** A user's preferences apply to all their subscriptions. */
    void applyPreferences(long userId, Preferences p) {
        jdbc.sql("update notify_subscriptions set language = ?, milestones = ?::text[], stops_away_threshold = ? where user_id = ?")
                .params(p.language(), names(p.milestones()), p.stopsAwayThreshold(), userId).update();
    }

    static String[] names(Collection<Milestone> milestones) {
        return milestones.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    static Set<Milestone> milestones(java.sql.Array array) throws SQLException {
        Set<Milestone> out = EnumSet.noneOf(Milestone.class);
        Arrays.stream((String[]) array.getArray()).map(Milestone::valueOf).forEach(out::add);
        return out;
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("tenant_id"), rs.getObject("shipment_id", Long.class),
                rs.getObject("order_id", Long.class), rs.getObject("user_id", Long.class), rs.getString("user_email"),
                rs.getString("channel"), rs.getString("address"), rs.getString("language"),
                milestones(rs.getArray("milestones")), rs.getInt("stops_away_threshold"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
