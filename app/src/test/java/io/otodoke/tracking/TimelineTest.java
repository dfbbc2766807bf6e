package io.otodoke.tracking;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.otodoke.tracking.StatusReason.*;
import static io.otodoke.tracking.TrackingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** status-model.md rules 2 and 6: every event shown, the same scan from several sources once. */
class TimelineTest {

    static List<TrackingEvent> seventeenTrack(TrackingStatus status, String text, String isoTime, String place) {
        return History.of("seventeentrack")
                .row(text, status, null, EventTime.of(OffsetDateTime.parse(isoTime)), place).events();
    }

    @Test
    void showsTheRedeliveryLoopAndTheAcknowledgementAsTheyHappened() {
        List<TrackingEvent> page = History.of("yamato")
                .row("配達中", OUT_FOR_DELIVERY, "08月11日 08:15", "大阪松原営業所（松原）")
                .row("持戻（ご不在）", DELIVERY_ATTEMPTED, ABSENT, "08月11日 11:40", "大阪松原営業所（松原）")
                .row("保管中", HELD_FOR_PICKUP, "08月11日 12:05", "大阪松原営業所（松原）")
                .row("依頼受付（再配達）", HELD_FOR_PICKUP, RESCHEDULED, "08月11日 19:22", "大阪松原営業所（松原）")
                .row("配達中", OUT_FOR_DELIVERY, "08月12日 18:03", "大阪松原営業所（松原）")
                .row("配達完了", DELIVERED, "08月12日 19:47", "大阪松原営業所（松原）")
                .events();

        assertThat(Timeline.of(page)).extracting(TimelineEntry::rawText)
                .containsExactly("配達中", "持戻（ご不在）", "保管中", "依頼受付（再配達）", "配達中", "配達完了");
    }

    @Test
    void theSameScanFromACarrierAndAnAggregatorIsShownOnceWithBothSources() {
        List<TrackingEvent> yamato = History.of("yamato")
                .row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）").events();
        List<TrackingEvent> aggregator = seventeenTrack(DELIVERED, "Delivered", "2026-08-11T11:09:00+09:00", null);

        List<TimelineEntry> timeline = Timeline.of(History.concat(aggregator, yamato));

        assertThat(timeline).hasSize(1);
        TimelineEntry entry = timeline.getFirst();
        assertThat(entry.sources()).containsExactly("yamato", "seventeentrack");
        assertThat(entry.rawText()).isEqualTo("配達完了");
        assertThat(entry.location().name()).isEqualTo("大阪松原営業所（松原）");
    }

    @Test
    void theNamedPlaceIsShownEvenWhenTheUnnamedReportCameFirst() {
        List<TrackingEvent> aggregator = seventeenTrack(IN_TRANSIT, "InTransit", "2026-08-10T22:40:00+09:00", null);
        List<TrackingEvent> yamato = History.of("yamato")
                .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店").events();

        List<TimelineEntry> timeline = Timeline.of(History.concat(yamato, aggregator));

        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.sources()).containsExactly("seventeentrack", "yamato");
            assertThat(entry.location().name()).isEqualTo("埼玉川越ベース店");
        });
    }

    @Test
    void reportsMoreThanTwoMinutesApartAreTwoScans() {
        List<TrackingEvent> yamato = History.of("yamato")
                .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店").events();
        List<TrackingEvent> aggregator = seventeenTrack(IN_TRANSIT, "InTransit", "2026-08-10T22:44:00+09:00", null);

        assertThat(Timeline.of(History.concat(yamato, aggregator))).hasSize(2);
    }

    @Test
    void reportsFromDifferentPlacesAreTwoScans() {
        List<TrackingEvent> yamato = History.of("yamato")
                .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店").events();
        List<TrackingEvent> aggregator = seventeenTrack(IN_TRANSIT, "InTransit", "2026-08-10T22:41:00+09:00", "羽田クロノゲート");

        assertThat(Timeline.of(History.concat(yamato, aggregator))).hasSize(2);
    }

    @Test
    void twoRowsOfOneSourceAreTwoScansEvenAtTheSameMinute() {
        List<TrackingEvent> page = History.of("yamato")
                .row("陸・海上切替え", IN_TRANSIT, "08月20日 14:52", "宜野湾営業所（大山）")
                .row("陸・海上切替え", IN_TRANSIT, "08月20日 14:52", "宜野湾営業所（大山）")
                .events();

        assertThat(Timeline.of(page)).hasSize(2);
    }

    @Test
    void anExactDuplicateIsShownOnce() {
        List<TrackingEvent> page = History.of("yamato")
                .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）").events();

        assertThat(Timeline.of(History.concat(page, page))).singleElement()
                .satisfies(entry -> assertThat(entry.sources()).containsExactly("yamato"));
    }

    @Test
    void theSameRowPolledAgainLaterIsShownOnce() {
        List<TrackingEvent> first = History.of("yamato")
                .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）").events();
        List<TrackingEvent> again = History.of("yamato").receivedAt(History.RECEIVED.plusSeconds(3600))
                .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）").events();

        assertThat(Timeline.of(History.concat(first, again))).hasSize(1);
    }

    @Test
    void unknownWordingIsShownWithItsRawText() {
        List<TrackingEvent> page = History.of("yamato")
                .row("作業店通過", IN_TRANSIT, "08月10日 22:41", "埼玉川越ベース店")
                .row("航空便遅延のお知らせ", UNKNOWN, "08月11日 06:10", null)
                .events();

        assertThat(Timeline.of(page)).extracting(TimelineEntry::status).containsExactly(IN_TRANSIT, UNKNOWN);
    }

    @Test
    void isOldestFirstAcrossSources() {
        List<TrackingEvent> yamato = History.of("yamato")
                .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                .row("配達完了", DELIVERED, "08月11日 11:08", "大阪松原営業所（松原）").events();
        List<TrackingEvent> aggregator = seventeenTrack(IN_TRANSIT, "InTransit", "2026-08-10T22:40:00+09:00", null);

        assertThat(Timeline.of(History.concat(yamato, aggregator))).extracting(TimelineEntry::status)
                .containsExactly(PICKED_UP, IN_TRANSIT, DELIVERED);
    }

    @Test
    void aCarrierSayingDailyThatItDoesNotKnowTheNumberIsOneLineTheLatest() {
        List<TrackingEvent> days = new java.util.ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            days.add(new TrackingEvent("japanpost", "NOT_FOUND", null, NOT_FOUND, null,
                    EventTime.day(java.time.LocalDate.of(2026, 11, day), EventTime.TOKYO), null, 0, History.RECEIVED));
        }
        assertThat(Timeline.of(days)).singleElement()
                .satisfies(e -> assertThat(e.occurredAt().date()).isEqualTo(java.time.LocalDate.of(2026, 11, 3)));

        List<TrackingEvent> thenFound = History.concat(days, History.of("japanpost")
                .row("引受", PICKED_UP, "2026/11/04 09:00", "大森郵便局").events());
        assertThat(Timeline.of(thenFound)).extracting(TimelineEntry::status).containsExactly(NOT_FOUND, PICKED_UP);
    }
}
