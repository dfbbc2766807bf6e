package io.otodoke.claims;

import java.time.Instant;

/**
 * A claim was approved (with its outcome) or rejected, by a person or by the shop's rules.
 *
 * @param replacementCarrier        for a RESHIP: the replacement parcel's carrier code, else null
 * @param replacementTrackingNumber for a RESHIP: the replacement parcel's tracking number, else null
 */
public record ClaimDecided(long claimId, long tenantId, long shipmentId, ClaimKind kind, ClaimState state,
                           ClaimOutcome outcome, boolean automatic, Instant decidedAt, String replacementCarrier,
                           String replacementTrackingNumber) {
}
