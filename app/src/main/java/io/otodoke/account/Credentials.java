package io.otodoke.account;

import io.otodoke.web.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients and device tokens for drivers' phones: issued with a secret shown
 * once, stored as its digest, scoped to a tenant and role, revocable, with the time of last use.
 */
@Service
public class Credentials {

    static final String API_KEY_PREFIX = "otd_";
    static final String DEVICE_TOKEN_PREFIX = "otdd_";
    /** Last use is written at most this often per credential, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final UserStore users;
    private final AuditLog audit;
    private final Clock clock;

    Credentials(JdbcClient jdbc, Tenants tenants, UserStore users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues an API key. An administrator may issue any role in any tenant (ADMIN: no tenant); an
     * operator OPERATOR or SELLER keys of its tenant; a seller SELLER keys of itself.
     */
    @Transactional
    public Credential.Issued issueApiKey(Caller by, String name, Role role, Long tenantId, Long sellerId) {
        checkName(name);
        if (role == null || role == Role.SHOPPER || role == Role.DRIVER) {
            throw ProblemType.invalidField("role", "an API key's role is OPERATOR, SELLER or ADMIN (drivers get device tokens)");
        }
        Long tenant = switch (by.role()) {
            case ADMIN -> role == Role.ADMIN ? null : tenantId;
            case OPERATOR -> by.tenantId();
            case SELLER -> by.tenantId();
            default -> throw forbidden();
        };
        if (!by.is(Role.ADMIN) && role == Role.ADMIN || by.is(Role.SELLER) && role != Role.SELLER) {
            throw forbidden();
        }
        Long seller = by.is(Role.SELLER) ? by.sellerId() : role == Role.SELLER ? sellerId : null;
        if (role != Role.ADMIN && (tenant == null || tenants.find(tenant).isEmpty())) {
            throw ProblemType.invalidField("tenantId", "the key's tenant does not exist");
        }
        if (role == Role.SELLER && (seller == null
                || tenants.seller(seller).filter(s -> Objects.equals(s.tenantId(), tenant)).isEmpty())) {
            throw ProblemType.invalidField("sellerId", "a SELLER key names a seller of its tenant");
        }
        return issue(by, Credential.Kind.API_KEY, API_KEY_PREFIX, name, role, tenant, seller, null);
    }

    /** Issues a device token for a driver's phone: by the driver, its shop's operator or an administrator. */
    @Transactional
    public Credential.Issued issueDeviceToken(Caller by, long driverId, String name) {
        checkName(name);
        UserAccount driver = users.find(driverId).filter(u -> u.role() == Role.DRIVER)
                .filter(u -> by.is(Role.ADMIN) || by.is(Role.OPERATOR) && Objects.equals(by.tenantId(), u.tenantId())
                        || Objects.equals(by.userId(), u.id()))
                .orElseThrow(() -> ProblemType.notFound("Driver " + driverId));
        return issue(by, Credential.Kind.DEVICE_TOKEN, DEVICE_TOKEN_PREFIX, name, Role.DRIVER, driver.tenantId(), null,
                driver.id());
    }

    private Credential.Issued issue(Caller by, Credential.Kind kind, String prefix, String name, Role role, Long tenantId,
                                    Long sellerId, Long userId) {
        String secret = Secrets.generate(prefix);
        long id = jdbc.sql("""
                insert into credentials (kind, tenant_id, role, seller_id, user_id, name, prefix, secret_sha256, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(kind.name(), tenantId, role.name(), sellerId, userId, name.trim(), Secrets.shown(secret),
                Secrets.sha256(secret), by.actor()).query(Long.class).single();
        audit.record(by, tenantId, kind + "_CREATED", credentialTarget(kind, id) + " role " + role);
        return new Credential.Issued(find(id).orElseThrow(), secret);
    }

    /** The credentials the caller may see: all (administrator), its tenant's (operator), its own (seller, driver). */
    public List<Credential> visibleTo(Caller by) {
        return scoped(by, "true").query((rs, i) -> credential(rs)).list();
    }

    /** Revokes a credential the caller may see; another tenant's id is answered as not found. */
    @Transactional
    public Credential revoke(Caller by, long id) {
        Credential c = scoped(by, "id = ?").param(id).query((rs, i) -> credential(rs)).optional()
                .orElseThrow(() -> ProblemType.notFound("Credential " + id));
        if (c.revokedAt() == null) {
            jdbc.sql("update credentials set revoked_at = ? where id = ?").params(UserStore.utc(clock.instant()), id).update();
            audit.record(by, c.tenantId(), c.kind() + "_REVOKED", credentialTarget(c.kind(), id));
        }
        return find(id).orElseThrow();
    }

    /**
     * The caller a bearer secret stands for, if it is a live credential: not revoked and, for a
     * device token, of a driver who still is one.
     */
    public Optional<Caller> authenticate(String secret) {
        if (!secret.startsWith(API_KEY_PREFIX) && !secret.startsWith(DEVICE_TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.*, u.email as user_email from credentials c left join users u on u.id = c.user_id
                where c.secret_sha256 = ? and c.revoked_at is null
                  and (c.user_id is null or (u.role = 'DRIVER' and not u.disabled))
                """).param(Secrets.sha256(secret)).query((rs, i) -> {
            Credential c = credential(rs);
            touch(c);
            return new Caller(c.role(), c.tenantId(), c.sellerId(), c.userId(), rs.getString("user_email"),
                    credentialTarget(c.kind(), c.id()));
        }).optional();
    }

    private void touch(Credential c) {
        Instant now = clock.instant();
        if (c.lastUsedAt() == null || c.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update credentials set last_used_at = ? where id = ?").params(UserStore.utc(now), c.id()).update();
        }
    }

    /** The credentials the caller may see, in SQL, so that no other credential is read. */
    private JdbcClient.StatementSpec scoped(Caller by, String condition) {
        String scope = switch (by.role()) {
            case ADMIN -> "true";
            case OPERATOR -> "tenant_id = " + by.tenantId();
            case SELLER -> "kind = 'API_KEY' and seller_id = " + by.sellerId();
            case DRIVER -> "user_id = " + by.userId();
            case SHOPPER -> "false";
        };
        return jdbc.sql("select * from credentials where (" + scope + ") and " + condition + " order by id");
    }

    private Optional<Credential> find(long id) {
        return jdbc.sql("select * from credentials where id = ?").param(id).query((rs, i) -> credential(rs)).optional();
    }

    private static String credentialTarget(Credential.Kind kind, long id) {
        return (kind == Credential.Kind.API_KEY ? "api-key:" : "device-token:") + id;
    }

    private static Credential credential(ResultSet rs) throws SQLException {
        return new Credential(rs.getLong("id"), Credential.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                Role.valueOf(rs.getString("role")), nullableLong(rs, "tenant_id"), nullableLong(rs, "seller_id"),
                nullableLong(rs, "user_id"), rs.getString("prefix"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemType.invalidField("name", "name (1 to 100 characters) says what the credential is for, e.g. 'shop backend'");
        }
    }

    private static RuntimeException forbidden() {
        return ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not issue this credential.");
    }

}
