package io.otodoke.tracking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** status-model.md "A tracking event" and carriers.md §9: {@code MM月DD日 HH:mm} has no year. */
class YearInferenceTest {

    @Test
    void aRowInTheAnchorsMonthIsInTheAnchorsYear() {
        // 09月23日 11:08 on a page queried for a shipment created on 2026-09-22
        assertThat(YearInference.infer(MonthDay.of(9, 23), LocalTime.of(11, 8),
                LocalDate.of(2026, 9, 22), LocalDate.of(2026, 9, 24)))
                .isEqualTo(LocalDateTime.of(2026, 9, 23, 11, 8));
    }

    @Test
    void decemberRollsOverToJanuary() {
        LocalDate shipped = LocalDate.of(2026, 12, 28);

        assertThat(YearInference.infer(MonthDay.of(12, 30), LocalTime.of(20, 15), shipped, LocalDate.of(2027, 1, 4)))
                .isEqualTo(LocalDateTime.of(2026, 12, 30, 20, 15));
        assertThat(YearInference.infer(MonthDay.of(1, 3), LocalTime.of(9, 40), shipped, LocalDate.of(2027, 1, 4)))
                .isEqualTo(LocalDateTime.of(2027, 1, 3, 9, 40));
    }

    @Test
    void aDecemberScanOfAShipmentRegisteredInJanuaryIsInThePreviousYear() {
        // The user registered the number after New Year; the pickup happened before it.
        assertThat(YearInference.inferDate(MonthDay.of(12, 30), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 2)))
                .isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void sagawasShipDateAnchorsTheHistory() {
        // 出荷日 2026年11月29日; history row 12/01 10:12
        assertThat(YearInference.infer(MonthDay.of(12, 1), LocalTime.of(10, 12),
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 2)))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 12));
    }

    @Test
    void neverMoreThanADayInTheFuture() {
        LocalDate anchor = LocalDate.of(2027, 1, 2);
        LocalDate today = LocalDate.of(2027, 1, 2);

        // Nearest to the anchor would be 2027-01-05, three days ahead of today: the previous year.
        assertThat(YearInference.inferDate(MonthDay.of(1, 5), anchor, today)).isEqualTo(LocalDate.of(2026, 1, 5));
        // Tomorrow is allowed: the server's date can lag Japan's by a day.
        assertThat(YearInference.inferDate(MonthDay.of(1, 3), anchor, today)).isEqualTo(LocalDate.of(2027, 1, 3));
    }

    @Test
    void february29thIsPlacedInALeapYear() {
        assertThat(YearInference.inferDate(MonthDay.of(2, 29), LocalDate.of(2028, 2, 27), LocalDate.of(2028, 3, 1)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
        // Anchor in a common year: the nearest leap year that is not in the future.
        assertThat(YearInference.inferDate(MonthDay.of(2, 29), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 2)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
        // 02-28 is never silently taken for 02-29.
        assertThat(YearInference.inferDate(MonthDay.of(2, 28), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 2)))
                .isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void february29thThatFitsNoYearIsAnError() {
        // 2028-02-29 is far after "today"; 2024-02-29 is beyond four years before the anchor 2029.
        assertThatIllegalArgumentException().isThrownBy(() ->
                YearInference.inferDate(MonthDay.of(2, 29), LocalDate.of(2029, 3, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aDateOnlyRowBecomesADayPrecisionEventTime() {
        EventTime dateOnly = YearInference.eventTime(MonthDay.of(8, 11), null,
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 12), EventTime.TOKYO);
        EventTime timed = YearInference.eventTime(MonthDay.of(8, 11), LocalTime.of(7, 30),
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 12), EventTime.TOKYO);

        assertThat(dateOnly).isEqualTo(EventTime.day(LocalDate.of(2026, 8, 11), EventTime.TOKYO));
        assertThat(timed.precision()).isEqualTo(TimePrecision.MINUTE);
        assertThat(timed.local()).isEqualTo(LocalDateTime.of(2026, 8, 11, 7, 30));
    }
}
