package io.otodoke.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parcel's events from all sources (carrier page, aggregator, own fleet) as one timeline,
 * oldest first in {@link EventOrder} (status-model.md rule 6).
 *
 * <p>Every event is shown, including {@code UNKNOWN} ones and request acknowledgements that do not
 * move the status (rule 2), and both legs of a reused waybill. The same scan reported by several
 * sources is shown once, listing all of them: an event joins an earlier entry when it has
 * <ul>
 *   <li>the same status,</li>
 *   <li>the same place name, or no place name on one side (AfterShip sends each checkpoint twice,
 *       once without a location: AfterShip/aftership-sdk-ios #4, carriers.md §9),</li>
 *   <li>a time within {@link #SAME_SCAN_WINDOW} of the entry's first report; date-only reports
 *       join only date-only reports of the same day,</li>
 *   <li>and a source not yet in the entry — two rows of one source are two scans — unless it is
 *       the very same row again (equal except {@code receivedAt}), which is shown once.</li>
 * </ul>
 * A note ({@link TrackingEvent#isNote()}) is always a line of its own. The entry shows the first of its reports that names a place, else its first report. Of a run of
 * NOT_FOUND entries of the same source (a carrier asked daily about a number it does not know),
 * only the latest is shown.
 */
public final class Timeline {

    /** Reports of one scan by different sources lie this close together (status-model.md rule 6). */
    public static final Duration SAME_SCAN_WINDOW = Duration.ofMinutes(2);

    private Timeline() {
    }

    public static List<TimelineEntry> of(Collection<TrackingEvent> events) {
        List<Scan> scans = new ArrayList<>();
        for (TrackingEvent event : EventOrder.sort(events)) {
            scans.stream().filter(scan -> scan.accepts(event)).findFirst()
                    .ifPresentOrElse(scan -> scan.reports.add(event), () -> scans.add(new Scan(event)));
        }
        List<TimelineEntry> entries = scans.stream().map(Scan::entry).toList();
        // A source asked again and again about a number it does not know says so each day: show
        // only the latest of such a run, not one line per day.
        List<TimelineEntry> shown = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry e = entries.get(i);
            boolean repeated = i + 1 < entries.size() && e.status() == TrackingStatus.NOT_FOUND
                    && entries.get(i + 1).status() == TrackingStatus.NOT_FOUND && entries.get(i + 1).sources().equals(e.sources());
            if (!repeated) {
                shown.add(e);
            }
        }
        return shown;
    }

    /** The reports of one scan; the first one anchors the time window. */
    private static final class Scan {
        final List<TrackingEvent> reports = new ArrayList<>();

        Scan(TrackingEvent first) {
            reports.add(first);
        }

        boolean accepts(TrackingEvent event) {
            TrackingEvent first = reports.getFirst();
            if (first.isNote() || event.isNote()) {
                return sameRow(first, event); // a request is its own line, never one of a scan's reports
            }
            return event.status() == first.status()
                    && closeInTime(first.occurredAt(), event.occurredAt())
                    && samePlace(event)
                    && (reports.stream().noneMatch(r -> r.source().equals(event.source()))
                        || reports.stream().anyMatch(r -> sameRow(r, event)));
        }

        private static boolean closeInTime(EventTime a, EventTime b) {
            if (a.precision() != b.precision()) {
                return false;
            }
            return Duration.between(a.instant(), b.instant()).abs().compareTo(SAME_SCAN_WINDOW) <= 0;
        }

        private boolean samePlace(TrackingEvent event) {
            String name = event.location().name();
            String shown = shown().location().name();
            return name == null || shown == null || name.equals(shown);
        }

        private static boolean sameRow(TrackingEvent a, TrackingEvent b) {
            return a.source().equals(b.source()) && a.sourceSequence() == b.sourceSequence()
                    && a.status() == b.status() && a.reason() == b.reason()
                    && Objects.equals(a.rawCode(), b.rawCode()) && Objects.equals(a.rawText(), b.rawText())
                    && a.occurredAt().equals(b.occurredAt()) && a.location().equals(b.location());
        }

        private TrackingEvent shown() {
            return reports.stream().filter(r -> r.location().name() != null).findFirst()
                    .orElse(reports.getFirst());
        }

        TimelineEntry entry() {
            TrackingEvent shown = shown();
            Set<String> sources = new LinkedHashSet<>();
            reports.forEach(r -> sources.add(r.source()));
            return new TimelineEntry(shown.occurredAt(), shown.status(), shown.reason(), shown.rawCode(),
                    shown.rawText(), shown.location(), List.copyOf(sources));
        }
    }
}
