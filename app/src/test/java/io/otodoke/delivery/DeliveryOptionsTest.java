package io.otodoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.tracking.Handling;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The rules of what may be changed: carrier × status × product × clock, each asserted on its own. */
class DeliveryOptionsTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A Tuesday morning in Japan. */
    static final Instant MORNING = LocalDate.of(2026, 12, 1).atTime(9, 30).atZone(TOKYO).toInstant();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    final CarrierChangeDirectory carriers = new CarrierChangeDirectory(DeliveryProperties.defaults());

    static ShipmentView shipment(String carrier, TrackingStatus status, Handling handling) {
        return new ShipmentView(7, 1, 3L, ShipmentLeg.OUTBOUND, carrier, "123456789012", status, null, MORNING, null,
                null, null, List.of(), handling, null);
    }

    DeliveryOptions.Options options(String carrier, TrackingStatus status, Handling handling, Instant now) {
        return DeliveryOptions.of(shipment(carrier, status, handling), carriers.of(carrier), DeliveryProperties.defaults(),
                now);
    }

    DeliveryOptions.Options options(String carrier, TrackingStatus status) {
        return options(carrier, status, Handling.NONE, MORNING);
    }

    @ParameterizedTest(name = "{0}: {1} and places {2}")
    @CsvSource(delimiter = '|', textBlock = """
            yamato    | AM,14-16,16-18,18-20,19-21         | SAFE_PLACE,BRANCH,CONVENIENCE_STORE,LOCKER
            japanpost | AM,12-14,14-16,16-18,18-20,19-21   | SAFE_PLACE,BRANCH,CONVENIENCE_STORE,LOCKER
            sagawa    | AM,12-14,14-16,16-18,18-20,18-21,19-21 | SAFE_PLACE,BRANCH
            own_fleet | AM,14-16,16-18,18-20,19-21         | SAFE_PLACE
            """)
    void eachCarrierOffersItsPublishedSlotsAndPlaces(String carrier, String slots, String places) {
        DeliveryOptions.Options o = options(carrier, TrackingStatus.IN_TRANSIT);
        assertThat(o.dates().get(1).slots()).extracting(TimeSlot::code).containsExactly(slots.split(","));
        assertThat(o.places()).extracting(Place::name).containsExactly(places.split(","));
    }

    @Test
    void anOutsideCarrierConfirmsOnItsOwnPageWithTheNumberFilledInWhereThePageTakesIt() {
        DeliveryOptions.Options yamato = options("yamato", TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(yamato.appliedByOtodoke()).isFalse();
        assertThat(yamato.carrierPage().url()).isEqualTo("https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=123456789012");
        assertThat(yamato.carrierPage().numberFilledIn()).isTrue();
        DeliveryOptions.Options post = options("japanpost", TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(post.carrierPage().url()).isEqualTo("https://trackings.post.japanpost.jp/delivery/deli/");
        assertThat(post.carrierPage().numberFilledIn()).isFalse();
        assertThat(post.carrierPage().trackingNumber()).isEqualTo("123456789012");
        DeliveryOptions.Options own = options("own_fleet", TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(own.appliedByOtodoke()).isTrue();
        assertThat(own.carrierPage()).isNull();
    }

    @Test
    void aCarrierWithoutRulesOffersNothing() {
        DeliveryOptions.Options o = options("dhl_express", TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(o.kinds()).isEmpty();
        assertThat(o.unavailable()).isEqualTo(DeliveryOptions.Unavailable.CARRIER_NOT_SUPPORTED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DELIVERED           | FINISHED
            RETURNED            | FINISHED
            CANCELLED           | FINISHED
            EXPIRED             | FINISHED
            RETURNING_TO_SENDER | RETURN_LEG
            EXCEPTION           | NEEDS_ATTENTION
            NOT_FOUND           | NOT_WITH_CARRIER_YET
            PREPARING           | NOT_WITH_CARRIER_YET
            """)
    void nothingIsOfferedAfterDeliveryOrWhenTheParcelIsNotOnItsWay(TrackingStatus status,
                                                                  DeliveryOptions.Unavailable why) {
        for (String carrier : List.of("yamato", "japanpost", "sagawa", "own_fleet")) {
            DeliveryOptions.Options o = options(carrier, status);
            assertThat(o.kinds()).as(carrier).isEmpty();
            assertThat(o.dates()).as(carrier).isEmpty();
            assertThat(o.places()).as(carrier).isEmpty();
            assertThat(o.unavailable()).as(carrier).isEqualTo(why);
        }
    }

    @Test
    void aReturnLegOffersNothingWhateverItsStatus() {
        ShipmentView ret = new ShipmentView(7, 1, 3L, ShipmentLeg.RETURN, "yamato", "1", TrackingStatus.IN_TRANSIT, null,
                MORNING, null, null, null, List.of(), Handling.NONE, null);
        assertThat(DeliveryOptions.of(ret, carriers.of("yamato"), DeliveryProperties.defaults(), MORNING).unavailable())
                .isEqualTo(DeliveryOptions.Unavailable.RETURN_LEG);
    }

    @ParameterizedTest
    @EnumSource(value = TrackingStatus.class, names = {"DELIVERY_ATTEMPTED", "HELD_FOR_PICKUP"})
    void redeliveryOnlyAfterAnAttemptOrWhileHeld(TrackingStatus status) {
        for (String carrier : List.of("yamato", "japanpost", "sagawa", "own_fleet")) {
            assertThat(options(carrier, status).kinds()).as(carrier)
                    .containsExactly(ChangeKind.REDELIVERY, ChangeKind.CHANGE_PLACE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrackingStatus.class, names = {"LABEL_CREATED", "PICKED_UP", "IN_TRANSIT",
            "ARRIVED_AT_DELIVERY_BASE", "OUT_FOR_DELIVERY"})
    void beforeTheFirstAttemptANewDateIsAReschedulingNotARedelivery(TrackingStatus status) {
        for (String carrier : List.of("yamato", "japanpost", "sagawa", "own_fleet")) {
            assertThat(options(carrier, status).kinds()).as(carrier)
                    .containsExactly(ChangeKind.RESCHEDULE, ChangeKind.CHANGE_PLACE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cash on delivery   | true  | false | false | BRANCH,CONVENIENCE_STORE        | CASH_ON_DELIVERY
            cool               | false | true  | false | BRANCH                          | COOL
            signature required | false | false | true  | BRANCH,CONVENIENCE_STORE,LOCKER | SIGNATURE_REQUIRED
            none               | false | false | false | SAFE_PLACE,BRANCH,CONVENIENCE_STORE,LOCKER |
            """)
    void noSafePlaceForCashOnDeliveryCoolOrSignatureRequired(String name, boolean cod, boolean cool, boolean signature,
                                                              String places, String restriction) {
        DeliveryOptions.Options o = options("yamato", TrackingStatus.DELIVERY_ATTEMPTED, new Handling(cod, cool, signature),
                MORNING);
        assertThat(o.places()).extracting(Place::name).containsExactly(places.split(","));
        assertThat(o.safePlaceSpots()).isEqualTo(places.contains("SAFE_PLACE") ? List.of(SafePlaceSpot.values()) : List.of());
        assertThat(o.restrictions()).extracting(Enum::name)
                .containsExactly(restriction == null ? new String[0] : new String[] {restriction});
    }

    @Test
    void theOwnFleetWithACoolParcelHasNoPlaceToOfferSoOnlyADate() {
        DeliveryOptions.Options o = options("own_fleet", TrackingStatus.IN_TRANSIT, new Handling(false, true, false), MORNING);
        assertThat(o.kinds()).containsExactly(ChangeKind.RESCHEDULE);
        assertThat(o.places()).isEmpty();
    }

    @Test
    void todaysSlotsStartAtLeastTheLeadTimeLaterAndTheWeekAheadIsOpen() {
        DeliveryOptions.Options o = options("yamato", TrackingStatus.DELIVERY_ATTEMPTED); // 09:30, lead 2 h
        assertThat(o.dates().getFirst().date()).isEqualTo(TODAY);
        assertThat(o.dates().getFirst().slots()).extracting(TimeSlot::code).containsExactly("14-16", "16-18", "18-20", "19-21");
        assertThat(o.dates()).hasSize(7);
        assertThat(o.dates().getLast().date()).isEqualTo(TODAY.plusDays(6));
        assertThat(o.slot(TODAY.plusDays(1), "AM")).isPresent();
        assertThat(o.slot(TODAY, "AM")).isEmpty();
        assertThat(o.slot(TODAY.plusDays(7), "AM")).isEmpty();
    }

    @Test
    void atFiveInTheAfternoonOnlyTheEveningSlotsOfTodayRemain() {
        Instant five = TODAY.atTime(17, 0).atZone(TOKYO).toInstant();
        DeliveryOptions.Options o = options("yamato", TrackingStatus.DELIVERY_ATTEMPTED, Handling.NONE, five);
        assertThat(o.dates().getFirst().slots()).extracting(TimeSlot::code).containsExactly("19-21");
    }

    @Test
    void afterTheSameDayCutOffTodayIsGoneEvenIfASlotWouldStartLateEnough() {
        DeliveryProperties cutoffAtFour = new DeliveryProperties(LocalTime.of(16, 0), Duration.ofMinutes(30), 7, null);
        Instant half = TODAY.atTime(16, 30).atZone(TOKYO).toInstant();
        DeliveryOptions.Options o = DeliveryOptions.of(shipment("yamato", TrackingStatus.DELIVERY_ATTEMPTED, Handling.NONE),
                carriers.of("yamato"), cutoffAtFour, half);
        assertThat(o.dates().getFirst().date()).isEqualTo(TODAY.plusDays(1));
        Instant before = TODAY.atTime(15, 59).atZone(TOKYO).toInstant();
        assertThat(DeliveryOptions.of(shipment("yamato", TrackingStatus.DELIVERY_ATTEMPTED, Handling.NONE),
                carriers.of("yamato"), cutoffAtFour, before).dates().getFirst().slots())
                .extracting(TimeSlot::code).containsExactly("18-20", "19-21");
    }

    @Test
    void whileTheVanIsOutTodayCannotBeChosen() {
        DeliveryOptions.Options o = options("own_fleet", TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(o.dates().getFirst().date()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void theDayIsJapansNotTheServers() {
        // 23:30 UTC on 30 November is 08:30 on 1 December in Japan.
        Instant lateUtc = Instant.parse("2026-11-30T23:30:00Z");
        DeliveryOptions.Options o = options("yamato", TrackingStatus.IN_TRANSIT, Handling.NONE, lateUtc);
        assertThat(o.dates().getFirst().date()).isEqualTo(TODAY);
        assertThat(o.dates().getFirst().slots()).extracting(TimeSlot::code).startsWith("14-16");
    }

    @Test
    void theOwnFleetsSlotsAreConfigurable() {
        DeliveryProperties p = new DeliveryProperties(null, null, 3, List.of("9-12", "17-19"));
        CarrierChangeDirectory configured = new CarrierChangeDirectory(p);
        DeliveryOptions.Options o = DeliveryOptions.of(shipment("own_fleet", TrackingStatus.IN_TRANSIT, Handling.NONE),
                configured.of("own_fleet"), p, MORNING);
        assertThat(o.dates()).hasSize(3);
        assertThat(o.dates().get(1).slots()).extracting(TimeSlot::code).containsExactly("9-12", "17-19");
        assertThat(configured.of("yamato").orElseThrow().slots()).extracting(TimeSlot::code).contains("19-21");
    }

    @ParameterizedTest
    @CsvSource({"AM,08:00,12:00", "14-16,14:00,16:00", "19-21,19:00,21:00", "9-12,09:00,12:00"})
    void slotCodes(String code, LocalTime start, LocalTime end) {
        TimeSlot s = TimeSlot.parse(code);
        assertThat(s.start()).isEqualTo(start);
        assertThat(s.end()).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource({"PM", "16-14", "18-25", "1800-2000", "''"})
    void badSlotCodesAreRefused(String code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeSlot.parse(code))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
