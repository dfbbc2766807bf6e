package io.otodoke.account;

import java.time.Instant;

/**
 * A link to one shipment's tracking page that works without signing in, until it expires or is
 * revoked. The token is shown once, when the link is created; only its digest is stored.

 */
public record ShareLink(long id, long tenantId, long shipmentId, String createdBy, Instant createdAt,
                        Instant expiresAt, Instant revokedAt) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
    }

    /** A link just created, with its token; the page is {@code /s/<token>}. */
    public record Created(ShareLink link, String token) {

        public String path() {
            return "/s/" + token;
        }
    }
}
