package io.otodoke.notify;

import io.otodoke.claims.ClaimDecided;
import io.otodoke.delivery.DeliveryChangeRequested;
import io.otodoke.fleet.ArrivingSoon;
import io.otodoke.fleet.StopsAwayChanged;
import io.otodoke.tracking.DeliveryEstimateMoved;
import io.otodoke.returns.RefundIssued;
import io.otodoke.returns.ReturnReceived;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentStale;
import io.otodoke.tracking.ShipmentStatusChanged;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the events of tracking and fleet into messages in the outbox, one per subscription that
 * wants the milestone. These are Spring Modulith listeners: each event reaches them through the
 * JDBC event publication registry (the transactional outbox of the publishing module), runs in a
 * transaction of its own after the publisher's committed, and is marked complete only when this
 * transaction commits. An event whose listener did not finish (a crash, an error) is delivered
 * again at the next start ({@code spring.modulith.events.republish-outstanding-events-on-restart});
 * the unique key of the outbox makes that second delivery add nothing.
 */
@Component
class MilestoneListener {

    /** Milestones that are told once per shipment: a carrier's repeated scan is not news. */
    static final String ONCE = "once";
    /** Statuses before the carrier has the parcel: the first scan after them means it was handed over. */
    private static final Set<TrackingStatus> BEFORE_CARRIER = EnumSet.of(TrackingStatus.PREPARING,
            TrackingStatus.LABEL_CREATED, TrackingStatus.NOT_FOUND);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final ShipmentRegistry registry;
    private final Subscriptions subscriptions;
    private final PreferenceStore preferences;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final Clock clock;

    MilestoneListener(ShipmentRegistry registry, Subscriptions subscriptions, PreferenceStore preferences, Outbox outbox,
                      Dispatcher dispatcher, Clock clock) {
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * The milestone a status change is, if any. HELD_FOR_PICKUP and the return leg are not
     * milestones of their own: the returns module tells RETURN_RECEIVED and REFUND_ISSUED.
     */
    static Optional<Milestone> milestoneOf(TrackingStatus previous, TrackingStatus current) {
        if (current == previous || current == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (current) {
            case LABEL_CREATED -> Milestone.TRACKING_NUMBER_ISSUED;
            case PICKED_UP -> Milestone.HANDED_TO_CARRIER;
            // carriers that never print a pickup scan: the first transit scan is the handover
            case IN_TRANSIT, ARRIVED_AT_DELIVERY_BASE ->
                    previous == null || BEFORE_CARRIER.contains(previous) ? Milestone.HANDED_TO_CARRIER : null;
            case OUT_FOR_DELIVERY -> Milestone.OUT_FOR_DELIVERY;
            case DELIVERY_ATTEMPTED -> Milestone.DELIVERY_ATTEMPTED;
            case DELIVERED -> Milestone.DELIVERED;
            case EXCEPTION -> Milestone.EXCEPTION;
            default -> null;
        });
    }

    /**
     * Out for delivery, attempted and exceptions can happen again for the same parcel (the
     * redelivery loop): each change is its own attempt, keyed by the time of the change, which a
     * duplicate of the same event repeats.
     */
    @ApplicationModuleListener
    void on(ShipmentStatusChanged e) {
        milestoneOf(e.previous(), e.current()).ifPresent(m -> {
            String attempt = switch (m) {
                case OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, EXCEPTION -> e.changedAt().toString();
                default -> ONCE;
            };
            enqueue(e.tenantId(), e.shipmentId(), m, attempt,
                    e.reason() == null ? Map.of() : Map.of("reason", e.reason().name()), s -> true);
        });
    }

    /** Told once per stop (so once per delivery attempt), when the count crosses the subscriber's threshold. */
    @ApplicationModuleListener
    void on(StopsAwayChanged e) {
        int now = e.remainingStopCount();
        Integer before = e.previousCount();
        enqueue(e.tenantId(), e.shipmentId(), Milestone.STOPS_AWAY, "stop:" + e.stopId(),
                Map.of("remainingStopCount", Integer.toString(now)),
                s -> now <= s.stopsAwayThreshold() && (before == null || before > s.stopsAwayThreshold()));
    }

    @ApplicationModuleListener
    void on(ArrivingSoon e) {
        String at = HOUR_MINUTE.format(e.estimatedArrival().atZone(ZoneId.of("Asia/Tokyo")));
        enqueue(e.tenantId(), e.shipmentId(), Milestone.ARRIVING_SOON, "stop:" + e.stopId(),
                Map.of("estimatedArrival", at), s -> true);
    }

    /**
     * A parcel that stopped moving, with the advice for its reason. Tracking publishes this once per
     * reason it finds; a parcel that moves and gets stuck again (or stuck in another way) is a new
     * attempt, keyed by the reason and when it was found.
     */
    @ApplicationModuleListener
    void on(ShipmentStale e) {
        enqueue(e.tenantId(), e.shipmentId(), Milestone.STALE, e.reason().name() + "@" + e.since(),
                Map.of("staleReason", e.reason().name(), "staleSince", e.since().toString()), s -> true);
    }

    /** The carrier's forecast moved to another day: once per new day forecast. */
    @ApplicationModuleListener
    void on(DeliveryEstimateMoved e) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("estimatedDelivery", e.current().date().toString());
        if (e.current().window() != null) {
            facts.put("estimatedWindow", e.current().window());
        }
        facts.put("previousEstimate", e.previous().toString());
        enqueue(e.tenantId(), e.shipmentId(), Milestone.ETA_MOVED, "date:" + e.current().date(), facts, s -> true);
    }
    /** The return leg arrived back at the shop (returns module): told once per return. */
    @ApplicationModuleListener
    void on(ReturnReceived e) {
        enqueue(e.tenantId(), e.shipmentId(), Milestone.RETURN_RECEIVED, "return:" + e.returnId(), Map.of(), s -> true);
    }

