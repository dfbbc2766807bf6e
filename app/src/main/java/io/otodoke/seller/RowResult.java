package io.otodoke.seller;

import java.time.LocalDate;

/**
 * What became of one {@link SellerShipment}: stored, already there (the same number on the same
 * order, or the order's untracked dispatch), or refused with the reason.
 *
 * @param shipmentId   the tracked shipment, when one was stored or found
 * @param carrier      the carrier stored, given or detected
 * @param untracked    the untracked method recorded
 * @param expectedFrom the first day of an untracked parcel's expected delivery (Japan)
 */
public record RowResult(int row, String orderNumber, Outcome outcome, Long shipmentId, String carrier,
                        String trackingNumber, String untracked, LocalDate expectedFrom, LocalDate expectedTo,
                        RowError error) {

    public enum Outcome { STORED, ALREADY_STORED, REFUSED }

    static RowResult refused(SellerShipment s, String code, String field, String detail) {
        return new RowResult(s.row(), s.orderNumber(), Outcome.REFUSED, null, null, null, null, null, null,
                new RowError(code, field, detail));
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
