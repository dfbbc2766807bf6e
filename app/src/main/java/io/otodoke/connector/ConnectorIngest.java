package io.otodoke.connector;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.DeliveryEstimates;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.IngestResult;
import io.otodoke.tracking.ItemError;
import io.otodoke.tracking.ShipmentRef;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands what a source said to tracking: the events of each parsed shipment go to every shipment
 * Otodoke tracks under that number (and that carrier, when it is known), in whichever tenant. An
 * installation's aggregator account and carrier pages serve all tenants, so a webhook is not
 * addressed to one. Numbers nobody tracks are counted and dropped: a source reporting more than
 * we follow is normal, not an error.
 */
@Service
public class ConnectorIngest {

    private final ShipmentRegistry registry;
    private final TrackingIngest ingest;
    private final SourceCarriers carriers;
    private final DeliveryEstimates estimates;

    ConnectorIngest(ShipmentRegistry registry, TrackingIngest ingest, SourceCarriers carriers,
                    DeliveryEstimates estimates) {
        this.registry = registry;
        this.ingest = ingest;
        this.carriers = carriers;
        this.estimates = estimates;
    }

    /**
     * @param shipments  shipments matched (one number may match several, in different tenants)
     * @param accepted   events stored now
     * @param duplicates events stored before
     * @param rejected   events tracking refused (e.g. a time far in the future), with {@code errors}
     * @param untrackedNumbers numbers no shipment has
     * @param dropped    events of those numbers
     */
    public record Result(int shipments, int accepted, int duplicates, int rejected, int untrackedNumbers, int dropped,
                         List<String> errors) {

        /** One line for an operator. */
        public String summary() {
            return accepted + " event(s) stored, " + duplicates + " duplicate(s), " + rejected + " rejected, into "
                    + shipments + " shipment(s); " + untrackedNumbers + " untracked number(s) with " + dropped
                    + " event(s) dropped" + (errors.isEmpty() ? "" : "; " + String.join("; ", errors));
        }
    }

    /** One transaction for the whole payload: it is stored completely or not at all. */
    @Transactional
    public Result ingest(String source, List<ParsedShipment> parsed) {
        Set<String> numbers = new LinkedHashSet<>();
        for (ParsedShipment p : parsed) {
            numbers.add(TrackingNumbers.normalize(p.trackingNumber()));
        }
        Map<String, List<ShipmentRef>> byNumber = new LinkedHashMap<>();
        for (ShipmentRef s : registry.shipmentsByTrackingNumber(numbers)) {
            byNumber.computeIfAbsent(s.trackingNumber(), k -> new ArrayList<>()).add(s);
        }

        Map<Long, List<IncomingEvent>> byTenant = new LinkedHashMap<>();
        Set<Long> matched = new LinkedHashSet<>();
        Set<String> untracked = new LinkedHashSet<>();
        Map<Long, DeliveryEstimate> forecasts = new LinkedHashMap<>();
        int dropped = 0;
        for (ParsedShipment p : parsed) {
            String number = TrackingNumbers.normalize(p.trackingNumber());
            String carrier = carriers.carrierOf(source, p.carrier());
            List<ShipmentRef> targets = byNumber.getOrDefault(number, List.of()).stream()
                    .filter(s -> carrier == null || carrier.equals(s.carrier())).toList();
            if (targets.isEmpty()) {
                untracked.add(number);
                dropped += p.events().size();
                continue;
            }
            for (ShipmentRef s : targets) {
                matched.add(s.id());
                if (p.estimate() != null) {
                    forecasts.put(s.id(), p.estimate());
                }
                for (TrackingEvent e : p.events()) {
                    byTenant.computeIfAbsent(s.tenantId(), k -> new ArrayList<>())
                            .add(new IncomingEvent(s.id(), null, null, null, e));
                }
            }
        }

        int accepted = 0, duplicates = 0, rejected = 0;
        List<String> errors = new ArrayList<>();
        for (var tenant : byTenant.entrySet()) {
            IngestResult r = ingest.ingest(tenant.getKey(), tenant.getValue());
            accepted += r.accepted();
            duplicates += r.duplicates();
            rejected += r.errors().size();
            for (ItemError e : r.errors()) {
                if (errors.size() < 5) {
                    errors.add(e.code() + ": " + e.detail());
                }
            }
        }
        // after the events: a forecast printed on the page of a parcel now delivered moves nothing
        forecasts.forEach(estimates::record);
        return new Result(matched.size(), accepted, duplicates, rejected, untracked.size(), dropped, List.copyOf(errors));
    }
}
