package io.otodoke.insights;

import java.time.Instant;

/**
 * Measured delivery figures over a period; nothing is extrapolated.
 *
 * @param deliveredShipments       outbound parcels delivered in the period
 * @param firstAttemptDeliveries   of those, delivered without a failed attempt before
 * @param firstAttemptRate         the share (0–1); null when nothing was delivered: no data, not 0 %
 * @param redeliveriesAvoided      first-attempt deliveries that had a change of date, time or place asked
 *                                 before the delivery (so before any attempt)
 * @param co2SavedGrams            redeliveriesAvoided × co2PerRedeliveryGrams, an estimate
 * @param noData                   nothing was delivered in the period
 */
public record DeliveryInsights(Instant from, Instant to, long deliveredShipments, long firstAttemptDeliveries,
                               Double firstAttemptRate, long redeliveriesAvoided, double co2PerRedeliveryGrams,
                               long co2SavedGrams, boolean noData) {
}
