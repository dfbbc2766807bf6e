package io.otodoke.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.otodoke.tracking.StaleReason.*;
import static io.otodoke.tracking.TrackingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The staleness table of status-model.md, row by row. */
class StalenessTest {

    static final Instant CREATED = Instant.parse("2026-08-10T03:00:00Z"); // 12:00 JST
    static final StalenessThresholds T = StalenessThresholds.DEFAULTS;

    static Optional<StaleReason> domestic(TrackingStatus status, Instant lastEventAt, Instant lastCarrierScanAt,
                                          Instant now) {
        return Staleness.evaluate(status, lastEventAt, lastCarrierScanAt, CREATED, false, now, EventTime.TOKYO, T);
    }

    static Instant hoursAfter(Instant t, long hours) {
        return t.plus(Duration.ofHours(hours));
    }

    @Test
    void defaultsAreThoseOfTheDesign() {
        assertThat(T).isEqualTo(new StalenessThresholds(Duration.ofHours(48), Duration.ofHours(24),
                Duration.ofHours(72), Duration.ofDays(30)));
    }

    @Test
    void aLabelWithoutACarrierScanFor48HoursIsStale() {
        assertThat(domestic(LABEL_CREATED, null, null, hoursAfter(CREATED, 47))).isEmpty();
        assertThat(domestic(LABEL_CREATED, null, null, hoursAfter(CREATED, 48))).contains(NO_CARRIER_SCAN);
    }

    @Test
    void aNumberTheCarrierDoesNotKnowAfter48HoursIsStaleTheSameWay() {
        assertThat(domestic(NOT_FOUND, hoursAfter(CREATED, 49), null, hoursAfter(CREATED, 49)))
                .contains(NO_CARRIER_SCAN);
    }

    @Test
    void aHandoverKnownOnlyFromTheShopWaits48HoursForTheCarrier() {
        Instant handedOver = hoursAfter(CREATED, 20);

        assertThat(domestic(PICKED_UP, handedOver, null, hoursAfter(handedOver, 47))).isEmpty();
        assertThat(domestic(PICKED_UP, handedOver, null, hoursAfter(handedOver, 48))).contains(NO_CARRIER_SCAN);
    }

    @Test
    void aCarrierScannedPickupWithoutUpdateFor24HoursIsStale() {
        Instant accepted = hoursAfter(CREATED, 4);

        assertThat(domestic(PICKED_UP, accepted, accepted, hoursAfter(accepted, 23))).isEmpty();
        assertThat(domestic(PICKED_UP, accepted, accepted, hoursAfter(accepted, 24))).contains(NO_UPDATE);
    }

    @Test
    void inTransitWithoutUpdateFor24HoursIsStale() {
        Instant scan = hoursAfter(CREATED, 10);

        assertThat(domestic(IN_TRANSIT, scan, scan, hoursAfter(scan, 23))).isEmpty();
        assertThat(domestic(IN_TRANSIT, scan, scan, hoursAfter(scan, 24))).contains(NO_UPDATE);
    }

    @Test
    void anInternationalLegWaits72Hours() {
        Instant scan = hoursAfter(CREATED, 10);

        assertThat(Staleness.evaluate(IN_TRANSIT, scan, scan, CREATED, true, hoursAfter(scan, 71),
                EventTime.TOKYO, T)).isEmpty();
        assertThat(Staleness.evaluate(IN_TRANSIT, scan, scan, CREATED, true, hoursAfter(scan, 72),
                EventTime.TOKYO, T)).contains(NO_UPDATE);
    }

    @Test
    void outForDeliveryWhenTheLocalDayIsOverIsNotDeliveredToday() {
        Instant out = Instant.parse("2026-08-11T23:15:00Z"); // 08:15 JST on 08-12

        assertThat(domestic(OUT_FOR_DELIVERY, out, out, Instant.parse("2026-08-12T14:59:00Z"))).isEmpty(); // 23:59 JST
        assertThat(domestic(OUT_FOR_DELIVERY, out, out, Instant.parse("2026-08-12T15:00:00Z"))) // 00:00 JST
                .contains(NOT_DELIVERED_TODAY);
    }

    @ParameterizedTest
    @EnumSource(value = TrackingStatus.class, names = {"DELIVERED", "RETURNED", "CANCELLED", "EXPIRED"})
    void finishedShipmentsAreNeverStaleNorExpire(TrackingStatus finished) {
        Instant longAfter = hoursAfter(CREATED, 24 * 90);

        assertThat(domestic(finished, CREATED, CREATED, longAfter)).isEmpty();
        assertThat(Staleness.shouldExpire(finished, CREATED, CREATED, longAfter, T)).isFalse();
    }

    @Test
    void aParcelWaitingForTheRecipientIsNotStale() {
        assertThat(domestic(HELD_FOR_PICKUP, CREATED, CREATED, hoursAfter(CREATED, 24 * 6))).isEmpty();
    }

    @Test
    void unfinishedFor30DaysExpires() {
        Instant lastScan = hoursAfter(CREATED, 30);

        assertThat(Staleness.shouldExpire(IN_TRANSIT, lastScan, CREATED, lastScan.plus(Duration.ofDays(30)).minusSeconds(1), T))
                .isFalse();
        assertThat(Staleness.shouldExpire(IN_TRANSIT, lastScan, CREATED, lastScan.plus(Duration.ofDays(30)), T))
                .isTrue();
        assertThat(Staleness.shouldExpire(LABEL_CREATED, null, CREATED, CREATED.plus(Duration.ofDays(30)), T))
                .isTrue();
    }

    @Test
    void unknownIsNotAShipmentStatus() {
        assertThatIllegalArgumentException().isThrownBy(() -> domestic(UNKNOWN, CREATED, CREATED, CREATED));
    }
}
