package io.otodoke.insights;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.delivery.DeliveryChangeTimes;
import io.otodoke.tracking.Deliveries;
import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The operator's delivery figures (docs/insights.md). A redelivery is avoided when the recipient
 * changed the date, time or place before the first attempt and the parcel was then delivered at
 * that first attempt: counted from what happened, never from an assumed redelivery rate.
 */
@Service
public class Insights {

    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final Deliveries deliveries;
    private final DeliveryChangeTimes changes;
    private final InsightsProperties properties;
    private final Clock clock;

    Insights(Deliveries deliveries, DeliveryChangeTimes changes, InsightsProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The figures of the last {@code days} days up to now. */
    public DeliveryInsights lastDays(Caller caller, int days) {
        Instant now = clock.instant();
        return delivery(caller, now.minus(Duration.ofDays(days)), now);
    }

    /** The figures of [from, to); defaults: the configured period (30 days) up to now. */
    public DeliveryInsights delivery(Caller caller, Instant from, Instant to) {
        if (caller == null || !(caller.is(Role.OPERATOR) || caller.is(Role.ADMIN))) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "A shop's operator reads its figures.");
        }
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(properties.period()) : from;
        if (!start.isBefore(end)) {
            throw ProblemType.invalidField("from", "from is before to.");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemType.invalidField("from", "A period is at most 366 days.");
        }
        List<Deliveries.Delivered> delivered = deliveries.delivered(caller, start, end);
        List<Deliveries.Delivered> first = delivered.stream().filter(Deliveries.Delivered::atFirstAttempt).toList();
        Map<Long, Instant> changed = changes.firstChange(first.stream().map(Deliveries.Delivered::shipmentId).toList());
        long avoided = first.stream().filter(d -> changed.containsKey(d.shipmentId())
                && changed.get(d.shipmentId()).isBefore(d.deliveredAt())).count();
        double factor = properties.co2PerRedeliveryGrams();
        return new DeliveryInsights(start, end, delivered.size(), first.size(),
                delivered.isEmpty() ? null : (double) first.size() / delivered.size(), avoided, factor,
                Math.round(avoided * factor), delivered.isEmpty());
    }
}
