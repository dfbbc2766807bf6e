package io.otodoke.returns;

import io.otodoke.tracking.ShipmentStatusChanged;
import io.otodoke.tracking.TrackingStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the return legs: the carrier's scans move a return on, and the shop's policy decides
 * when the refund is due (at pickup, or on arrival at the warehouse). It runs inside the ingest's
 * transaction, so the scan, the return's new state and the published {@link RefundIssued} /
 * {@link ReturnReceived} (which notify takes from the event outbox) commit together or not at all.
 * Synchronous on purpose: most status changes are not of a return leg, and one indexed lookup costs
 * less than an outbox row per status change that an asynchronous listener would add to every ingest.
 */
@Component
class ReturnLegWatch {

    /** The carrier has the parcel. */
    private static final Set<TrackingStatus> CARRIED = EnumSet.of(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT,
            TrackingStatus.ARRIVED_AT_DELIVERY_BASE, TrackingStatus.OUT_FOR_DELIVERY,
            TrackingStatus.DELIVERY_ATTEMPTED, TrackingStatus.HELD_FOR_PICKUP);
    /** The return leg's delivery is its arrival back at the shop. */
    private static final Set<TrackingStatus> ARRIVED = EnumSet.of(TrackingStatus.DELIVERED, TrackingStatus.RETURNED);

    private final ReturnStore store;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ReturnLegWatch(ReturnStore store, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener
    void on(ShipmentStatusChanged e) {
        if (!CARRIED.contains(e.current()) && !ARRIVED.contains(e.current())) {
            return;
        }
        store.byShipment(e.shipmentId()).flatMap(r -> store.forUpdate(r.id())).ifPresent(r -> moved(r, e.current()));
    }

    void moved(ReturnAuthorisation r, TrackingStatus status) {
        if (r.state() != ReturnState.APPROVED && r.state() != ReturnState.ON_ITS_WAY) {
            return; // rejected or expired labels are not followed; a received return stays received
        }
        Instant now = clock.instant();
        boolean arrived = ARRIVED.contains(status);
        if (arrived) {
            store.received(r.id(), now);
            publisher.publishEvent(new ReturnReceived(r.id(), r.tenantId(), r.orderId(), r.shipmentId(), now));
        } else if (r.state() == ReturnState.APPROVED) {
            store.state(r.id(), ReturnState.ON_ITS_WAY);
        }
        boolean due = arrived || r.refundTrigger() == RefundTrigger.AT_PICKUP;
        if (due && r.refundState() == RefundState.PENDING) {
            store.refunded(r.id(), now);
            publisher.publishEvent(new RefundIssued(r.id(), r.tenantId(), r.orderId(), r.shipmentId(), r.refundYen(),
                    r.refundTrigger(), now));
        }
    }
}
