package io.otodoke.notify;

import java.time.Instant;
import java.util.Set;

/**
 * A shop's URL that receives every milestone of the tenant's shipments, signed with its secret
 * (docs/notifications.md, "Webhooks"). The secret is not part of this view: it is shown once, when
 * the endpoint is made, and read again only to sign.
 *
 * @param consecutiveFailures failed tries in a row over all messages; any success resets it
 * @param disabledReason      why it was disabled (gone, too many failures), null while enabled
 * @param lastStatus          the HTTP status of the last answer, null when the last try got none
 * @param lastFailureAt       when a try last failed
 */
public record WebhookEndpoint(long id, long tenantId, String url, Set<Milestone> milestones, boolean enabled,
                              int consecutiveFailures, String disabledReason, Instant disabledAt, Integer lastStatus,
                              Instant lastFailureAt, String createdBy, Instant createdAt) {

    public WebhookEndpoint {
        milestones = Set.copyOf(milestones);
    }
}
