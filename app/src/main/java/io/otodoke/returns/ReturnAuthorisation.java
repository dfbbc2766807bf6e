package io.otodoke.returns;

import java.time.Instant;
import java.util.List;

/**
 * A return as the shop and the buyer see it.
 *
 * @param shipmentId     the return leg (a shipment with leg RETURN), once there is one
 * @param labelExpiresAt an own-fleet label's end of validity; null for a carrier number
 * @param photoIds       the photos' ids (each served to the shop's staff)
 */
public record ReturnAuthorisation(long id, long tenantId, long orderId, ReturnState state, ReturnReason reason,
                                  String comment, List<ReturnItem> items, long refundYen, String requestedBy,
                                  String decidedBy, Instant decidedAt, String decisionNote, Long shipmentId,
                                  String returnCarrier, String returnTrackingNumber, Instant labelExpiresAt,
                                  RefundTrigger refundTrigger, RefundState refundState, Instant refundIssuedAt,
                                  Instant receivedAt, Instant createdAt, List<Long> photoIds) {

    public ReturnAuthorisation {
        items = List.copyOf(items);
        photoIds = List.copyOf(photoIds);
    }

    /** An own-fleet label to print: approved with a label that has not expired. */
    public boolean hasLabel() {
        return labelExpiresAt != null && state == ReturnState.APPROVED;
    }

    /** Waiting for the buyer to say which carrier number the return travels with. */
    public boolean awaitsCarrierNumber() {
        return (state == ReturnState.APPROVED || state == ReturnState.LABEL_EXPIRED) && shipmentId == null;
    }
}
