package io.otodoke.account;

import java.time.Instant;

/**
 * An API key or a driver's device token as it may be listed: never the secret, which is shown
 * once when it is issued.
 *
 * @param shown the secret's first characters, to tell keys apart
 */
public record Credential(long id, Kind kind, String name, Role role, Long tenantId, Long sellerId, Long userId,
                         String shown, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public enum Kind { API_KEY, DEVICE_TOKEN }

    /** A credential just issued, with its secret. */
    public record Issued(Credential credential, String secret) {
    }
}
