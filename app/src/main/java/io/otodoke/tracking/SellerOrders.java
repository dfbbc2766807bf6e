package io.otodoke.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The orders of marketplace sellers as the seller module needs them (docs/sellers.md): which
 * order a number names, which orders still wait to be sent, and the parcels sent without a
 * tracking number. The callers check who may see what; this class answers for a tenant.
 */
@Service
public class SellerOrders {

    private final JdbcClient jdbc;
    private final ShipmentStore store;

    SellerOrders(JdbcClient jdbc, ShipmentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** A seller's order that exists before any parcel: what the seller then ships. */
    public record CreatedOrder(OrderRef order, boolean created) {
    }

    /**
     * Creates a seller's order awaiting shipment, unless its number exists in the tenant (then
     * returns that order as it is: an order is never changed by a second registration).
     */
    public CreatedOrder createOrder(long tenantId, OrderDetails details, long sellerId) {
        Optional<OrderRef> existing = order(tenantId, details.orderNumber());
        if (existing.isPresent()) {
            return new CreatedOrder(existing.get(), false);
        }
        var key = store.upsertOrder(tenantId, details, sellerId);
        return new CreatedOrder(new OrderRef(key.id(), tenantId, details.orderNumber(), key.sellerId()),
                key.sellerId() != null && key.sellerId() == sellerId);
    }

    /** An order by its number: its id and seller (null for the shop's own order). */
    public record OrderRef(long id, long tenantId, String orderNumber, Long sellerId) {
    }

    /**
     * A seller's order without an outbound leg and not marked as sent untracked.
     *
     * @param orderedAt when it was ordered, or registered when the shop gave no time
     */
    public record AwaitingOrder(long id, String orderNumber, Long sellerId, String customerName, Instant orderedAt) {
    }

    /** A parcel sent without a tracking number: the shopper sees the window instead of a timeline. */
    public record UntrackedShipment(long orderId, String method, Instant shippedAt, LocalDate expectedFrom,
                                    LocalDate expectedTo) {
    }

    public Optional<OrderRef> order(long tenantId, String orderNumber) {
        return jdbc.sql("select id, tenant_id, order_number, seller_id from orders where tenant_id = ? and order_number = ?")
                .params(tenantId, orderNumber)
                .query((rs, i) -> new OrderRef(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4)))
                .optional();
    }

    public Optional<OrderRef> order(long tenantId, long id) {
        return jdbc.sql("select id, tenant_id, order_number, seller_id from orders where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query((rs, i) -> new OrderRef(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4)))
                .optional();
    }

    /**
     * The seller orders of a tenant still waiting to be sent, oldest first: no outbound leg and no
     * untracked dispatch. Only one seller's when {@code sellerId} is given; only those ordered
     * before {@code orderedBefore} when it is given (the late ones).
     */
    public List<AwaitingOrder> awaiting(long tenantId, Long sellerId, Instant orderedBefore, int limit) {
        return jdbc.sql("""
                        select o.id, o.order_number, o.seller_id, o.customer_name, coalesce(o.ordered_at, o.created_at) t
                        from orders o
                        where o.tenant_id = ? and o.seller_id is not null and (?::bigint is null or o.seller_id = ?)
                          and (?::timestamptz is null or coalesce(o.ordered_at, o.created_at) < ?)
                          and not exists (select 1 from shipments s where s.order_id = o.id and s.leg = 'OUTBOUND')
                          and not exists (select 1 from untracked_shipments u where u.order_id = o.id)
                        order by t, o.id
                        limit ?
                        """)
                .params(tenantId, sellerId, sellerId, utc(orderedBefore), utc(orderedBefore), limit)
                .query((rs, i) -> new AwaitingOrder(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getString(4), instant(rs, 5)))
                .list();
    }

    /** Records an untracked dispatch; false when the order already has one (the first is kept). */
    public boolean markUntracked(long tenantId, UntrackedShipment u, String recordedBy) {
        return jdbc.sql("""
                        insert into untracked_shipments (order_id, tenant_id, method, shipped_at, expected_from, expected_to, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (order_id) do nothing
                        """)
                .params(u.orderId(), tenantId, u.method(), utc(u.shippedAt()), u.expectedFrom(), u.expectedTo(), recordedBy)
                .update() == 1;
    }

    public Optional<UntrackedShipment> untracked(long orderId) {
        return jdbc.sql("select order_id, method, shipped_at, expected_from, expected_to from untracked_shipments where order_id = ?")
                .param(orderId)
                .query((rs, i) -> new UntrackedShipment(rs.getLong(1), rs.getString(2), instant(rs, 3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .optional();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
