package io.otodoke.account;

import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: creation, roles, and the record of sign-in failures that locks an account. */
@Service
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{1,63}");

    private final UserStore store;
    private final Tenants tenants;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final AccountProperties properties;
    private final Clock clock;

    Accounts(UserStore store, Tenants tenants, AuditLog audit, PasswordEncoder encoder, AccountProperties properties,
             Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new user's details. An administrator has no tenant; a seller names its seller.
     *
     * @param password at least {@value #MIN_PASSWORD_LENGTH} characters; stored hashed by the delegating encoder
     */
    public record NewUser(String email, String displayName, Role role, Long tenantId, Long sellerId, String password) {
    }

    /** Who may create whom: an administrator anyone; an operator anyone but an administrator, in its own tenant. */
    @Transactional
    public UserAccount create(Caller by, NewUser u) {
        if (u.role() == null) {
            throw ProblemType.invalidField("role", "role is one of " + List.of(Role.values()));
        }
        Long tenantId = by.is(Role.ADMIN) ? u.tenantId() : by.tenantId();
        if (!by.is(Role.ADMIN) && (u.role() == Role.ADMIN || !by.is(Role.OPERATOR))) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an administrator may create administrators; operators create users of their own shop.");
        }
        if (u.email() == null || !EMAIL.matcher(u.email()).matches()) {
            throw ProblemType.invalidField("email", "email must be an e-mail address");
        }
        if (u.displayName() == null || u.displayName().isBlank() || u.displayName().length() > 200) {
            throw ProblemType.invalidField("displayName", "displayName has 1 to 200 characters");
        }
        if (u.password() == null || u.password().length() < MIN_PASSWORD_LENGTH || u.password().length() > 200) {
            throw ProblemType.invalidField("password", "a password has " + MIN_PASSWORD_LENGTH + " to 200 characters");
        }
        Long sellerId = checkPlace(u.role(), tenantId, u.sellerId());
        if (store.emailTaken(u.email())) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "duplicate", "Already exists",
                    "A user with this e-mail address exists.");
        }
        long id = store.insert(u.role() == Role.ADMIN ? null : tenantId, sellerId, u.email().trim(), u.displayName().trim(),
                u.role(), encoder.encode(u.password()));
        audit.record(by, tenantId, "USER_CREATED", "user:" + id + " role " + u.role());
        return store.find(id).orElseThrow();
    }

    /** Users the caller may see: an administrator's all, an operator's those of its tenant. */
    public List<UserAccount> users(Caller by) {
        return store.list(by.is(Role.ADMIN) ? null : by.tenantId());
    }

    /** The signed-in caller's own user; empty for an API key or device token without one. */
    public Optional<UserAccount> me(Caller caller) {
        return caller.userId() == null ? Optional.empty() : store.find(caller.userId());
    }

    /** A driver of the tenant by e-mail address (for assigning routes); disabled accounts are not found. */
    public Optional<UserAccount> driver(long tenantId, String email) {
        return store.forSignIn(email).map(UserStore.WithPassword::user)
                .filter(u -> u.role() == Role.DRIVER && !u.disabled() && Long.valueOf(tenantId).equals(u.tenantId()));
    }

    /** The display names of these users, by id (for showing who drives a route). */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return store.displayNames(ids);
    }

    /** A user the caller may see (an administrator any, an operator those of its tenant); others are not found. */
    public Optional<UserAccount> user(Caller by, long id) {
        if (!by.is(Role.ADMIN) && !by.is(Role.OPERATOR)) {
            return Optional.empty();
        }
        return store.find(by.is(Role.ADMIN) ? null : by.tenantId(), id);
    }

    /**
     * Changes a user's role (administrators only, checked by the access rules). The user's open
     * sessions end at their next request (SessionCheck).
     */
    @Transactional
    public UserAccount changeRole(Caller by, long userId, Role role, Long tenantId, Long sellerId) {
        UserAccount user = user(by, userId).orElseThrow(() -> ProblemType.notFound("User " + userId));
        if (role == null) {
            throw ProblemType.invalidField("role", "role is one of " + List.of(Role.values()));
        }
        Long tenant = role == Role.ADMIN ? null : tenantId != null ? tenantId : user.tenantId();
        Long seller = checkPlace(role, tenant, sellerId);
        store.updateRole(userId, role, tenant, seller);
        audit.record(by, tenant, "ROLE_CHANGED", "user:" + userId + " " + user.role() + " → " + role);
        return store.find(userId).orElseThrow();
    }

    /** Checks that a role's tenant and seller exist and fit; returns the seller id to store. */
    private Long checkPlace(Role role, Long tenantId, Long sellerId) {
        if (role == Role.ADMIN) {
            return null;
        }
        if (tenantId == null || tenants.find(tenantId).isEmpty()) {
            throw ProblemType.invalidField("tenantId", "a " + role + " belongs to an existing tenant");
        }
        if (role != Role.SELLER) {
            return null;
        }
        if (sellerId == null || tenants.seller(sellerId).filter(s -> s.tenantId() == tenantId).isEmpty()) {
            throw ProblemType.invalidField("sellerId", "a SELLER names a seller of its tenant");
        }
        return sellerId;
    }

    /** A wrong password for an existing account: counted, and the account locked after too many in a row. */
    void signInFailed(String email) {
        store.forSignIn(email).ifPresent(u -> {
            store.unlockIfExpired(u.user().id(), clock.instant());
            store.failedSignIn(u.user().id(), properties.maxFailedSignIns(), clock.instant().plus(properties.lockDuration()));
            if (u.failedSignIns() + 1 == properties.maxFailedSignIns()) {
                audit.record(u.user().caller(), u.user().tenantId(), "ACCOUNT_LOCKED", "user:" + u.user().id());
            }
        });
    }

    void signedIn(long userId) {
        store.signedIn(userId);
    }

}
