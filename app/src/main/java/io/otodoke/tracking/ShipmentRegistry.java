package io.otodoke.tracking;

import io.otodoke.account.Caller;
import io.otodoke.account.Seller;
import io.otodoke.account.Tenants;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers orders and shipments and reads them back with their timelines. */
@Service
public class ShipmentRegistry {

    static final int MAX_TRACKING_NUMBER_LENGTH = 64;
    /** The most orders one list shows. */
    static final int MAX_ORDERS = 200;

    private final ShipmentStore store;
    private final EventStore events;
    private final CarrierDirectory carriers;
    private final Clock clock;
    private final Tenants tenants;

    ShipmentRegistry(ShipmentStore store, EventStore events, CarrierDirectory carriers, Clock clock, Tenants tenants) {
        this.store = store;
        this.events = events;
        this.carriers = carriers;
        this.clock = clock;
        this.tenants = tenants;
    }

    /**
     * Registers each shipment unless the same carrier and number exist (then returns that one).
     * Bad items are reported and skipped; the good ones are kept, in one transaction.
     */
    @Transactional
    public List<RegistrationOutcome> register(long tenantId, List<ShipmentRegistration> batch) {
        return register(tenantId, null, batch);
    }

    /**
     * Registers for a caller: an operator in its tenant; a seller in its tenant, each shipment
     * with an order that is (or becomes) the seller's own.
     */
    @Transactional
    public List<RegistrationOutcome> register(Caller by, List<ShipmentRegistration> batch) {
        return switch (by.role()) {
            case OPERATOR -> register(by.tenantId(), null, batch);
            case SELLER -> register(by.tenantId(), by.sellerId(), batch);
            default -> throw new IllegalArgumentException(by.role() + " does not register shipments");
        };
    }

