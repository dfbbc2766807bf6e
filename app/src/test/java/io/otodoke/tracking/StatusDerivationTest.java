package io.otodoke.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.otodoke.tracking.StatusReason.*;
import static io.otodoke.tracking.TrackingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** status-model.md "Deriving the shipment status", case by case, on Japanese carrier histories. */
class StatusDerivationTest {

    static final Instant CREATED = Instant.parse("2026-08-10T03:00:00Z"); // 12:00 JST

    static TrackingStatus derive(List<TrackingEvent> events) {
        return StatusDerivation.derive(events, CREATED);
    }

    /** The status after each prefix of the history, as a user polling the page would have seen it. */
    static List<TrackingStatus> statusAfterEachRow(List<TrackingEvent> events) {
        List<TrackingStatus> seen = new ArrayList<>();
        for (int i = 1; i <= events.size(); i++) {
            seen.add(derive(events.subList(0, i)));
        }
        return seen;
    }

    @Nested
    class Journey {

        @Test
        void yamatoParcelFromAcceptanceToDelivery() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .row("発送済み", IN_TRANSIT, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店")
                    .row("配達店到着", ARRIVED_AT_DELIVERY_BASE, "08月11日 06:02", "大阪松原営業所（松原）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）")
                    .row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）")
                    .events();

            assertThat(statusAfterEachRow(page)).containsExactly(PICKED_UP, IN_TRANSIT, IN_TRANSIT,
                    ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY, DELIVERED);
            assertThat(StatusDerivation.deriveWithReason(page, CREATED).decidedBy()).isEqualTo(page.get(5));
        }

        @Test
        void realYamatoNekoposuDelivered() {
            // jp-yamato/sagawa-monitor-2026_766154809302_delivered.innertext.txt
            List<TrackingEvent> page = History.of("yamato")
                    .row("荷物受付", PICKED_UP, "08月06日 16:44", "埼玉日高営業所（日高中央）")
                    .row("発送済み", IN_TRANSIT, "08月06日 16:44", "埼玉日高営業所（日高中央）")
                    .row("配達完了", DELIVERED, "08月08日 09:08", "別府亀川営業所（別府亀川）")
                    .events();

            assertThat(derive(page)).isEqualTo(DELIVERED);
        }

        @Test
        void equalTimestampsAreResolvedBySourceSequenceNotByArrivalOrder() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .row("発送済み", IN_TRANSIT, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .events();
            List<TrackingEvent> reversed = new ArrayList<>(page);
            Collections.reverse(reversed);

            assertThat(derive(page)).isEqualTo(IN_TRANSIT);
            assertThat(derive(reversed)).isEqualTo(IN_TRANSIT);
        }

        @Test
        void japanPostDateOnlyRowFollowsTheTimedRowPrintedAboveIt() {
            // Sorting the date-only row at midnight would put the failed attempt before the arrival.
            List<TrackingEvent> page = History.of("japanpost")
                    .row("引受", PICKED_UP, "2026/08/10 16:00", "日高郵便局")
                    .row("通過", IN_TRANSIT, "2026/08/10 21:30", "新埼玉郵便局")
                    .row("到着", ARRIVED_AT_DELIVERY_BASE, "2026/08/11 07:30", "松原郵便局")
                    .row("ご不在のため持ち戻り", DELIVERY_ATTEMPTED, ABSENT, "2026/08/11", "松原郵便局")
                    .events();

            assertThat(derive(page)).isEqualTo(DELIVERY_ATTEMPTED);
        }
    }

    @Nested
    class RedeliveryLoop {

        @Test
        void isFollowedAsItHappened() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("配達店到着", ARRIVED_AT_DELIVERY_BASE, "08月11日 06:02", "大阪松原営業所（松原）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）")
                    .row("持戻（ご不在）", DELIVERY_ATTEMPTED, ABSENT, "08月11日 11:40", "大阪松原営業所（松原）")
                    .row("保管中", HELD_FOR_PICKUP, "08月11日 12:05", "大阪松原営業所（松原）")
                    .row("依頼受付（再配達）", HELD_FOR_PICKUP, RESCHEDULED, "08月11日 19:22", "大阪松原営業所（松原）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月12日 18:03", "大阪松原営業所（松原）")
                    .row("配達完了", DELIVERED, "08月12日 19:47", "大阪松原営業所（松原）")
                    .events();

