package io.otodoke.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The {@code orders} and {@code shipments} tables. */
@Repository
class ShipmentStore {

    private static final String SHIPMENT_COLUMNS = """
            s.id, s.tenant_id, s.order_id, s.leg, s.carrier, s.tracking_number, s.status, s.status_reason, s.created_at,
            s.last_event_at, s.stale_reason, s.recipient, s.cash_on_delivery, s.cool, s.signature_required,
            s.estimated_delivery, s.estimated_window
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ShipmentStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A shipment row without its timeline. */
    record ShipmentRow(long id, long tenantId, Long orderId, ShipmentLeg leg, String carrier, String trackingNumber,
                       TrackingStatus status, StatusReason reason, Instant createdAt, Instant lastEventAt,
                       String staleReason, Recipient recipient, Handling handling, DeliveryEstimate estimate) {
    }

    /** What recording a forecast changed: the day forecast before (null: none), for the shipment's tenant. */
    record EstimateChange(long tenantId, java.time.LocalDate previous) {
    }

    /**
     * Stores a shipment's forecast unless the parcel is over; empty when nothing changed (the same
     * forecast again, an unknown shipment or one that is over).
     */
    Optional<EstimateChange> estimate(long shipmentId, DeliveryEstimate e) {
        return jdbc.query("""
                update shipments s set estimated_delivery = ?, estimated_window = ?
                from (select id, estimated_delivery as before from shipments where id = ? for update) old
                where s.id = old.id and s.status not in ('DELIVERED', 'RETURNED', 'CANCELLED', 'EXPIRED')
                  and (s.estimated_delivery is distinct from ? or s.estimated_window is distinct from ?)
                returning s.tenant_id, old.before""",
                (rs, i) -> new EstimateChange(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)),
                e.date(), e.window(), shipmentId, e.date(), e.window()).stream().findFirst();
    }

    record Derived(long id, StatusDerivation.Progress progress, TrackingStatus status, StatusReason reason,
                   boolean statusChanged, boolean dateOnlyEvents, Instant lastEventAt, Instant lastCarrierScanAt,
                   int eventCount) {
    }

    /** A shipment locked for ingest, with what ingest needs to derive its status (no personal data). */
    record Locked(long id, long tenantId, String carrier, String trackingNumber, TrackingStatus status,
                  StatusReason reason, Instant createdAt, Instant lastEventAt, Instant lastCarrierScanAt, int eventCount,
                  StatusDerivation.Progress progress, boolean dateOnlyEvents) {
    }

    /**
     * Locks the shipments with these (carrier, number) pairs or ids, in id order so concurrent
     * batches cannot deadlock. What is read after this statement sees every batch that held
     * these locks before.
     */
    List<Locked> lock(long tenantId, String[] carriers, String[] numbers, Long[] ids) {
        // One predicate per round trip keeps the plan on the indexes; an OR of both would not.
        String byNumbers = "(s.carrier, s.tracking_number) in (select * from unnest(?::text[], ?::text[]))";
        String byIds = "s.id = any(?)";
        String where = ids.length == 0 ? byNumbers : numbers.length == 0 ? byIds : "(" + byNumbers + " or " + byIds + ")";
        String sql = """
                select s.id, s.tenant_id, s.carrier, s.tracking_number, s.status, s.status_reason, s.created_at,
                    s.last_event_at, s.last_carrier_scan_at, s.event_count, s.fold_status, s.return_leg, s.date_only_events
                from shipments s where s.tenant_id = ? and\s""" + where + " order by s.id for update";
        return jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            int p = 1;
            ps.setLong(p++, tenantId);
            if (numbers.length > 0) {
                ps.setArray(p++, con.createArrayOf("text", carriers));
                ps.setArray(p++, con.createArrayOf("text", numbers));
            }
            if (ids.length > 0) {
                ps.setArray(p, con.createArrayOf("bigint", ids));
            }
            return ps;
        }, (rs, i) -> {
            String reason = rs.getString(6);
            String fold = rs.getString(11);
            StatusReason statusReason = reason == null ? null : StatusReason.valueOf(reason);
            return new Locked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    TrackingStatus.valueOf(rs.getString(5)), statusReason, instant(rs, 7), instant(rs, 8), instant(rs, 9),
                    rs.getInt(10), new StatusDerivation.Progress(fold == null ? null : TrackingStatus.valueOf(fold),
                            statusReason, rs.getBoolean(12)), rs.getBoolean(13));
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    void updateDerived(Collection<Derived> rows, Instant now) {
        int n = rows.size();
        Long[] id = new Long[n];
        String[] status = new String[n], reason = new String[n], fold = new String[n];
        // Times travel as epoch microseconds: a bigint array is sent in binary, a timestamptz array
        // would be text that the server parses element by element.
        Long[] lastEvent = new Long[n], lastScan = new Long[n];
        Boolean[] changed = new Boolean[n], returnLeg = new Boolean[n], dateOnly = new Boolean[n];
        Integer[] count = new Integer[n];
        int i = 0;
        for (Derived d : rows) {
            id[i] = d.id();
            status[i] = d.status().name();
            reason[i] = d.reason() == null ? null : d.reason().name();
            changed[i] = d.statusChanged();
            fold[i] = d.progress().status() == null ? null : d.progress().status().name();
            returnLeg[i] = d.progress().returnLeg();
            dateOnly[i] = d.dateOnlyEvents();
            lastEvent[i] = micros(d.lastEventAt());
            lastScan[i] = micros(d.lastCarrierScanAt());
            count[i] = d.eventCount();
            i++;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update shipments s set status = u.status, status_reason = u.reason,
                        status_changed_at = case when u.changed then ?::timestamptz else s.status_changed_at end,
                        last_event_at = timestamptz 'epoch' + u.last_event * interval '1 microsecond',
                        last_carrier_scan_at = timestamptz 'epoch' + u.last_scan * interval '1 microsecond',
                        event_count = u.event_count,
                        fold_status = u.fold, return_leg = u.return_leg, date_only_events = u.date_only,
                        stale_reason = null, stale_since = null, updated_at = ?::timestamptz
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::bigint[], ?::bigint[], ?::int[],
                        ?::text[], ?::boolean[], ?::boolean[])
                        as u(id, status, reason, changed, last_event, last_scan, event_count, fold, return_leg, date_only)
                    where s.id = u.id
                    """);
            ps.setString(1, now.toString());
            ps.setString(2, now.toString());
            ps.setArray(3, con.createArrayOf("bigint", id));
            ps.setArray(4, con.createArrayOf("text", status));
            ps.setArray(5, con.createArrayOf("text", reason));
            ps.setArray(6, con.createArrayOf("boolean", changed));
            ps.setArray(7, con.createArrayOf("bigint", lastEvent));
            ps.setArray(8, con.createArrayOf("bigint", lastScan));
            ps.setArray(9, con.createArrayOf("int4", count));
            ps.setArray(10, con.createArrayOf("text", fold));
            ps.setArray(11, con.createArrayOf("boolean", returnLeg));
            ps.setArray(12, con.createArrayOf("boolean", dateOnly));
            return ps;
        });
    }

    private static Long micros(Instant t) {
        return t == null ? null : t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Inserts the order when its number is new in the tenant; returns its id either way. */
    /** The order's id and seller, created unless the tenant has this order number. */
    record OrderKey(long id, Long sellerId) {
    }

    OrderKey upsertOrder(long tenantId, OrderDetails o, Long sellerId) {
        Long id = jdbc.query("""
                insert into orders (tenant_id, order_number, customer_email, customer_name, ordered_at, total_yen, items,
                    gift, giver_name, gift_message, seller_id, gift_show_giver, gift_show_items)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, order_number) do nothing returning id
                """, rs -> rs.next() ? rs.getLong(1) : null,
                tenantId, o.orderNumber(), o.customerEmail(), o.customerName(),
                o.orderedAt() == null ? null : OffsetDateTime.ofInstant(o.orderedAt(), java.time.ZoneOffset.UTC),
                o.totalYen(), json.writeValueAsString(o.items()), o.gift(), o.giverName(), o.giftMessage(), sellerId,
                o.giftShowGiver(), o.giftShowItems());
        if (id != null) {
            return new OrderKey(id, sellerId);
        }
        return jdbc.queryForObject("select id, seller_id from orders where tenant_id = ? and order_number = ?",
                (rs, i) -> new OrderKey(rs.getLong(1), (Long) rs.getObject(2)), tenantId, o.orderNumber());
    }

    /** The giver's choice of what the recipient's share link shows. */
    void giftChoices(long orderId, boolean showGiver, boolean showItems) {
        jdbc.update("update orders set gift_show_giver = ?, gift_show_items = ? where id = ?", showGiver, showItems, orderId);
    }

    /** Inserts the shipment unless (carrier, number) exists; returns the id and whether it was created. */
    Registered insertShipment(long tenantId, Long orderId, ShipmentLeg leg, String carrier, String number, String given,
                              boolean international, Recipient recipient, Instant createdAt, Handling handling) {
        Long id = jdbc.query("""
                insert into shipments (tenant_id, order_id, leg, carrier, tracking_number, tracking_number_given,
                    international, recipient, created_at, status_changed_at, cash_on_delivery, cool, signature_required)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (tenant_id, carrier, tracking_number) do nothing returning id
                """, rs -> rs.next() ? rs.getLong(1) : null,
                tenantId, orderId, leg.name(), carrier, number, given, international,
                recipient == null ? null : json.writeValueAsString(recipient),
                OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC),
                handling.cashOnDelivery(), handling.cool(), handling.signatureRequired());
        if (id != null) {
            return new Registered(id, true);
        }
        return new Registered(jdbc.queryForObject(
                "select id from shipments where tenant_id = ? and carrier = ? and tracking_number = ?", Long.class,
                tenantId, carrier, number), false);
    }

    record Registered(long id, boolean created) {
    }

    Optional<ShipmentRow> shipment(long tenantId, long id) {
        return jdbc.query("select " + SHIPMENT_COLUMNS + " from shipments s where s.tenant_id = ? and s.id = ?",
                (rs, i) -> row(rs), tenantId, id).stream().findFirst();
    }

    Optional<ShipmentRow> shipment(CallerScope scope, long id) {
        return jdbc.query("select " + SHIPMENT_COLUMNS + " from shipments s where s.id = ? and " + scope.shipments().sql(),
                (rs, i) -> row(rs), CallerScope.params(List.of(id), scope.shipments())).stream().findFirst();
    }

    /** The newest shipments in scope, optionally of one status, at most {@code limit}, before id {@code before}. */
    List<ShipmentRow> shipments(CallerScope scope, TrackingStatus status, Long before, int limit) {
        String st = status == null ? null : status.name();
        return jdbc.query("select " + SHIPMENT_COLUMNS + " from shipments s where (?::text is null or s.status = ?)"
                        + " and (?::bigint is null or s.id < ?) and " + scope.shipments().sql() + " order by s.id desc limit ?",
                (rs, i) -> row(rs), CallerScope.params(Arrays.asList(st, st, before, before), scope.shipments(), limit));
    }

    List<ShipmentRow> shipmentsOfOrders(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + SHIPMENT_COLUMNS
                    + " from shipments s where s.order_id = any(?) order by s.order_id, s.id");
            ps.setArray(1, con.createArrayOf("bigint", orderIds.toArray()));
            return ps;
        }, (rs, i) -> row(rs));
    }

    /** A shipment row and its order's row (null when it has none). */
    record ShipmentAndOrderRows(ShipmentRow shipment, OrderRow order) {
    }

    /** These shipments, in any tenant, without their timelines, each with its order: one query. */
    List<ShipmentAndOrderRows> shipmentsWithOrders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + SHIPMENT_COLUMNS + ", " + ORDER_COLUMNS_PREFIXED
                    + " from shipments s left join orders o on o.id = s.order_id where s.id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, (rs, i) -> new ShipmentAndOrderRows(row(rs), rs.getObject("o_id") == null ? null : orderRow(rs, "o_")));
    }

    /**
     * Shipments of these carriers that may still change: not returned, cancelled or expired, and
     * delivered ones only since {@code deliveredSince} (a return can follow a delivery).
     */
    List<PollTarget> pollTargets(Collection<String> carriers, Instant deliveredSince) {
        if (carriers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select id, tenant_id, carrier, tracking_number, status, created_at, status_changed_at from shipments
                    where carrier = any(?) and status not in ('RETURNED', 'CANCELLED', 'EXPIRED')
                      and (status <> 'DELIVERED' or status_changed_at >= ?)
                    order by id
                    """);
            ps.setArray(1, con.createArrayOf("text", carriers.toArray()));
            ps.setObject(2, OffsetDateTime.ofInstant(deliveredSince, java.time.ZoneOffset.UTC));
            return ps;
        }, (rs, i) -> {
            OffsetDateTime changed = rs.getObject(7, OffsetDateTime.class);
            return new PollTarget(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    TrackingStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                    changed == null ? null : changed.toInstant());
        });
    }

    List<UnknownWord> unknownWords(CallerScope scope, int limit) {
        return jdbc.query("""
                select e.source, e.raw_code, e.raw_text, count(*), max(e.received_at)
                from tracking_events e join shipments s on s.id = e.shipment_id
                where e.status = 'UNKNOWN' and\s""" + scope.shipments().sql() + """
                 group by e.source, e.raw_code, e.raw_text order by count(*) desc, max(e.received_at) desc limit ?
                """, (rs, i) -> new UnknownWord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()),
                CallerScope.params(List.of(), scope.shipments(), limit));
    }

    Map<Long, TrackingStatus> statuses(Collection<Long> ids) {
        Map<Long, TrackingStatus> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, status from shipments where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getLong(1), TrackingStatus.valueOf(rs.getString(2)));
        });
        return out;
    }

    Map<Long, String> trackingNumbers(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, tracking_number from shipments where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getLong(1), rs.getString(2));
        });
        return out;
    }

    /** Shipments with these numbers in any tenant: the public lookup is by number alone. */
    List<ShipmentRow> shipmentsByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + SHIPMENT_COLUMNS
                    + " from shipments s where s.tracking_number = any(?) order by s.tracking_number, s.id");
            ps.setArray(1, con.createArrayOf("text", numbers.toArray()));
            return ps;
        }, (rs, i) -> row(rs));
    }

    record OrderRow(long id, long tenantId, String orderNumber, String customerEmail, String customerName,
                    Instant orderedAt, List<OrderItem> items, Long totalYen, boolean gift, String giverName,
                    String giftMessage, Long sellerId, boolean giftShowGiver, boolean giftShowItems) {
    }

    Optional<OrderRow> order(long tenantId, long id) {
        return jdbc.query("select * from orders where tenant_id = ? and id = ?", (rs, i) -> orderRow(rs), tenantId, id)
                .stream().findFirst();
    }

    Optional<OrderRow> order(CallerScope scope, long id) {
        return jdbc.query("select * from orders o where o.id = ? and " + scope.orders().sql(), (rs, i) -> orderRow(rs),
                CallerScope.params(List.of(id), scope.orders())).stream().findFirst();
    }

    /** The orders in scope, newest first (for a shopper: their own). */
    List<OrderRow> orders(CallerScope scope, int limit) {
        return jdbc.query("select * from orders o where " + scope.orders().sql()
                + " order by o.ordered_at desc nulls last, o.id desc limit ?", (rs, i) -> orderRow(rs),
                CallerScope.params(List.of(), scope.orders(), limit));
    }

    /** The order columns {@link #orderRow(ResultSet, String)} reads, each named with the prefix {@code o_}. */
    private static final String ORDER_COLUMNS_PREFIXED = java.util.stream.Stream.of("id", "tenant_id", "order_number",
                    "customer_email", "customer_name", "ordered_at", "items", "total_yen", "gift", "giver_name",
                    "gift_message", "seller_id", "gift_show_giver", "gift_show_items")
            .map(c -> "o." + c + " as o_" + c).collect(java.util.stream.Collectors.joining(", "));

    private OrderRow orderRow(ResultSet rs) throws SQLException {
        return orderRow(rs, "");
    }

    private OrderRow orderRow(ResultSet rs, String prefix) throws SQLException {
        OffsetDateTime ordered = rs.getObject(prefix + "ordered_at", OffsetDateTime.class);
        long total = rs.getLong(prefix + "total_yen");
        Long totalYen = rs.wasNull() ? null : total;
        return new OrderRow(rs.getLong(prefix + "id"), rs.getLong(prefix + "tenant_id"), rs.getString(prefix + "order_number"),
                rs.getString(prefix + "customer_email"), rs.getString(prefix + "customer_name"),
                ordered == null ? null : ordered.toInstant(),
                json.readValue(rs.getString(prefix + "items"), new TypeReference<List<OrderItem>>() { }), totalYen,
                rs.getBoolean(prefix + "gift"), rs.getString(prefix + "giver_name"), rs.getString(prefix + "gift_message"),
                (Long) rs.getObject(prefix + "seller_id"), rs.getBoolean(prefix + "gift_show_giver"),
                rs.getBoolean(prefix + "gift_show_items"));
    }

    private ShipmentRow row(ResultSet rs) throws SQLException {
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        String reason = rs.getString("status_reason");
        OffsetDateTime lastEvent = rs.getObject("last_event_at", OffsetDateTime.class);
        String recipient = rs.getString("recipient");
        return new ShipmentRow(rs.getLong("id"), rs.getLong("tenant_id"), orderId, ShipmentLeg.valueOf(rs.getString("leg")),
                rs.getString("carrier"), rs.getString("tracking_number"), TrackingStatus.valueOf(rs.getString("status")),
                reason == null ? null : StatusReason.valueOf(reason),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastEvent == null ? null : lastEvent.toInstant(), rs.getString("stale_reason"),
                recipient == null ? null : json.readValue(recipient, Recipient.class),
                new Handling(rs.getBoolean("cash_on_delivery"), rs.getBoolean("cool"), rs.getBoolean("signature_required")),
                estimate(rs.getObject("estimated_delivery", java.time.LocalDate.class), rs.getString("estimated_window")));
    }

    private static DeliveryEstimate estimate(java.time.LocalDate date, String window) {
        return date == null ? null : new DeliveryEstimate(date, window);
    }

    /** Why a shipment is on the attention list and since when (see {@link Attention}). */
    private static final String ATTENTION = """
            select s.id, s.tenant_id, s.order_id, o.order_number, s.carrier, s.tracking_number, s.status, s.last_event_at,
                   case when s.status = 'EXCEPTION' then 'EXCEPTION' else s.stale_reason end as attention,
                   case when s.status = 'EXCEPTION' then coalesce(s.status_changed_at, s.created_at)
                        else s.stale_since end as since
            from shipments s left join orders o on o.id = s.order_id
            where (s.status = 'EXCEPTION' or s.stale_reason is not null and s.status not in
                   ('DELIVERED', 'RETURNED', 'CANCELLED', 'EXPIRED'))
              and\s""";

    /** The attention list of a scope; {@code sinceBefore} (may be null) keeps those needing attention since then or earlier. */
    List<Attention.Item> attention(CallerScope scope, String reason, String carrier, Instant sinceBefore, int limit) {
        OffsetDateTime before = sinceBefore == null ? null : sinceBefore.atOffset(ZoneOffset.UTC);
        return jdbc.query("select * from (" + ATTENTION + scope.shipments().sql() + ") a"
                        + " where (?::text is null or a.attention = ?) and (?::text is null or a.carrier = ?)"
                        + " and (?::timestamptz is null or a.since <= ?) order by a.since, a.id limit ?",
                (rs, i) -> {
                    long order = rs.getLong("order_id");
                    Long orderId = rs.wasNull() ? null : order;
                    OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
                    OffsetDateTime last = rs.getObject("last_event_at", OffsetDateTime.class);
                    return new Attention.Item(rs.getLong("id"), rs.getLong("tenant_id"), orderId,
                            rs.getString("order_number"), rs.getString("carrier"), rs.getString("tracking_number"),
                            TrackingStatus.valueOf(rs.getString("status")), rs.getString("attention"),
                            since == null ? null : since.toInstant(), last == null ? null : last.toInstant());
                },
                after(scope, reason, reason, carrier, carrier, before, before, limit));
    }

    /** How many shipments of the scope need attention, per (reason, carrier). */
    List<AttentionCount> attentionCounts(CallerScope scope, Instant sinceBefore) {
        OffsetDateTime before = sinceBefore == null ? null : sinceBefore.atOffset(ZoneOffset.UTC);
        return jdbc.query("select a.attention, a.carrier, count(*) from (" + ATTENTION + scope.shipments().sql() + ") a"
                        + " where (?::timestamptz is null or a.since <= ?) group by a.attention, a.carrier",
                (rs, i) -> new AttentionCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
                after(scope, before, before));
    }

    /** The scope's parameters, then these (which may be null, unlike {@link CallerScope#params}'s). */
    private static Object[] after(CallerScope scope, Object... after) {
        List<Object> all = new ArrayList<>(scope.shipments().params());
        all.addAll(Arrays.asList(after));
        return all.toArray();
    }

    record AttentionCount(String reason, String carrier, long count) {
    }

    static List<Long> ids(Collection<ShipmentRow> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
