package io.otodoke.returns;

import java.time.Instant;

/** The return leg was delivered back to the shop (notify: RETURN_RECEIVED). */
public record ReturnReceived(long returnId, long tenantId, long orderId, long shipmentId, Instant receivedAt) {
}
