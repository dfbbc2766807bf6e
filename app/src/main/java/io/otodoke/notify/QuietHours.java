package io.otodoke.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A period of the day, in Japan time, when nothing is sent but the delivery-day milestones the user
 * let through. A message that falls inside is deferred to the end of the period, not dropped
 * (docs/notifications.md): a parcel handed to the carrier at 23:00 is still news at 08:00. News
 * that is out of date by then (arriving soon, when the parcel was delivered meanwhile) is dropped
 * when it is due, by the dispatcher.
 *
 * @param start  the first minute of quiet; equal to {@code end} means no quiet hours
 * @param end    the first minute when sending resumes; before {@code start} when the period spans midnight
 * @param exempt delivery-day milestones sent during the period all the same
 */
public record QuietHours(LocalTime start, LocalTime end, Set<Milestone> exempt) {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public QuietHours {
        exempt = Set.copyOf(exempt);
    }

    /** When a message about this milestone, due now, may be sent: now, or the end of the quiet period. */
    public Instant sendAt(Milestone milestone, Instant now) {
        if (start.equals(end) || exempt.contains(milestone) && milestone.deliveryDay()) {
            return now;
        }
        ZonedDateTime local = now.atZone(JAPAN);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime resume = local.with(end).withSecond(0).withNano(0);
        if (!resume.isAfter(local)) {
            resume = resume.plusDays(1);
        }
        return resume.toInstant();
    }
}
