package io.otodoke.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of sensitive reads and changes: who viewed a recipient's address or a delivery
 * photo, who created or revoked a credential or share link, who changed a role. Only
 * administrators read it. It names records by id and never copies the personal data itself.
 */
@Service
public class AuditLog {

    /** A recipient's address was shown to the shop's staff. */
    public static final String ADDRESS_VIEWED = "ADDRESS_VIEWED";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String actorRole, Long tenantId, String action, String target,
                        String client) {
    }

    /**
     * Records an action of {@code by} (null: the system) on {@code target} ("shipment:12") in a
     * tenant. The client address is that of the current request, if any.
     */
    public void record(Caller by, Long tenantId, String action, String target) {
        jdbc.sql("insert into audit_log (actor, actor_role, tenant_id, action, target, client) values (?, ?, ?, ?, ?, ?)")
                .params(by == null ? "system" : by.actor(), by == null ? null : by.role().name(), tenantId, action, target,
                        clientAddress())
                .update();
    }

    /** The newest entries first, at most {@code limit}, optionally of one action. */
    public List<Entry> recent(int limit, String action) {
        return jdbc.sql("""
                select * from audit_log where ?::text is null or action = ? order by id desc limit ?
                """).params(action, action, limit).query((rs, i) -> {
            long tenant = rs.getLong("tenant_id");
            Long tenantId = rs.wasNull() ? null : tenant;
            return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    rs.getString("actor_role"), tenantId, rs.getString("action"),
                    rs.getString("target"), rs.getString("client"));
        }).list();
    }

    /** The actions that occur in the log, to filter by: what is recorded, not a list to keep in step. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
