package io.otodoke.notify;

import static io.otodoke.tracking.TrackingStatus.ARRIVED_AT_DELIVERY_BASE;
import static io.otodoke.tracking.TrackingStatus.DELIVERED;
import static io.otodoke.tracking.TrackingStatus.DELIVERY_ATTEMPTED;
import static io.otodoke.tracking.TrackingStatus.EXCEPTION;
import static io.otodoke.tracking.TrackingStatus.HELD_FOR_PICKUP;
import static io.otodoke.tracking.TrackingStatus.IN_TRANSIT;
import static io.otodoke.tracking.TrackingStatus.LABEL_CREATED;
import static io.otodoke.tracking.TrackingStatus.OUT_FOR_DELIVERY;
import static io.otodoke.tracking.TrackingStatus.PICKED_UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.tracking.TrackingStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which status changes are milestones. */
class MilestoneMappingTest {

    static Optional<Milestone> of(TrackingStatus previous, TrackingStatus current) {
        return MilestoneListener.milestoneOf(previous, current);
    }

    @Test
    void theStagesOfADelivery() {
        assertThat(of(null, LABEL_CREATED)).contains(Milestone.TRACKING_NUMBER_ISSUED);
        assertThat(of(LABEL_CREATED, PICKED_UP)).contains(Milestone.HANDED_TO_CARRIER);
        assertThat(of(PICKED_UP, IN_TRANSIT)).isEmpty();
        assertThat(of(IN_TRANSIT, ARRIVED_AT_DELIVERY_BASE)).isEmpty();
        assertThat(of(ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY)).contains(Milestone.OUT_FOR_DELIVERY);
        assertThat(of(OUT_FOR_DELIVERY, DELIVERED)).contains(Milestone.DELIVERED);
    }

    @Test
    void aCarrierWithoutAPickupScanHandsOverWithItsFirstTransitScan() {
        assertThat(of(LABEL_CREATED, IN_TRANSIT)).contains(Milestone.HANDED_TO_CARRIER);
        assertThat(of(null, ARRIVED_AT_DELIVERY_BASE)).contains(Milestone.HANDED_TO_CARRIER);
    }

    @Test
    void theRedeliveryLoopAndProblems() {
        assertThat(of(OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED)).contains(Milestone.DELIVERY_ATTEMPTED);
        assertThat(of(DELIVERY_ATTEMPTED, HELD_FOR_PICKUP)).isEmpty();
        assertThat(of(HELD_FOR_PICKUP, OUT_FOR_DELIVERY)).contains(Milestone.OUT_FOR_DELIVERY);
        assertThat(of(IN_TRANSIT, EXCEPTION)).contains(Milestone.EXCEPTION);
    }

    @Test
    void aChangeOfReasonAloneIsNoMilestone() {
        assertThat(of(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY)).isEmpty();
    }
}
