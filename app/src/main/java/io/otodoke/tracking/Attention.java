package io.otodoke.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shipments that need someone's attention, for the operators' list: those the staleness check
 * marked stale and those in {@code EXCEPTION}, with counts per reason and per carrier.
 *
 * <p>Each shipment is counted under one reason: {@code EXCEPTION} when the carrier reported a
 * problem (its word is more specific than Otodoke's inference from silence, so an exception that
 * has also gone quiet is still an exception), otherwise its {@link StaleReason}.
 *
 * @param byReason  per reason, with the carrier and since-days filters applied (not the reason filter)
 * @param byCarrier per carrier code, with the reason and since-days filters applied (not the carrier filter)
 * @param total     how many match all filters; {@code shipments} lists at most {@link #LIMIT} of them
 */
public record Attention(List<Item> shipments, Map<String, Long> byReason, Map<String, Long> byCarrier, long total) {

    public static final int LIMIT = 500;
    /** The reasons a shipment is listed for: the stale reasons and the carrier's exception. */
    public static final List<String> REASONS = List.of(StaleReason.NO_CARRIER_SCAN.name(), StaleReason.NO_UPDATE.name(),
            StaleReason.NOT_DELIVERED_TODAY.name(), TrackingStatus.EXCEPTION.name());

    /**
     * @param reason    one of {@link #REASONS}, or null for all
     * @param carrier   a carrier code, or null for all
     * @param sinceDays only shipments that have needed attention for at least this many days; null for all
     */
    public record Filter(String reason, String carrier, Integer sinceDays) {
    }

    /**
     * One shipment of the list, longest waiting first.
     *
     * @param since when it started to need attention: when it was found stale, or when the
     *              exception was reported
     */
    public record Item(long id, long tenantId, Long orderId, String orderNumber, String carrier, String trackingNumber,
                       TrackingStatus status, String reason, Instant since, Instant lastEventAt) {
    }
}
