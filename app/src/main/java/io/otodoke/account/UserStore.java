package io.otodoke.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with the password hash, for sign-in only. */
    record WithPassword(UserAccount user, String passwordHash, int failedSignIns) {
    }

    Optional<WithPassword> forSignIn(String email) {
        return jdbc.sql("select * from users where lower(email) = lower(?)").param(email)
                .query((rs, i) -> new WithPassword(user(rs), rs.getString("password_hash"), rs.getInt("failed_sign_ins")))
                .optional();
    }

    Optional<UserAccount> find(long id) {
        return jdbc.sql("select * from users where id = ?").param(id).query((rs, i) -> user(rs)).optional();
    }

    /** A user of one tenant, or of any when {@code tenantId} is null. */
    Optional<UserAccount> find(Long tenantId, long id) {
        return jdbc.sql("select * from users where id = ? and (?::bigint is null or tenant_id = ?)")
                .params(id, tenantId, tenantId).query((rs, i) -> user(rs)).optional();
    }

    Map<Long, String> displayNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, display_name from users where id = any (?)").param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from users where lower(email) = lower(?)").param(email).query(Long.class)
                .single() > 0;
    }

    /** Users of one tenant, or of every tenant when {@code tenantId} is null. */
    List<UserAccount> list(Long tenantId) {
        return jdbc.sql("select * from users where ?::bigint is null or tenant_id = ? order by id")
                .param(tenantId).param(tenantId).query((rs, i) -> user(rs)).list();
    }

    long insert(Long tenantId, Long sellerId, String email, String displayName, Role role, String passwordHash) {
        return jdbc.sql("""
                insert into users (tenant_id, seller_id, email, display_name, role, password_hash)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(tenantId, sellerId, email, displayName, role.name(), passwordHash).query(Long.class).single();
    }

    void updateRole(long id, Role role, Long tenantId, Long sellerId) {
        jdbc.sql("update users set role = ?, tenant_id = ?, seller_id = ? where id = ?")
                .params(role.name(), tenantId, sellerId, id).update();
    }

    /** Counts a wrong password; locks the account until {@code lockUntil} when the count reaches {@code max}. */
    void failedSignIn(long id, int max, Instant lockUntil) {
        jdbc.sql("""
                update users set failed_sign_ins = failed_sign_ins + 1,
                    locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end
                where id = ?
                """).params(max, utc(lockUntil), id).update();
    }

    /** A lock that has run out is lifted with the count of failures, so the next failure starts again from one. */
    void unlockIfExpired(long id, Instant now) {
        jdbc.sql("update users set failed_sign_ins = 0, locked_until = null where id = ? and locked_until <= ?")
                .params(id, utc(now)).update();
    }

    void signedIn(long id) {
        jdbc.sql("update users set failed_sign_ins = 0, locked_until = null where id = ? and failed_sign_ins > 0")
                .param(id).update();
    }

    private static UserAccount user(ResultSet rs) throws SQLException {
        long seller = rs.getLong("seller_id");
        Long sellerId = rs.wasNull() ? null : seller;
        long tenant = rs.getLong("tenant_id");
        Long tenantId = rs.wasNull() ? null : tenant;
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserAccount(rs.getLong("id"), tenantId, sellerId, rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("disabled"), locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
