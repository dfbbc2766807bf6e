package io.otodoke.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * status-model.md rule 4 for all inputs: the derived status and the timeline do not depend on the
 * order in which events arrive, and ingesting an event again changes nothing. Generated events
 * look like one parcel's: three sources, times within four days on a 90-minute grid (so equal
 * timestamps are common), minute and date-only precision mixed, short source sequences.
 */
class StatusDerivationProperties {

    static final LocalDateTime START = LocalDateTime.of(2026, 8, 10, 8, 0);
    static final Instant RECEIVED = Instant.parse("2026-08-14T00:00:00Z");

    @Property
    void deriveAndTimelineDoNotDependOnArrivalOrder(@ForAll("parcels") List<TrackingEvent> events,
                                                    @ForAll Random random,
                                                    @ForAll("createdAt") Instant createdAt) {
        List<TrackingEvent> arrived = new ArrayList<>(events);
        Collections.shuffle(arrived, random);

        assertThat(StatusDerivation.deriveWithReason(arrived, createdAt))
                .isEqualTo(StatusDerivation.deriveWithReason(events, createdAt));
        assertThat(Timeline.of(arrived)).isEqualTo(Timeline.of(events));
        assertThat(EventOrder.sort(arrived)).isEqualTo(EventOrder.sort(events));
    }

    @Property
    void ingestingAnEventAgainChangesNothing(@ForAll("parcels") List<TrackingEvent> events,
                                             @ForAll @IntRange(min = 0, max = 100) int pick,
                                             @ForAll boolean receivedLater,
                                             @ForAll("createdAt") Instant createdAt) {
        if (events.isEmpty()) {
            return;
        }
        TrackingEvent original = events.get(pick % events.size());
        TrackingEvent again = receivedLater ? receivedAgain(original, original.receivedAt().plus(Duration.ofDays(1)))
                : original;
        List<TrackingEvent> withCopy = new ArrayList<>(events);
        withCopy.add(again);

        assertThat(StatusDerivation.deriveWithReason(withCopy, createdAt))
                .isEqualTo(StatusDerivation.deriveWithReason(events, createdAt));
        assertThat(Timeline.of(withCopy)).isEqualTo(Timeline.of(events));
    }

    @Property
    void eventOrderIsATotalOrder(@ForAll("parcels") List<TrackingEvent> events) {
        EventOrder order = EventOrder.of(events);
        for (TrackingEvent a : events) {
            for (TrackingEvent b : events) {
                int ab = order.compare(a, b);
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(order.compare(b, a)));
                assertThat(ab == 0).isEqualTo(a.equals(b));
                for (TrackingEvent c : events) {
                    if (ab <= 0 && order.compare(b, c) <= 0) {
                        assertThat(order.compare(a, c)).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Property
    void theShipmentStatusIsNeverUnknown(@ForAll("parcels") List<TrackingEvent> events,
                                         @ForAll("createdAt") Instant createdAt) {
        StatusDerivation.Derived derived = StatusDerivation.deriveWithReason(events, createdAt);

        assertThat(derived.status()).isNotEqualTo(TrackingStatus.UNKNOWN);
        assertThat(StatusDerivation.derive(events, createdAt)).isEqualTo(derived.status());
    }

    @Property
    void everyEventAppearsInTheTimeline(@ForAll("parcels") List<TrackingEvent> events) {
        List<TimelineEntry> timeline = Timeline.of(events);

        for (TrackingEvent e : events) {
            assertThat(timeline).anySatisfy(entry -> {
                assertThat(entry.status()).isEqualTo(e.status());
                assertThat(entry.sources()).contains(e.source());
            });
        }
        assertThat(timeline.size()).isLessThanOrEqualTo(events.size());
    }

    /**
     * Ingest goes on from the stored progress when the new scans all come after the stored ones
     * (timed, strictly later, no date-only scan stored): that must give what deriving from all
     * the scans gives.
     */
    @Property
    void resumingWithLaterScansEqualsDerivingFromAll(@ForAll("parcels") List<TrackingEvent> events,
                                                     @ForAll @IntRange(min = 0, max = 9) int cut) {
        List<TrackingEvent> timed = events.stream().filter(e -> e.occurredAt().precision() == TimePrecision.MINUTE)
                .sorted(java.util.Comparator.comparing(e -> e.occurredAt().instant())).toList();
        List<TrackingEvent> earlier = timed.subList(0, Math.min(cut, timed.size()));
        Instant last = earlier.stream().map(e -> e.occurredAt().instant()).max(Instant::compareTo).orElse(Instant.MIN);
        List<TrackingEvent> later = timed.stream().filter(e -> e.occurredAt().instant().isAfter(last)).toList();
        StatusDerivation.Progress before = StatusDerivation.progress(earlier);
        Assume.that(before.status() != null);

        List<TrackingEvent> all = new ArrayList<>(earlier);
        all.addAll(later);
        assertThat(StatusDerivation.resume(before, later)).isEqualTo(StatusDerivation.progress(all));
        var derived = StatusDerivation.deriveWithReason(all, START.atZone(EventTime.TOKYO).toInstant());
        assertThat(StatusDerivation.resume(before, later).status()).isEqualTo(derived.status());
        assertThat(StatusDerivation.resume(before, later).reason()).isEqualTo(derived.reason());
    }

    @Provide
    Arbitrary<List<TrackingEvent>> parcels() {
        return event().list().ofMaxSize(9);
    }

    @Provide
    Arbitrary<Instant> createdAt() {
        // From two days before the first scan to a day after it: both sides of the NOT_FOUND grace.
        return Arbitraries.integers().between(-48, 24).map(h -> START.atZone(EventTime.TOKYO).toInstant()
                .plus(Duration.ofHours(h)));
    }

    static Arbitrary<TrackingEvent> event() {
        Arbitrary<String> source = Arbitraries.of("yamato", "japanpost", "seventeentrack");
        Arbitrary<TrackingStatus> status = Arbitraries.of(TrackingStatus.class);
        Arbitrary<StatusReason> reason = Arbitraries.of(StatusReason.RESCHEDULED, StatusReason.ABSENT,
                StatusReason.HANDED_OVER, StatusReason.INVESTIGATING).injectNull(0.5);
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, 64);           // × 90 minutes
        Arbitrary<TimePrecision> precision = Arbitraries.of(TimePrecision.MINUTE, TimePrecision.MINUTE,
                TimePrecision.DAY);
        Arbitrary<String> place = Arbitraries.of("埼玉日高営業所（日高中央）", "大阪松原営業所（松原）", "沖縄ベース")
                .injectNull(0.4);
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> receivedHour = Arbitraries.integers().between(0, 2);
        return Combinators.combine(source, status, reason, slot, precision, place, sequence, receivedHour)
                .as((src, st, rs, sl, pr, pl, seq, rh) -> {
                    ZoneId zone = src.equals("seventeentrack") ? ZoneOffset.ofHours(9) : EventTime.TOKYO;
                    EventTime time = new EventTime(START.plusMinutes(90L * sl), zone, pr);
                    return new TrackingEvent(src, null, st.name().toLowerCase(), st, rs, time,
                            pl == null ? EventLocation.NONE : EventLocation.named(pl), seq,
                            RECEIVED.plus(Duration.ofHours(rh)));
                });
    }

    static TrackingEvent receivedAgain(TrackingEvent e, Instant receivedAt) {
        return new TrackingEvent(e.source(), e.rawCode(), e.rawText(), e.status(), e.reason(), e.occurredAt(),
                e.location(), e.sourceSequence(), receivedAt);
    }
}
