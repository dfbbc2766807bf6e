package io.otodoke.notify;

import java.time.LocalTime;
import java.util.Set;

/**
 * A signed-in user's choices, for all their subscriptions.
 *
 * @param quietExempt delivery-day milestones let through quiet hours
 */
public record Preferences(String language, Set<Milestone> milestones, int stopsAwayThreshold, LocalTime quietStart,
                          LocalTime quietEnd, Set<Milestone> quietExempt) {

    public Preferences {
        milestones = Set.copyOf(milestones);
        quietExempt = Set.copyOf(quietExempt);
    }

    public QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd, quietExempt);
    }
}