    /** The shop's return policy made the refund due (returns module): told once per return. */
    @ApplicationModuleListener
    void on(RefundIssued e) {
        enqueue(e.tenantId(), e.shipmentId(), Milestone.REFUND_ISSUED, "return:" + e.returnId(),
                Map.of("refundYen", Long.toString(e.refundYen())), s -> true);
    }

    /**
     * A claim was decided (claims module): told once per claim, with the decision and the outcome; a
     * reship with the replacement parcel's carrier and number.
     */
    @ApplicationModuleListener
    void on(ClaimDecided e) {
        Map<String, String> facts = new java.util.LinkedHashMap<>(Map.of("claimKind", e.kind().name(),
                "claimState", e.state().name(), "claimOutcome", e.outcome() == null ? "" : e.outcome().name()));
        if (e.replacementTrackingNumber() != null) {
            facts.put("replacementCarrier", e.replacementCarrier());
            facts.put("replacementTrackingNumber", e.replacementTrackingNumber());
        }
        enqueue(e.tenantId(), e.shipmentId(), Milestone.CLAIM_DECIDED, "claim:" + e.claimId(), facts, s -> true);
    }

    /**
     * A delivery change was recorded (delivery module): told once per request, with what was asked and
     * what came of it (applied to the route, awaiting a route, or for the carrier to confirm).
     */
    @ApplicationModuleListener
    void on(DeliveryChangeRequested e) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("changeKind", e.kind().name());
        facts.put("changeOutcome", e.outcome().name());
        if (e.date() != null) {
            facts.put("changeDate", e.date().toString());
        }
        if (e.slot() != null) {
            facts.put("changeSlot", e.slot());
        }
        if (e.place() != null) {
            facts.put("changePlace", e.place().name());
        }
        if (e.carrierPageUrl() != null) {
            facts.put("changeUrl", e.carrierPageUrl());
        }
        enqueue(e.tenantId(), e.shipmentId(), Milestone.DELIVERY_CHANGED, "change:" + e.changeId(), facts, s -> true);
    }

    private void enqueue(long tenantId, long shipmentId, Milestone milestone, String attemptKey, Map<String, String> facts,
                         Predicate<Subscription> crossed) {
        Optional<ShipmentView> shipment = registry.shipment(tenantId, shipmentId);
        if (shipment.isEmpty()) {
            return;
        }
        Long orderId = shipment.get().orderId();
        String customer = orderId == null ? null : registry.order(tenantId, orderId).map(OrderView::customerEmail).orElse(null);
        List<Subscription> wanting = subscriptions.forShipment(tenantId, shipmentId, orderId, customer).stream()
                .filter(s -> s.wants(milestone) && crossed.test(s)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        Map<Long, QuietHours> chosen = preferences.quietHours(wanting.stream().map(Subscription::userId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        QuietHours defaults = preferences.defaults().quietHours();
        Instant now = clock.instant();
        boolean added = false;
        for (Subscription s : wanting) {
            QuietHours quiet = s.userId() == null ? defaults : chosen.getOrDefault(s.userId(), defaults);
            // a tenant's stream goes to a machine (a webhook endpoint): quiet hours are for people
            Instant due = s.wholeTenant() ? now : quiet.sendAt(milestone, now);
            added |= outbox.add(s.id(), shipmentId, milestone, attemptKey, facts, due);
        }
        if (added && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        }
    }
}
