package io.otodoke.notify;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which LINE user a signed-in user is (docs/notifications.md, "The LINE channel"). LINE gives a
 * user's id only to the official account's webhook, so the user proves who they are there: the
 * settings page shows a one-time code, the user sends it to the account, the webhook finds the
 * code and links the sender. A code works once, for {@link #CODE_LIFETIME}; a newer code of the
 * same user replaces the older.
 */
@Service
public class LineLinks {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    LineLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new code for the user, and until when it works. */
    public record Code(String code, Instant expiresAt) {
    }

    /** Who sent a code: the user, their shop and the address their orders are placed with. */
    record Claimant(long userId, Long tenantId, String email) {
    }

    @Transactional
    public Code newCode(long userId, Long tenantId, String email) {
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        jdbc.sql("delete from notify_line_codes where user_id = ? or expires_at < ?")
                .params(userId, Timestamp.from(clock.instant())).update();
        while (true) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            int added = jdbc.sql("""
                    insert into notify_line_codes (code, user_id, tenant_id, email, expires_at) values (?, ?, ?, ?, ?)
                    on conflict do nothing""").params(code, userId, tenantId, email, Timestamp.from(expires)).update();
            if (added == 1) {
                return new Code(code, expires);
            }
        }
    }

    /** Uses a code: the user it was made for, when it exists and has not expired; it works only once. */
    @Transactional
    Optional<Claimant> redeem(String code) {
        return jdbc.sql("delete from notify_line_codes where code = ? and expires_at > ? returning user_id, tenant_id, email")
                .params(code, Timestamp.from(clock.instant()))
                .query((rs, i) -> new Claimant(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3))).optional();
    }

    @Transactional
    void link(long userId, String lineUserId) {
        jdbc.sql("""
                insert into notify_line_links (user_id, line_user_id, linked_at) values (?, ?, ?)
                on conflict (user_id) do update set line_user_id = excluded.line_user_id, linked_at = excluded.linked_at""")
                .params(userId, lineUserId, Timestamp.from(clock.instant())).update();
    }

    /** The LINE user id linked to this user, if any. */
    public Optional<String> lineUserOf(long userId) {
        return jdbc.sql("select line_user_id from notify_line_links where user_id = ?").param(userId)
                .query(String.class).optional();
    }

    /**
     * Forgets the links of a LINE user (they blocked the account) or of a user (they unlinked),
     * with their LINE subscriptions; the users it concerned.
     */
    @Transactional
    public List<Long> unlink(Long userId, String lineUserId) {
        List<Long> users = jdbc.sql("""
                delete from notify_line_links where user_id = ? or line_user_id = ? returning user_id""")
                .params(userId, lineUserId).query(Long.class).list();
        if (!users.isEmpty()) {
            jdbc.sql("delete from notify_subscriptions where channel = 'line' and user_id = any(?)")
                    .param(users.toArray(Long[]::new)).update();
        }
        return users;
    }
}
