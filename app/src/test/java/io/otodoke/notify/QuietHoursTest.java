package io.otodoke.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiet hours against fixed clocks, in Japan time (+09:00): deferred to the end, unless let through. */
class QuietHoursTest {

    static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), Set.of());

    static Instant japan(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    @Test
    void aMessageAt23HoursWaitsUntil8NextMorning() {
        assertThat(DEFAULT.sendAt(Milestone.HANDED_TO_CARRIER, japan("2026-11-20T23:15:00")))
                .isEqualTo(japan("2026-11-21T08:00:00"));
    }

    @Test
    void aMessageAfterMidnightWaitsUntil8TheSameMorning() {
        assertThat(DEFAULT.sendAt(Milestone.DELIVERY_ATTEMPTED, japan("2026-11-21T06:59:00")))
                .isEqualTo(japan("2026-11-21T08:00:00"));
    }

    @Test
    void outsideQuietHoursItIsSentAtOnce() {
        assertThat(DEFAULT.sendAt(Milestone.OUT_FOR_DELIVERY, japan("2026-11-21T08:00:00"))).isEqualTo(japan("2026-11-21T08:00:00"));
        assertThat(DEFAULT.sendAt(Milestone.OUT_FOR_DELIVERY, japan("2026-11-21T20:59:59"))).isEqualTo(japan("2026-11-21T20:59:59"));
    }

    @Test
    void deliveryDayMilestonesTheUserLetThroughAreSentDuringQuietHours() {
        QuietHours q = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0),
                Set.of(Milestone.ARRIVING_SOON, Milestone.EXCEPTION));
        assertThat(q.sendAt(Milestone.ARRIVING_SOON, japan("2026-11-20T21:30:00"))).isEqualTo(japan("2026-11-20T21:30:00"));
        // only delivery-day milestones can be let through
        assertThat(q.sendAt(Milestone.EXCEPTION, japan("2026-11-20T21:30:00"))).isEqualTo(japan("2026-11-21T08:00:00"));
        assertThat(q.sendAt(Milestone.DELIVERED, japan("2026-11-20T21:30:00"))).isEqualTo(japan("2026-11-21T08:00:00"));
    }

    @Test
    void aPeriodWithinOneDayAndNoPeriodAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), Set.of());
        assertThat(lunch.sendAt(Milestone.DELIVERED, japan("2026-11-20T12:30:00"))).isEqualTo(japan("2026-11-20T13:00:00"));
        assertThat(lunch.sendAt(Milestone.DELIVERED, japan("2026-11-20T13:30:00"))).isEqualTo(japan("2026-11-20T13:30:00"));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
        assertThat(none.sendAt(Milestone.DELIVERED, japan("2026-11-20T03:00:00"))).isEqualTo(japan("2026-11-20T03:00:00"));
    }

    @Test
    void newsAboutTheVanIsOutOfDateOnceTheParcelIsNoLongerOutForDelivery() {
        assertThat(Milestone.ARRIVING_SOON.outdatedWhen(false)).isTrue();
        assertThat(Milestone.STOPS_AWAY.outdatedWhen(false)).isTrue();
        assertThat(Milestone.ARRIVING_SOON.outdatedWhen(true)).isFalse();
        assertThat(Milestone.DELIVERED.outdatedWhen(false)).isFalse();
        assertThat(Milestone.DELIVERY_ATTEMPTED.outdatedWhen(false)).isFalse();
    }
}
