package io.otodoke.notify;

import io.otodoke.account.AuditLog;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A shop's webhook endpoints ({@code notify_webhook_endpoints}) and their health. Making one
 * subscribes it to the whole tenant: a subscription of channel {@code webhook} whose address is the
 * endpoint's id. Each try's answer is recorded here; after {@code disable-after} failures in a row
 * (over all messages) or a 410 Gone, the endpoint is disabled, its messages fail at once, and the
 * operators are alerted in the audit log and on the webhooks page.
 */
@Service
public class WebhookEndpoints {

    /** The audit log's action when an endpoint was disabled by its failures: the operators' alert. */
    public static final String DISABLED = "WEBHOOK_ENDPOINT_DISABLED";

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoints.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final WebhookProperties properties;
    private final WebhookPoster poster;
    private final ObjectMapper json;
    private final OperatorAlerts alerts;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, Subscriptions subscriptions, AuditLog audit, WebhookProperties properties,
                     WebhookPoster poster, ObjectMapper json, OperatorAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.poster = poster;
        this.json = json;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new endpoint and its secret, which is shown this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /**
     * Why a URL cannot be an endpoint, or null: https only; plain http only to this machine and only
     * when {@code otodoke.notify.webhook.allow-http-loopback} is set (tests, benchmarks).
     */
    public String invalidUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return "not a URL";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return "give an absolute URL like https://shop.example.jp/hooks/otodoke, without user or password";
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && properties.allowHttpLoopback() && loopback(uri.getHost())) {
            return null;
        }
        return "use https";
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // a literal address only: a name is not looked up here
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host.replaceAll("[\\[\\]]", ""))
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Transactional
    public Created create(long tenantId, String url, Set<Milestone> milestones, String createdBy) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        long id = jdbc.sql("""
                insert into notify_webhook_endpoints (tenant_id, url, secret, milestones, created_by, created_at)
                values (?, ?, ?, ?::text[], ?, ?) returning id""")
                .params(tenantId, url, secret, Subscriptions.names(milestones), createdBy, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        subscriptions.subscribeTenant(tenantId, WebhookChannel.CODE, Long.toString(id), milestones, createdBy);
        return new Created(find(tenantId, id).orElseThrow(), secret);
    }

    /** A tenant's endpoints, or every tenant's (null: an administrator reads), newest first. */
    public List<WebhookEndpoint> of(Long tenantId) {
        return jdbc.sql("select * from notify_webhook_endpoints where ?::bigint is null or tenant_id = ? order by id desc")
                .params(tenantId, tenantId).query(WebhookEndpoints::row).list();
    }

    /** An endpoint of this tenant (null: any tenant, for an administrator). */
    public Optional<WebhookEndpoint> find(Long tenantId, long id) {
        return jdbc.sql("select * from notify_webhook_endpoints where id = ? and (?::bigint is null or tenant_id = ?)")
                .params(id, tenantId, tenantId).query(WebhookEndpoints::row).optional();
    }

    /** Deletes an endpoint of this tenant with its subscription; messages not sent yet go with it. */
    @Transactional
    public boolean delete(long tenantId, long id) {
        jdbc.sql("delete from notify_subscriptions where tenant_id = ? and channel = ? and address = ?")
                .params(tenantId, WebhookChannel.CODE, Long.toString(id)).update();
        return jdbc.sql("delete from notify_webhook_endpoints where tenant_id = ? and id = ?").params(tenantId, id).update() == 1;
    }

    /** Where and how the channel sends: the URL, the signing key and whether it may. */
    record Target(long id, String url, String secret, boolean enabled, int failures, Integer lastStatus) {

        /** Whether a success answered with this status changes what the endpoint's row says. */
        boolean changedBy(int status) {
            return failures > 0 || lastStatus == null || lastStatus != status;
        }
    }

    Optional<Target> target(long id) {
        return Optional.ofNullable(targets(List.of(id)).get(id));
    }

    /** The targets of these endpoints that exist, in one query (a batch of the outbox). */
    Map<Long, Target> targets(Collection<Long> ids) {
        Map<Long, Target> out = new HashMap<>();
        jdbc.sql("""
                select id, url, secret, enabled, consecutive_failures, last_status from notify_webhook_endpoints
                where id = any(?)""")
                .param(ids.toArray(Long[]::new))
                .query((rs, i) -> new Target(rs.getLong("id"), rs.getString("url"), rs.getString("secret"),
                        rs.getBoolean("enabled"), rs.getInt("consecutive_failures"), rs.getObject("last_status", Integer.class)))
                .list().forEach(t -> out.put(t.id(), t));
        return out;
    }

    /**
     * The {@code test} event of the "send test event" button: sent now, outside the outbox, to an
     * endpoint of this tenant even when disabled (to see whether it works again); not counted as a
     * success or failure. Empty when the tenant has no such endpoint.
     */
    public Optional<WebhookPoster.Answer> sendTest(long tenantId, long id) {
        if (find(tenantId, id).isEmpty()) {
            return Optional.empty();
        }
        Target t = target(id).orElseThrow();
        String eventId = "otodoke-test-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", "test");
        body.put("occurredAt", clock.instant().toString());
        body.put("data", Map.of("message", "This is a test event from Otodoke."));
        return Optional.of(poster.post(t.url(), t.secret(), eventId, json.writeValueAsBytes(body)));
    }

    /**
     * Resets the failures. Written only when that changes something: every message of a tenant goes
     * to the same row, and a write per message would make all sends queue for its lock and commit.
     */
    void succeeded(long id, int status) {
        jdbc.sql("""
                update notify_webhook_endpoints set consecutive_failures = 0, last_status = ?
                where id = ? and (consecutive_failures > 0 or last_status is distinct from ?)""")
                .params(status, id, status).update();
    }

    /**
     * Counts {@code tries} failed tries, the last of which answered {@code status} (null: no answer);
     * reaching {@code disable-after} disables the endpoint and alerts, once however many sends fail
     * at the same moment (the update decides, not the caller).
     */
    void failed(long id, Integer status, int tries) {
        Timestamp now = Timestamp.from(clock.instant());
        // the row is locked first, so "was enabled" is the value this update changes
        List<Long> tenant = jdbc.sql("""
                update notify_webhook_endpoints e set consecutive_failures = e.consecutive_failures + ?, last_status = ?,
                    last_failure_at = ?,
                    enabled = e.enabled and e.consecutive_failures + ? < ?,
                    disabled_reason = case when e.enabled and e.consecutive_failures + ? >= ? then ? else e.disabled_reason end,
                    disabled_at = case when e.enabled and e.consecutive_failures + ? >= ? then ? else e.disabled_at end
                from (select id, enabled as was_enabled from notify_webhook_endpoints where id = ? for update) old
                where e.id = old.id returning e.tenant_id, old.was_enabled and not e.enabled as now_disabled""")
                .params(tries, status, now, tries, properties.disableAfter(), tries, properties.disableAfter(),
                        properties.disableAfter() + " failed tries in a row", tries, properties.disableAfter(), now, id)
                .query((rs, i) -> rs.getBoolean("now_disabled") ? rs.getLong("tenant_id") : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        tenant.forEach(t -> alert(t, id, properties.disableAfter() + " failed tries in a row"));
    }

    /** The receiver said 410 Gone: it does not want these messages any more. */
    void gone(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update notify_webhook_endpoints set enabled = false, last_status = 410, last_failure_at = ?,
                    disabled_reason = 'the receiver answered 410 Gone', disabled_at = ?
                where id = ? and enabled returning tenant_id""")
                .params(now, now, id).query(Long.class).list()
                .forEach(t -> alert(t, id, "the receiver answered 410 Gone"));
    }

    private void alert(long tenantId, long id, String why) {
        audit.record(null, tenantId, DISABLED, "webhook-endpoint:" + id);
        log.warn("Webhook endpoint {} of tenant {} disabled: {}", id, tenantId, why);
        find(tenantId, id).ifPresent(e -> alerts.webhookDisabled(tenantId, id, e.url(), why));
    }

    private static WebhookEndpoint row(ResultSet rs, int n) throws SQLException {
        Timestamp disabledAt = rs.getTimestamp("disabled_at");
        Timestamp lastFailure = rs.getTimestamp("last_failure_at");
        return new WebhookEndpoint(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("url"),
                Subscriptions.milestones(rs.getArray("milestones")), rs.getBoolean("enabled"),
                rs.getInt("consecutive_failures"), rs.getString("disabled_reason"),
                disabledAt == null ? null : disabledAt.toInstant(), rs.getObject("last_status", Integer.class),
                lastFailure == null ? null : lastFailure.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
