package io.otodoke.fulfillment;

import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Otodoke's unified status in MCF's words (Fulfillment Outbound API v2020-07-01, model
 * {@code fulfillmentOutbound_2020-07-01.json}: enums {@code CurrentStatus}, {@code EventCode},
 * {@code FulfillmentOrderStatus}, {@code FulfillmentShipmentStatus}). The reverse of the
 * connector's table ({@code connector/amazon_mcf-codes.tsv}); where MCF has no word for a state
 * (a label printed but not handed over) the nearest honest one is given. docs/fulfillment.md lists it.
 */
public final class McfCodes {

    private McfCodes() {
    }

    /** A parcel's status as MCF's {@code currentStatus}. */
    public static String currentStatus(TrackingStatus status, StatusReason reason) {
        return switch (status) {
            case PICKED_UP, IN_TRANSIT, ARRIVED_AT_DELIVERY_BASE -> reason == StatusReason.DELAYED ? "DELAYED" : "IN_TRANSIT";
            case OUT_FOR_DELIVERY -> "OUT_FOR_DELIVERY";
            case DELIVERY_ATTEMPTED -> "DELIVERY_ATTEMPTED";
            case HELD_FOR_PICKUP -> "AVAILABLE_FOR_PICKUP";
            case DELIVERED -> "DELIVERED";
            case RETURNING_TO_SENDER -> "RETURNING";
            case RETURNED -> "RETURNED";
            // the recipient can fix these (address, refusal, absence): MCF's CUSTOMER_ACTION
            case EXCEPTION -> reason == StatusReason.ADDRESS_UNKNOWN || reason == StatusReason.MOVED
                    || reason == StatusReason.REFUSED ? "CUSTOMER_ACTION" : "UNDELIVERABLE";
            case CANCELLED -> "UNDELIVERABLE";
            // a label not yet handed over, no news yet or no longer: MCF has no closer word
            case PREPARING, LABEL_CREATED, NOT_FOUND, EXPIRED, UNKNOWN -> "UNKNOWN";
        };
    }

    /** EventCode by reason, for the statuses whose MCF code depends on why. */
    private static final Map<StatusReason, String> EXCEPTION_BY_REASON = Map.of(
            StatusReason.ADDRESS_UNKNOWN, "EVENT_401", StatusReason.CUSTOMS, "EVENT_402",
            StatusReason.MOVED, "EVENT_403", StatusReason.DAMAGED, "EVENT_405",
            StatusReason.REFUSED, "EVENT_407", StatusReason.LOST, "EVENT_409");

    /** A timeline line's MCF {@code eventCode}; empty for what MCF has no event for (not found, expired …). */
    public static Optional<String> eventCode(TrackingStatus status, StatusReason reason) {
        String code = switch (status) {
            case PREPARING, LABEL_CREATED -> "EVENT_101"; // carrier notified to pick up package
            case PICKED_UP -> "EVENT_102"; // shipment picked up from seller's facility
            case IN_TRANSIT, ARRIVED_AT_DELIVERY_BASE -> reason == StatusReason.CUSTOMS ? "EVENT_204"
                    : reason == StatusReason.DELAYED ? "EVENT_404"
                    : reason == StatusReason.RESCHEDULED ? "EVENT_307" : "EVENT_201"; // arrival scan
            case OUT_FOR_DELIVERY -> "EVENT_302";
            case DELIVERY_ATTEMPTED -> "EVENT_304";
            case HELD_FOR_PICKUP -> "EVENT_308";
            case DELIVERED -> "EVENT_301";
            case RETURNING_TO_SENDER -> "EVENT_408";
            case RETURNED -> "EVENT_309";
            case EXCEPTION -> EXCEPTION_BY_REASON.getOrDefault(reason, "EVENT_406"); // held by carrier
            case CANCELLED, NOT_FOUND, EXPIRED, UNKNOWN -> null;
        };
        return Optional.ofNullable(code);
    }

    /** MCF's {@code additionalLocationInfo} of a delivered parcel, from where it was left. */
    public static String locationInfo(StatusReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case SAFE_PLACE -> "FRONT_DOOR";
            case MAILBOX -> "MAILBOX";
            case NEIGHBOUR -> "NEIGHBOR";
            case PARCEL_LOCKER -> "PARCEL_LOCKER";
            case HANDED_OVER -> "RECEIVER";
            case COUNTER -> "CUSTOMER_PICKUP";
            default -> null;
        };
    }

    /** A package is SHIPPED once the carrier has it; before that PENDING. */
    public static String shipmentStatus(TrackingStatus status) {
        return switch (status) {
            case PREPARING, LABEL_CREATED, NOT_FOUND, UNKNOWN -> "PENDING";
            case CANCELLED -> "CANCELLED_BY_SELLER";
            default -> "SHIPPED";
        };
    }
}
