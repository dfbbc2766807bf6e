package io.otodoke.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery change settings ({@code otodoke.delivery.*}, docs/configuration.md).
 *
 * @param sameDayCutoff  after this local time (Japan) no change for today is offered (default 18:00)
 * @param slotLeadTime   a slot of today is offered only when it starts at least this much later (default 2 h):
 *                       the carrier needs time to put the parcel on the right van
 * @param daysAhead      how many days, today included, a new date may be chosen from (default 7: Japan Post and
 *                       Sagawa keep an undelivered parcel about a week, design/carriers.md §1)
 * @param ownFleetSlots  the own fleet's time slots, as {@code AM} or {@code HH-HH} (default as Yamato's)
 */
@ConfigurationProperties("otodoke.delivery")
public record DeliveryProperties(LocalTime sameDayCutoff, Duration slotLeadTime, Integer daysAhead,
                                 List<String> ownFleetSlots) {

    public static final List<String> DEFAULT_OWN_FLEET_SLOTS = List.of("AM", "14-16", "16-18", "18-20", "19-21");

    public DeliveryProperties {
        sameDayCutoff = sameDayCutoff == null ? LocalTime.of(18, 0) : sameDayCutoff;
        slotLeadTime = slotLeadTime == null ? Duration.ofHours(2) : slotLeadTime;
        daysAhead = daysAhead == null ? 7 : daysAhead;
        if (daysAhead < 1 || daysAhead > 31) {
            throw new IllegalArgumentException("otodoke.delivery.days-ahead is 1 to 31, not " + daysAhead);
        }
        ownFleetSlots = ownFleetSlots == null || ownFleetSlots.isEmpty() ? DEFAULT_OWN_FLEET_SLOTS : List.copyOf(ownFleetSlots);
        ownFleetSlots.forEach(TimeSlot::parse); // fails at start-up, naming the bad slot
    }

    public static DeliveryProperties defaults() {
        return new DeliveryProperties(null, null, null, null);
    }
}
