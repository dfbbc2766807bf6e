package io.otodoke.account;

import java.time.Instant;

/** A person who can sign in. The password hash never leaves the store. */
public record UserAccount(long id, Long tenantId, Long sellerId, String email, String displayName, Role role,
                          boolean disabled, Instant lockedUntil, Instant createdAt) {

    Caller caller() {
        return new Caller(role, tenantId, sellerId, id, email, "user:" + id);
    }
}