    private List<RegistrationOutcome> register(long tenantId, Long sellerOnly, List<ShipmentRegistration> batch) {
        List<RegistrationOutcome> outcomes = new ArrayList<>(batch.size());
        Instant now = clock.instant();
        // A batch names few sellers but may have thousands of rows: look each code up once.
        Map<String, Long> sellerIds = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ShipmentRegistration r = batch.get(i);
            ItemError error = validate(i, r, now);
            Long sellerId = sellerOnly;
            if (error == null && r.order() != null && r.order().seller() != null) {
                Long named = sellerIds.computeIfAbsent(r.order().seller(),
                        code -> tenants.seller(tenantId, code).map(Seller::id).orElse(null));
                if (named == null || sellerOnly != null && !sellerOnly.equals(named)) {
                    error = new ItemError(i, "unknown-seller", "order.seller", "no seller '" + r.order().seller()
                            + "' " + (sellerOnly == null ? "in this tenant" : "that this key acts for"));
                }
                sellerId = named;
            }
            if (error == null && sellerOnly != null && r.order() == null) {
                error = new ItemError(i, "missing-order", "order", "a seller's shipment belongs to one of its orders");
            }
            ShipmentStore.OrderKey order = null;
            if (error == null && r.order() != null) {
                order = store.upsertOrder(tenantId, r.order(), sellerId);
                if (sellerOnly != null && !sellerOnly.equals(order.sellerId())) {
                    error = new ItemError(i, "order-of-another-seller", "order.orderNumber",
                            "order " + r.order().orderNumber() + " is not this seller's");
                }
            }
            if (error != null) {
                outcomes.add(new RegistrationOutcome(i, null, false, error));
                continue;
            }
            Long orderId = order == null ? null : order.id();
            String number = TrackingNumbers.normalize(r.trackingNumber());
            var registered = store.insertShipment(tenantId, orderId, r.leg() == null ? ShipmentLeg.OUTBOUND : r.leg(),
                    r.carrier(), number, r.trackingNumber(), r.international(), r.recipient(),
                    r.createdAt() == null ? now : r.createdAt(), r.handling());
            outcomes.add(new RegistrationOutcome(i, registered.id(), registered.created(), null));
        }
        return outcomes;
    }

    private ItemError validate(int i, ShipmentRegistration r, Instant now) {
        if (r.carrier() == null || r.carrier().isBlank()) {
            return new ItemError(i, "missing-carrier", "carrier", "carrier is required, e.g. yamato");
        }
        if (!carriers.isKnown(r.carrier())) {
            return new ItemError(i, "unknown-carrier", "carrier", "unknown carrier '" + r.carrier()
                    + "'; GET /api/v1/carriers lists the codes");
        }
        String number = TrackingNumbers.normalize(r.trackingNumber());
        if (number.isEmpty()) {
            return new ItemError(i, "missing-tracking-number", "trackingNumber", "trackingNumber is required");
        }
        if (number.length() > MAX_TRACKING_NUMBER_LENGTH || !number.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return new ItemError(i, "invalid-tracking-number", "trackingNumber",
                    "a tracking number has at most " + MAX_TRACKING_NUMBER_LENGTH + " letters and digits");
        }
        if (r.order() != null && (r.order().orderNumber() == null || r.order().orderNumber().isBlank())) {
            return new ItemError(i, "missing-order-number", "order.orderNumber", "an order needs its orderNumber");
        }
        if (r.createdAt() != null && r.createdAt().isAfter(now.plus(TrackingIngest.FUTURE_TOLERANCE))) {
            return new ItemError(i, "future-timestamp", "createdAt", "createdAt is more than a day in the future");
        }
        return null;
    }

    /** A shipment of a tenant, for the system itself (share links, tests): no caller scope. */
    public Optional<ShipmentView> shipment(long tenantId, long id) {
        return store.shipment(tenantId, id).map(this::withTimeline);
    }

    /** A shipment without its timeline and its order without shipments (null when it has none). */
    public record ShipmentAndOrder(ShipmentView shipment, OrderView order) {
    }

    /**
     * These shipments by id with their orders, for the system itself (no caller scope: the caller
     * checks the tenant) and WITHOUT timelines: what a message about each needs, in one query for a
     * batch of messages.
     */
    public Map<Long, ShipmentAndOrder> shipmentsWithOrders(Collection<Long> ids) {
        Map<Long, ShipmentAndOrder> out = new HashMap<>();
        store.shipmentsWithOrders(ids).forEach(r -> out.put(r.shipment().id(), new ShipmentAndOrder(
                view(r.shipment(), List.of()), r.order() == null ? null : orderView(r.order(), List.of()))));
        return out;
    }

    /** A shipment the caller may see; any other id is not found. */
    public Optional<ShipmentView> shipment(Caller caller, long id) {
        return store.shipment(CallerScope.of(caller), id).map(this::withTimeline);
    }

    /** The newest shipments the caller may see, without timelines. */
    public List<ShipmentView> shipments(Caller caller, TrackingStatus status, Long before, int limit) {
        return store.shipments(CallerScope.of(caller), status, before, limit).stream()
                .map(s -> view(s, List.of())).toList();
    }

    /** Shipments of these carriers that may still have news, in every tenant (for pollers). */
    public List<PollTarget> pollTargets(Collection<String> carriers, Instant deliveredSince) {
        return store.pollTargets(carriers, deliveredSince);
    }

    /**
     * The shipments of the caller's scope that need attention (stale or in exception), longest
     * waiting first, with counts per reason and per carrier (see {@link Attention}).
     */
    public Attention attention(Caller caller, Attention.Filter filter) {
        CallerScope scope = CallerScope.of(caller);
        Instant sinceBefore = filter.sinceDays() == null ? null
                : clock.instant().minus(java.time.Duration.ofDays(filter.sinceDays()));
        Map<String, Long> byReason = new LinkedHashMap<>();
        Map<String, Long> byCarrier = new HashMap<>();
        long total = 0;
        Attention.REASONS.forEach(r -> byReason.put(r, 0L));
        for (var c : store.attentionCounts(scope, sinceBefore)) {
            boolean reasonMatches = filter.reason() == null || filter.reason().equals(c.reason());
            boolean carrierMatches = filter.carrier() == null || filter.carrier().equals(c.carrier());
            if (carrierMatches) {
                byReason.merge(c.reason(), c.count(), Long::sum);
            }
            if (reasonMatches) {
                byCarrier.merge(c.carrier(), c.count(), Long::sum);
            }
            if (reasonMatches && carrierMatches) {
                total += c.count();
            }
        }
        Map<String, Long> carriersByCount = new LinkedHashMap<>();
        byCarrier.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> carriersByCount.put(e.getKey(), e.getValue()));
        return new Attention(store.attention(scope, filter.reason(), filter.carrier(), sinceBefore, Attention.LIMIT),
                byReason, carriersByCount, total);
    }

    /** Words of the sources that no table maps yet, most frequent first, among the shipments the caller may see. */
    public List<UnknownWord> unknownWords(Caller caller, int limit) {
        return store.unknownWords(CallerScope.of(caller), limit);
    }

    /** The current status of each of these shipments. */
    public Map<Long, TrackingStatus> statuses(Collection<Long> ids) {
        return store.statuses(ids);
    }

    /** The tracking number of each of these shipments, for people who carry them (the driver's page). */
    public Map<Long, String> trackingNumbers(Collection<Long> ids) {
        return store.trackingNumbers(ids);
    }

    /**
     * Every shipment with one of these normalised numbers, in any tenant and of any carrier: an
     * aggregator's webhook speaks for the whole installation, not for one tenant.
     */
    public List<ShipmentRef> shipmentsByTrackingNumber(Collection<String> normalisedNumbers) {
        return store.shipmentsByNumbers(normalisedNumbers).stream()
                .map(s -> new ShipmentRef(s.id(), s.tenantId(), s.carrier(), s.trackingNumber())).toList();
    }

    /** An order of a tenant, for the system itself: no caller scope. */
    public Optional<OrderView> order(long tenantId, long id) {
        return store.order(tenantId, id).map(o -> withShipments(List.of(o)).getFirst());
    }

    /** An order the caller may see; any other id is not found. */
    public Optional<OrderView> order(Caller caller, long id) {
        return store.order(CallerScope.of(caller), id).map(o -> withShipments(List.of(o)).getFirst());
    }

    /** The orders the caller may see (a shopper's own), newest first, with shipments and timelines. */
    public List<OrderView> orders(Caller caller) {
        return withShipments(store.orders(CallerScope.of(caller), MAX_ORDERS));
    }

    /** The giver of a gift order chooses what the recipient's share link shows. */
    @Transactional
    public void giftChoices(Caller giver, long orderId, boolean showGiver, boolean showItems) {
        OrderView order = order(giver, orderId).filter(OrderView::gift)
                .orElseThrow(() -> new IllegalArgumentException("not a gift order of this caller"));
        store.giftChoices(order.id(), showGiver, showItems);
    }

    private ShipmentView withTimeline(ShipmentStore.ShipmentRow s) {
        return view(s, events.eventsOf(List.of(s.id())).getOrDefault(s.id(), List.of()));
    }

    private List<OrderView> withShipments(List<ShipmentStore.OrderRow> orders) {
        Map<Long, List<ShipmentView>> byOrder = new LinkedHashMap<>();
        List<ShipmentStore.ShipmentRow> rows = store.shipmentsOfOrders(orders.stream().map(ShipmentStore.OrderRow::id).toList());
        var timelines = events.eventsOf(ShipmentStore.ids(rows));
        for (var s : rows) {
            byOrder.computeIfAbsent(s.orderId(), k -> new ArrayList<>()).add(view(s, timelines.getOrDefault(s.id(), List.of())));
        }
        return orders.stream().map(o -> orderView(o, byOrder.getOrDefault(o.id(), List.of()))).toList();
    }

    private static OrderView orderView(ShipmentStore.OrderRow o, List<ShipmentView> shipments) {
        return new OrderView(o.id(), o.tenantId(), o.orderNumber(), o.customerEmail(), o.customerName(), o.orderedAt(),
                o.items(), o.totalYen(), o.gift(), o.giverName(), o.giftMessage(), o.sellerId(), o.giftShowGiver(),
                o.giftShowItems(), shipments);
    }

    private static ShipmentView view(ShipmentStore.ShipmentRow s, List<TrackingEvent> list) {
        return new ShipmentView(s.id(), s.tenantId(), s.orderId(), s.leg(), s.carrier(), s.trackingNumber(), s.status(), s.reason(),
                s.createdAt(), s.lastEventAt(), s.staleReason(), s.recipient(), Timeline.of(list), s.handling(),
                s.estimate());
    }
}
