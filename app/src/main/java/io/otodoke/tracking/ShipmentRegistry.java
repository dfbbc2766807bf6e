package io.otodoke.tracking;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    private final ShipmentStore store;
    private final EventStore events;
    private final CarrierDirectory carriers;
    private final Clock clock;

    ShipmentRegistry(ShipmentStore store, EventStore events, CarrierDirectory carriers, Clock clock) {
        this.store = store;
        this.events = events;
        this.carriers = carriers;
        this.clock = clock;
    }

    /**
     * Registers each shipment unless the same carrier and number exist (then returns that one).
     * Bad items are reported and skipped; the good ones are kept, in one transaction.
     */
    @Transactional
    public List<RegistrationOutcome> register(long tenantId, List<ShipmentRegistration> batch) {
        List<RegistrationOutcome> outcomes = new ArrayList<>(batch.size());
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            ShipmentRegistration r = batch.get(i);
            ItemError error = validate(i, r, now);
            if (error != null) {
                outcomes.add(new RegistrationOutcome(i, null, false, error));
                continue;
            }
            Long orderId = r.order() == null ? null : store.upsertOrder(tenantId, r.order());
            String number = TrackingNumbers.normalize(r.trackingNumber());
            var registered = store.insertShipment(tenantId, orderId, r.leg() == null ? ShipmentLeg.OUTBOUND : r.leg(),
                    r.carrier(), number, r.trackingNumber(), r.international(), r.recipient(),
                    r.createdAt() == null ? now : r.createdAt());
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

    public Optional<ShipmentView> shipment(long tenantId, long id) {
        return store.shipment(tenantId, id).map(s -> view(s, events.eventsOf(List.of(s.id())).getOrDefault(s.id(), List.of())));
    }

    public Optional<OrderView> order(long tenantId, long id) {
        return store.order(tenantId, id).map(o -> withShipments(List.of(o)).getFirst());
    }

    /** The orders of one shopper, newest first, with their shipments and timelines. */
    public List<OrderView> ordersOfCustomer(long tenantId, String email) {
        return withShipments(store.ordersOfCustomer(tenantId, email));
    }

    private List<OrderView> withShipments(List<ShipmentStore.OrderRow> orders) {
        Map<Long, List<ShipmentView>> byOrder = new LinkedHashMap<>();
        List<ShipmentStore.ShipmentRow> rows = store.shipmentsOfOrders(orders.stream().map(ShipmentStore.OrderRow::id).toList());
        var timelines = events.eventsOf(ShipmentStore.ids(rows));
        for (var s : rows) {
            byOrder.computeIfAbsent(s.orderId(), k -> new ArrayList<>()).add(view(s, timelines.getOrDefault(s.id(), List.of())));
        }
        return orders.stream().map(o -> new OrderView(o.id(), o.orderNumber(), o.customerEmail(), o.customerName(),
                o.orderedAt(), o.items(), o.totalYen(), o.gift(), o.giverName(), o.giftMessage(),
                byOrder.getOrDefault(o.id(), List.of()))).toList();
    }

    private static ShipmentView view(ShipmentStore.ShipmentRow s, List<TrackingEvent> list) {
        return new ShipmentView(s.id(), s.orderId(), s.leg(), s.carrier(), s.trackingNumber(), s.status(), s.reason(),
                s.createdAt(), s.lastEventAt(), s.staleReason(), s.recipient(), Timeline.of(list));
    }
}