            assertThat(statusAfterEachRow(page)).containsExactly(ARRIVED_AT_DELIVERY_BASE, OUT_FOR_DELIVERY,
                    DELIVERY_ATTEMPTED, HELD_FOR_PICKUP, HELD_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERED);
        }

        @Test
        void attemptReasonIsReported() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）")
                    .row("持戻（ご不在）", DELIVERY_ATTEMPTED, ABSENT, "08月11日 11:40", "大阪松原営業所（松原）")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(DELIVERY_ATTEMPTED);
            assertThat(derived.reason()).isEqualTo(ABSENT);
        }
    }

    @Nested
    class RequestAcknowledgement {

        @Test
        void redeliveryRequestAcceptedDoesNotMoveTheStatusOrItsReason() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("保管中（ご指定店）", HELD_FOR_PICKUP, COUNTER, "08月11日 12:05", "大阪松原営業所（松原）")
                    .row("依頼受付（再配達）", HELD_FOR_PICKUP, RESCHEDULED, "08月11日 19:22", "大阪松原営業所（松原）")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(HELD_FOR_PICKUP);
            assertThat(derived.reason()).isEqualTo(COUNTER);
            assertThat(derived.decidedBy()).isEqualTo(page.get(0));
        }

        @Test
        void aRescheduledEventWithANewStatusDoesMoveIt() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店")
                    .row("配達日・時間帯指定（保管中）", ARRIVED_AT_DELIVERY_BASE, RESCHEDULED, "08月11日 06:10",
                            "大阪松原営業所（松原）")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(ARRIVED_AT_DELIVERY_BASE);
            assertThat(derived.reason()).isEqualTo(RESCHEDULED);
        }
    }

    @Nested
    class UnknownEvents {

        @Test
        void doNotMoveTheStatus() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店")
                    .row("航空便遅延のお知らせ", UNKNOWN, "08月11日 06:10", null)
                    .events();

            assertThat(derive(page)).isEqualTo(IN_TRANSIT);
        }

        @Test
        void aloneLeaveTheLabelCreated() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("航空便遅延のお知らせ", UNKNOWN, "08月11日 06:10", null)
                    .events();

            assertThat(derive(page)).isEqualTo(LABEL_CREATED);
        }
    }

    @Nested
    class TerminalStickiness {

        @Test
        void outForDeliveryStampedAfterDeliveredStaysDelivered() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）")
                    .row("配達完了", DELIVERED, HANDED_OVER, "08月11日 11:08", "大阪松原営業所（松原）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 11:30", "大阪松原営業所（松原）")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(DELIVERED);
            assertThat(derived.reason()).isEqualTo(HANDED_OVER);
        }

        @Test
        void transitScanFromAnAggregatorAfterDeliveredStaysDelivered() {
            List<TrackingEvent> events = History.concat(
                    History.of("yamato").row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）").events(),
                    History.of("seventeentrack").row("InTransit", IN_TRANSIT, null,
                            EventTime.of(OffsetDateTime.parse("2026-08-11T15:00:00+09:00")), null).events());

            assertThat(derive(events)).isEqualTo(DELIVERED);
        }

        @Test
        void theFirstDeliveryDecides() {
            List<TrackingEvent> events = History.concat(
                    History.of("yamato").row("配達完了（宅配ボックス）", DELIVERED, PARCEL_LOCKER, "08月11日 11:08",
                            "大阪松原営業所（松原）").events(),
                    History.of("seventeentrack").row("Delivered", DELIVERED, null,
                            EventTime.of(OffsetDateTime.parse("2026-08-11T11:10:00+09:00")), null).events());

            assertThat(StatusDerivation.deriveWithReason(events, CREATED).reason()).isEqualTo(PARCEL_LOCKER);
        }

        @Test
        void anInvestigationCanFollowDelivered() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）")
                    .row("調査中", EXCEPTION, INVESTIGATING, "08月13日 10:00", "大阪松原営業所（松原）")
                    .events();

            assertThat(derive(page)).isEqualTo(EXCEPTION);
        }

        @Test
        void aSecondPickupOnTheSameWaybillDoesNotUndoTheDelivery() {
            // carriers.md §9: a return can reuse the waybill (shlee322/delivery-tracker #104)
            List<TrackingEvent> page = History.of("sagawa")
                    .row("集荷", PICKED_UP, "08月05日 15:00", "東京営業所")
                    .row("配達完了", DELIVERED, "08月06日 11:00", "大阪営業所")
                    .row("集荷", PICKED_UP, "08月12日 14:00", "大阪営業所")
                    .row("輸送中", IN_TRANSIT, "08月12日 20:00", "大阪営業所")
                    .row("配達完了", DELIVERED, "08月13日 10:00", "東京営業所")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(DELIVERED);
            assertThat(derived.decidedBy()).isEqualTo(page.get(1));
        }

        @Test
        void returnedIsFinal() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("返品完了", RETURNED, "08月20日 10:00", "埼玉日高営業所（日高中央）")
                    .row("調査中", EXCEPTION, INVESTIGATING, "08月21日 10:00", "埼玉日高営業所（日高中央）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月21日 11:00", "埼玉日高営業所（日高中央）")
                    .events();

            assertThat(derive(page)).isEqualTo(RETURNED);
        }

        @Test
        void cancelledIsNotUndoneByALabelButByACarrierScan() {
            History api = History.of("api")
                    .row("label", LABEL_CREATED, "08月10日 12:00", null)
                    .row("cancel", CANCELLED, "08月10日 13:00", null)
                    .row("label", LABEL_CREATED, "08月10日 14:00", null);
            assertThat(derive(api.events())).isEqualTo(CANCELLED);

            List<TrackingEvent> withPickup = History.concat(api.events(), History.of("yamato")
                    .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）").events());
            assertThat(derive(withPickup)).isEqualTo(PICKED_UP);
        }
    }

    @Nested
    class ReturnLeg {

        @Test
        void realYamatoReturnFollowedByFerrySwitchStaysReturning() {
            // jp-yamato/sagawa-monitor-2026_766171888193_returned-then-ferry.innertext.txt:
            // 陸・海上切替え and 返品 share 14:52, the page order puts 返品 second.
            List<TrackingEvent> page = History.of("yamato")
                    .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .row("発送済み", IN_TRANSIT, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                    .row("調査中", EXCEPTION, INVESTIGATING, "08月19日 07:50", "宜野湾営業所（普天間）")
                    .row("調査中", EXCEPTION, INVESTIGATING, "08月20日 07:56", "宜野湾営業所（普天間）")
                    .row("陸・海上切替え", IN_TRANSIT, "08月20日 14:52", "宜野湾営業所（大山）")
                    .row("返品", RETURNING_TO_SENDER, "08月20日 14:52", "宜野湾営業所（大山）")
                    .row("陸・海上切替え", IN_TRANSIT, "08月21日 01:58", "沖縄ベース")
                    .events();

            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(page, CREATED);
            assertThat(derived.status()).isEqualTo(RETURNING_TO_SENDER);
            assertThat(derived.decidedBy().rawText()).isEqualTo("返品");
            assertThat(statusAfterEachRow(page)).containsExactly(PICKED_UP, IN_TRANSIT, EXCEPTION, EXCEPTION,
                    IN_TRANSIT, RETURNING_TO_SENDER, RETURNING_TO_SENDER);
        }

        @Test
        void deliveryOnTheReturnLegIsTheReturnToTheSender() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("返品", RETURNING_TO_SENDER, "08月20日 14:52", "宜野湾営業所（大山）")
                    .row("配達中", OUT_FOR_DELIVERY, "08月23日 09:00", "埼玉日高営業所（日高中央）")
                    .row("配達完了", DELIVERED, "08月23日 11:00", "埼玉日高営業所（日高中央）")
                    .events();

            assertThat(statusAfterEachRow(page)).containsExactly(RETURNING_TO_SENDER, RETURNING_TO_SENDER, RETURNED);
        }

        @Test
        void movementAfterAnExceptionOnTheReturnLegResumesTheReturn() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("返品", RETURNING_TO_SENDER, "08月20日 14:52", "宜野湾営業所（大山）")
                    .row("調査中", EXCEPTION, INVESTIGATING, "08月21日 09:00", "沖縄ベース")
                    .row("陸・海上切替え", IN_TRANSIT, "08月22日 01:58", "沖縄ベース")
                    .events();

            assertThat(statusAfterEachRow(page)).containsExactly(RETURNING_TO_SENDER, EXCEPTION, RETURNING_TO_SENDER);
        }

        @Test
        void aReturnCanStartAfterDelivery() {
            List<TrackingEvent> page = History.of("yamato")
                    .row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）")
                    .row("返品", RETURNING_TO_SENDER, "08月14日 10:00", "大阪松原営業所（松原）")
                    .row("発送済み", IN_TRANSIT, "08月14日 18:00", "大阪松原営業所（松原）")
                    .events();

            assertThat(derive(page)).isEqualTo(RETURNING_TO_SENDER);
        }
    }

    @Nested
    class NotFound {

        static List<TrackingEvent> noRecordReceivedAt(Instant receivedAt) {
            return History.of("yamato").receivedAt(receivedAt)
                    .row("伝票番号未登録", NOT_FOUND, null, EventTime.of(receivedAt, EventTime.TOKYO), null)
                    .events();
        }

        @Test
        void aFreshLabelShowsLabelCreated() {
            Instant oneHourLater = CREATED.plus(Duration.ofHours(1));

            assertThat(derive(noRecordReceivedAt(oneHourLater))).isEqualTo(LABEL_CREATED);
            assertThat(derive(noRecordReceivedAt(CREATED.plus(Duration.ofHours(47).plusMinutes(59)))))
                    .isEqualTo(LABEL_CREATED);
        }

        @Test
        void after48HoursTheNumberIsNotFound() {
            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(
                    noRecordReceivedAt(CREATED.plus(Duration.ofHours(48))), CREATED);

            assertThat(derived.status()).isEqualTo(NOT_FOUND);
        }

        @Test
        void theLatestAnswerCounts() {
            List<TrackingEvent> polls = History.concat(
                    noRecordReceivedAt(CREATED.plus(Duration.ofHours(2))),
                    noRecordReceivedAt(CREATED.plus(Duration.ofHours(50))));

            assertThat(derive(polls)).isEqualTo(NOT_FOUND);
        }

        @Test
        void neverOverridesARealScan() {
            List<TrackingEvent> events = History.concat(
                    History.of("yamato").row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）").events(),
                    noRecordReceivedAt(CREATED.plus(Duration.ofDays(5))));

            assertThat(derive(events)).isEqualTo(PICKED_UP);
        }

        @Test
        void noEventsMeansTheLabelExists() {
            StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(List.of(), CREATED);

            assertThat(derived.status()).isEqualTo(LABEL_CREATED);
            assertThat(derived.decidedBy()).isNull();
        }
    }

    @Nested
    class OtherSources {

        @Test
        void preTransitReportedAfterTransitDoesNotMoveTheStatusBack() {
            // carriers.md §9: DHL Unified, "pre-transit can follow transit"
            List<TrackingEvent> events = History.of("dhl")
                    .row("The shipment has been picked up", PICKED_UP, null,
                            EventTime.of(OffsetDateTime.parse("2026-08-10T10:00:00+02:00")), "Bonn")
                    .row("The shipment has been processed", IN_TRANSIT, null,
                            EventTime.of(OffsetDateTime.parse("2026-08-10T18:00:00+02:00")), "Leipzig")
                    .row("The instruction data for this shipment have been provided", LABEL_CREATED, null,
                            EventTime.of(OffsetDateTime.parse("2026-08-10T19:00:00+02:00")), null)
                    .events();

            assertThat(derive(events)).isEqualTo(IN_TRANSIT);
        }

        @Test
        void anAggregatorsExpiredSaysNothingAboutTheParcel() {
            List<TrackingEvent> events = History.concat(
                    History.of("yamato").row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店").events(),
                    History.of("seventeentrack").row("Expired", EXPIRED, null,
                            EventTime.of(OffsetDateTime.parse("2026-10-10T00:00:00+09:00")), null).events());

            assertThat(derive(events)).isEqualTo(IN_TRANSIT);
        }

        @Test
        void theSameRowPolledAgainCountsOnce() {
            // Received again later, the 配達中 copy would otherwise sort after the fleet's scan.
            List<TrackingEvent> first = History.of("yamato")
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）").events();
            List<TrackingEvent> fleet = History.of("fleet").receivedAt(History.RECEIVED.plusSeconds(60))
                    .row("absent", DELIVERY_ATTEMPTED, ABSENT, "08月11日 08:15", null).events();
            List<TrackingEvent> again = History.of("yamato").receivedAt(History.RECEIVED.plusSeconds(3600))
                    .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）").events();

            List<TrackingEvent> before = History.concat(first, fleet);
            assertThat(derive(History.concat(before, again))).isEqualTo(derive(before)).isEqualTo(DELIVERY_ATTEMPTED);
        }
    }
}
