package io.otodoke.claims;

import java.time.Instant;
import java.util.List;

/**
 * A claim with its evidence and decision.
 *
 * @param decidedBy    who decided: a credential, or {@code rule} for an automatic approval
 * @param decisionRule the rule that decided automatically, in words (e.g. "delivery scan 850 m from the address > 200 m")
 * @param replacementShipmentId the replacement parcel a RESHIP outcome sent (same order), else null
 */
public record Claim(long id, long tenantId, long shipmentId, ClaimKind kind, ClaimState state, ClaimOutcome outcome,
                    String description, ClaimEvidence evidence, String requestedBy, String decidedBy,
                    String decisionRule, String decisionNote, Instant decidedAt, Instant createdAt, List<Long> photoIds,
                    Long replacementShipmentId, String replacementCarrier, String replacementTrackingNumber) {

    public Claim {
        photoIds = List.copyOf(photoIds);
    }
}
