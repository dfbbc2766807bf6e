package io.otodoke.fulfillment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Fulfilment orders and their packages; every read names the tenant. */
@Repository
class FulfillmentStore {

    /**
     * @param request  the order as it stands (after updates)
     * @param created  the request as first created, for comparing a repeat of the create
     */
    record OrderRow(long id, long tenantId, FulfillmentOrderRequest request, Instant createdAt,
                    FulfillmentOrderRequest created, Instant cancelledAt, Instant updatedAt) {
    }

    record PackageRow(long packageNumber, long orderId, long shipmentId, String carrier, String trackingNumber,
                      String fulfillmentCenterId, Instant shippingDate, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FulfillmentStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new order's id; empty when the tenant has an order of this id already. */
    Optional<Long> insert(long tenantId, FulfillmentOrderRequest r, Instant at) {
        return jdbc.sql("""
                        insert into fulfillment_orders (tenant_id, seller_fulfillment_order_id, request, created_at)
                        values (?, ?, ?::jsonb, ?)
                        on conflict (tenant_id, seller_fulfillment_order_id) do nothing returning id
                        """).params(tenantId, r.sellerFulfillmentOrderId(), json.writeValueAsString(r), utc(at))
                .query(Long.class).optional();
    }

    Optional<OrderRow> order(long tenantId, String sellerFulfillmentOrderId) {
        return jdbc.sql("select * from fulfillment_orders where tenant_id = ? and seller_fulfillment_order_id = ?")
                .params(tenantId, sellerFulfillmentOrderId).query(this::order).optional();
    }

    Optional<OrderRow> order(long tenantId, long id) {
        return jdbc.sql("select * from fulfillment_orders where tenant_id = ? and id = ?")
                .params(tenantId, id).query(this::order).optional();
    }

    /** Locks the order for a change (cancel, update, a new package). */
    Optional<OrderRow> orderForUpdate(long tenantId, String sellerFulfillmentOrderId) {
        return jdbc.sql("select * from fulfillment_orders where tenant_id = ? and seller_fulfillment_order_id = ? for update")
                .params(tenantId, sellerFulfillmentOrderId).query(this::order).optional();
    }

    void cancelled(long id, Instant at) {
        jdbc.sql("update fulfillment_orders set cancelled_at = ? where id = ?").params(utc(at), id).update();
    }

    void updated(long id, FulfillmentOrderRequest r, Instant at) {
        jdbc.sql("""
                        update fulfillment_orders set created_request = coalesce(created_request, request),
                            request = ?::jsonb, updated_at = ?
                        where id = ?
                        """).params(json.writeValueAsString(r), utc(at), id).update();
    }

    List<OrderRow> orders(long tenantId, Instant since, int limit) {
        return jdbc.sql("""
                        select * from fulfillment_orders o where o.tenant_id = ? and (o.created_at >= ?
                            or exists (select 1 from fulfillment_packages p where p.fulfillment_order_id = o.id
                                       and p.created_at >= ?))
                        order by o.id desc limit ?
                        """).params(tenantId, utc(since), utc(since), limit).query(this::order).list();
    }

    List<PackageRow> packages(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from fulfillment_packages where fulfillment_order_id = any(?) order by package_number")
                .param(orderIds.toArray(Long[]::new)).query(this::pkg).list();
    }

    Optional<PackageRow> pkg(long tenantId, long packageNumber) {
        return jdbc.sql("select * from fulfillment_packages where tenant_id = ? and package_number = ?")
                .params(tenantId, packageNumber).query(this::pkg).optional();
    }

    Optional<PackageRow> pkg(long tenantId, String carrier, String trackingNumber) {
        return jdbc.sql("select * from fulfillment_packages where tenant_id = ? and carrier = ? and tracking_number = ?")
                .params(tenantId, carrier, trackingNumber).query(this::pkg).optional();
    }

    long insertPackage(long orderId, long tenantId, long shipmentId, String carrier, String trackingNumber,
                       String fulfillmentCenterId, Instant shippingDate, Instant at) {
        return jdbc.sql("""
                        insert into fulfillment_packages (fulfillment_order_id, tenant_id, shipment_id, carrier,
                            tracking_number, fulfillment_center_id, shipping_date, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning package_number
                        """).params(orderId, tenantId, shipmentId, carrier, trackingNumber, fulfillmentCenterId,
                        utc(shippingDate), utc(at)).query(Long.class).single();
    }

    private OrderRow order(ResultSet rs, int i) throws SQLException {
        FulfillmentOrderRequest request = json.readValue(rs.getString("request"), FulfillmentOrderRequest.class);
        String created = rs.getString("created_request");
        return new OrderRow(rs.getLong("id"), rs.getLong("tenant_id"), request, instant(rs, "created_at"),
                created == null ? request : json.readValue(created, FulfillmentOrderRequest.class),
                instant(rs, "cancelled_at"), instant(rs, "updated_at"));
    }

    private PackageRow pkg(ResultSet rs, int i) throws SQLException {
        return new PackageRow(rs.getLong("package_number"), rs.getLong("fulfillment_order_id"), rs.getLong("shipment_id"),
                rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("fulfillment_center_id"),
                instant(rs, "shipping_date"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
