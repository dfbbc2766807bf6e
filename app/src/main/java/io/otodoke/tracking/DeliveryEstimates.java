package io.otodoke.tracking;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carriers' delivery forecasts: a connector that reads one (a tracking page's お届け予定日時, an
 * aggregator's expected delivery) records it here with the events of the same read.
 */
@Service
public class DeliveryEstimates {

    private final ShipmentStore store;
    private final ApplicationEventPublisher publisher;

    DeliveryEstimates(ShipmentStore store, ApplicationEventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Records the forecast of a shipment; publishes {@link DeliveryEstimateMoved} when it moves an
     * earlier forecast to another day. A parcel already over (delivered, returned, cancelled) keeps
     * what it had: a page may go on printing its old forecast.
     */
    @Transactional
    public void record(long shipmentId, DeliveryEstimate estimate) {
        Optional<ShipmentStore.EstimateChange> change = store.estimate(shipmentId, estimate);
        change.filter(c -> c.previous() != null && !c.previous().equals(estimate.date()))
                .ifPresent(c -> publisher.publishEvent(
                        new DeliveryEstimateMoved(shipmentId, c.tenantId(), c.previous(), estimate)));
    }
}
