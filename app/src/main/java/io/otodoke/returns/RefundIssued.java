package io.otodoke.returns;

import java.time.Instant;

/** The shop's policy says the refund is due now (notify: REFUND_ISSUED). The shop's own systems pay it. */
public record RefundIssued(long returnId, long tenantId, long orderId, long shipmentId, long refundYen,
                           RefundTrigger trigger, Instant issuedAt) {
}
