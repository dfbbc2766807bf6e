package io.otodoke.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: a signed-in user, an API key or a driver's device token. Every read of shop data
 * goes through a caller's scope, so a query can only return what the caller may see.
 *
 * @param tenantId   the caller's tenant; null only for an administrator
 * @param sellerId   the seller a SELLER acts for
 * @param userId     the user behind a session or device token; null for an API key
 * @param email      the signed-in user's address (a shopper's orders are the ones placed with it)
 * @param credential what proved it: "user:12", "api-key:3", "device-token:5", "api-key:configured"
 */
public record Caller(Role role, Long tenantId, Long sellerId, Long userId, String email, String credential) {

    public boolean is(Role r) {
        return role == r;
    }

    /** How the audit log names the caller: the credential, and the user's address when there is one. */
    public String actor() {
        return email == null ? credential : credential + " (" + email + ")";
    }

    /** The caller of the current request, or null when nobody is signed in. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : of(auth.getPrincipal());
    }

    static Caller of(Object principal) {
        return switch (principal) {
            case Caller c -> c;
            case SignInUser u -> u.caller();
            case null, default -> null;
        };
    }
}
