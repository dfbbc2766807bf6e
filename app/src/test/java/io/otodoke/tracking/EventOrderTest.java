package io.otodoke.tracking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static io.otodoke.tracking.TrackingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** status-model.md step 1 and carriers.md §9 "Ordering". */
class EventOrderTest {

    @Test
    void equalTimestampsKeepThePageOrder() {
        // Yamato prints 荷物受付 and 発送済み at the same minute; the page order is the tie-breaker.
        List<TrackingEvent> page = History.of("yamato")
                .row("荷物受付", PICKED_UP, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                .row("発送済み", IN_TRANSIT, "08月10日 16:13", "埼玉日高営業所（日高中央）")
                .events();

        assertThat(EventOrder.sort(List.of(page.get(1), page.get(0)))).containsExactlyElementsOf(page);
    }

    @Test
    void dateOnlyRowsStayWhereTheSourcePrintedThem() {
        List<TrackingEvent> page = History.of("japanpost")
                .row("引受", PICKED_UP, "2026/08/10 16:00", "日高郵便局")
                .row("通過", IN_TRANSIT, "2026/08/11", "新埼玉郵便局")        // first row of its day
                .row("到着", ARRIVED_AT_DELIVERY_BASE, "2026/08/11 07:30", "松原郵便局")
                .row("ご不在のため持ち戻り", DELIVERY_ATTEMPTED, "2026/08/11", "松原郵便局")
                .row("保管", HELD_FOR_PICKUP, "2026/08/11", "松原郵便局")
                .row("お届け先にお届け済み", DELIVERED, "2026/08/12 10:05", "松原郵便局")
                .events();
        List<TrackingEvent> shuffled = new ArrayList<>(page);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(EventOrder.sort(shuffled)).containsExactlyElementsOf(page);

        EventOrder order = EventOrder.of(page);
        Instant arrival = page.get(2).occurredAt().instant();
        assertThat(order.effectiveTime(page.get(1))).isEqualTo(page.get(1).occurredAt().instant());
        assertThat(order.effectiveTime(page.get(3))).isEqualTo(arrival);
        assertThat(order.effectiveTime(page.get(4))).isEqualTo(arrival);
    }

    @Test
    void aDateOnlyRowIsNotPlacedAfterAnotherSourcesScanOfTheSameDay() {
        // Only the row's own source tells where it belongs; another source's 09:00 scan does not.
        List<TrackingEvent> japanPost = History.of("japanpost")
                .row("到着", ARRIVED_AT_DELIVERY_BASE, "2026/08/11", "松原郵便局").events();
        List<TrackingEvent> aggregator = History.of("seventeentrack")
                .row("Out for delivery", OUT_FOR_DELIVERY, null,
                        EventTime.of(OffsetDateTime.parse("2026-08-11T09:00:00+09:00")), null).events();

        assertThat(EventOrder.sort(History.concat(aggregator, japanPost)))
                .containsExactly(japanPost.getFirst(), aggregator.getFirst());
    }

    @Test
    void timeComesBeforeSequenceAcrossSources() {
        List<TrackingEvent> yamato = History.of("yamato")
                .row("荷物受付", PICKED_UP, "08月10日 16:13", null)
                .row("発送済み", IN_TRANSIT, "08月10日 16:13", null)
                .row("配達店到着", ARRIVED_AT_DELIVERY_BASE, "08月11日 06:02", null).events();
        List<TrackingEvent> aggregator = History.of("seventeentrack")
                .row("InTransit", IN_TRANSIT, null, EventTime.of(OffsetDateTime.parse("2026-08-10T22:00:00+09:00")), null)
                .events();

        assertThat(EventOrder.sort(History.concat(yamato, aggregator)))
                .containsExactly(yamato.get(0), yamato.get(1), aggregator.getFirst(), yamato.get(2));
    }

    @Test
    void receivedAtBreaksTheNextTie() {
        List<TrackingEvent> early = History.of("fleet").receivedAt(Instant.parse("2026-08-11T00:00:00Z"))
                .row("out", OUT_FOR_DELIVERY, "08月11日 08:15", null).events();
        List<TrackingEvent> late = History.of("api").receivedAt(Instant.parse("2026-08-11T00:05:00Z"))
                .row("out", OUT_FOR_DELIVERY, "08月11日 08:15", null).events();

        assertThat(EventOrder.sort(History.concat(late, early))).containsExactly(early.getFirst(), late.getFirst());
    }

    @Test
    void differentEventsNeverCompareEqual() {
        TrackingEvent event = History.of("yamato").row("配達完了", DELIVERED, "08月11日 11:08", "松原").get(0);
        TrackingEvent otherPostalCode = new TrackingEvent(event.source(), event.rawCode(), event.rawText(),
                event.status(), event.reason(), event.occurredAt(),
                new EventLocation("松原", "580-0000", null, null, null, null),
                event.sourceSequence(), event.receivedAt());
        EventOrder order = EventOrder.of(List.of(event, otherPostalCode));

        assertThat(order.compare(event, otherPostalCode)).isNotZero();
        assertThat(Integer.signum(order.compare(event, otherPostalCode)))
                .isEqualTo(-Integer.signum(order.compare(otherPostalCode, event)));
        assertThat(order.compare(event, event)).isZero();
    }

    @Test
    void anEventOutsideTheSetIsTakenAtItsOwnTime() {
        List<TrackingEvent> page = History.of("japanpost")
                .row("到着", ARRIVED_AT_DELIVERY_BASE, "2026/08/11 07:30", "松原郵便局")
                .row("保管", HELD_FOR_PICKUP, "2026/08/11", "松原郵便局").events();
        EventOrder withoutTheTimedRow = EventOrder.of(List.of(page.get(1)));

        assertThat(withoutTheTimedRow.effectiveTime(page.get(1))).isEqualTo(page.get(1).occurredAt().instant());
        assertThat(withoutTheTimedRow.compare(page.get(1), page.get(0))).isNegative();
    }
}
