package io.otodoke.claims;

import java.time.Instant;

/** A claim was approved (with its outcome) or rejected, by a person or by the shop's rules. */
public record ClaimDecided(long claimId, long tenantId, long shipmentId, ClaimKind kind, ClaimState state,
                           ClaimOutcome outcome, boolean automatic, Instant decidedAt) {
}
