package io.otodoke.account;

import io.otodoke.web.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links of shipments. Whether the caller may share or revoke a shipment's links is decided
 * by the shipment's owner module before it calls here; this class keeps the tokens.
 */
@Service
public class ShareLinks {

    /** What {@link Secrets#generate} makes: 43 URL-safe characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final AccountProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    ShareLinks(JdbcClient jdbc, AccountProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a link valid for {@code validity} (null: the default), at most the configured maximum. */
    @Transactional
    public ShareLink.Created create(Caller by, long tenantId, long shipmentId, Duration validity) {
        Duration valid = validity == null ? properties.shareLinkValidity() : validity;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(properties.shareLinkMaxValidity()) > 0) {
            throw ProblemType.invalidField("validHours", "a share link is valid for 1 hour up to "
                    + properties.shareLinkMaxValidity().toHours() + " hours");
        }
        String token = Secrets.generate("");
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into share_links (tenant_id, shipment_id, token_sha256, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(tenantId, shipmentId, Secrets.sha256(token), by.actor(), UserStore.utc(now),
                UserStore.utc(now.plus(valid))).query(Long.class).single();
        audit.record(by, tenantId, "SHARE_LINK_CREATED", "shipment:" + shipmentId + " share-link:" + id);
        return new ShareLink.Created(of(shipmentId).stream().filter(l -> l.id() == id).findFirst().orElseThrow(), token);
    }

    /** The shipment's links, newest first. */
    public List<ShareLink> of(long shipmentId) {
        return jdbc.sql("select * from share_links where shipment_id = ? order by id desc").param(shipmentId)
                .query((rs, i) -> link(rs)).list();
    }

    /** Revokes one of the shipment's links; a link of another shipment is not found. */
    @Transactional
    public ShareLink revoke(Caller by, long shipmentId, long linkId) {
        ShareLink link = of(shipmentId).stream().filter(l -> l.id() == linkId).findFirst()
                .orElseThrow(() -> ProblemType.notFound("Share link " + linkId));
        if (link.revokedAt() == null) {
            jdbc.sql("update share_links set revoked_at = ? where id = ?").params(UserStore.utc(clock.instant()), linkId)
                    .update();
            audit.record(by, link.tenantId(), "SHARE_LINK_REVOKED", "shipment:" + shipmentId + " share-link:" + linkId);
        }
        return of(shipmentId).stream().filter(l -> l.id() == linkId).findFirst().orElseThrow();
    }

    /** The link a token opens, whatever its state; empty for a token that was never issued. */
    public Optional<ShareLink> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from share_links where token_sha256 = ?").param(Secrets.sha256(token))
                .query((rs, i) -> link(rs)).optional();
    }

    public Instant now() {
        return clock.instant();
    }

    private static ShareLink link(ResultSet rs) throws SQLException {
        return new ShareLink(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("shipment_id"),
                rs.getString("created_by"), Credentials.instant(rs, "created_at"), Credentials.instant(rs, "expires_at"),
                Credentials.instant(rs, "revoked_at"));
    }
}
