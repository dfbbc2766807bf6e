package io.otodoke.connector.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What became of the webhook deliveries still kept (otodoke.webhooks.retention), per source: for
 * the administrators' view of the connectors. The bodies themselves are never shown.
 */
@Component
public class WebhookSummary {

    private final JdbcClient jdbc;

    WebhookSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param waiting   received and not processed yet
     * @param lastError the reason of the latest rejected or failed delivery, or null
     */
    public record Source(String source, long received, long ingested, long rejected, long failed, long waiting,
                         Instant lastReceived, String lastError) {
    }

    public List<Source> bySource() {
        return jdbc.sql("""
                select source, count(*),
                    count(*) filter (where outcome = 'ingested'), count(*) filter (where outcome = 'rejected'),
                    count(*) filter (where outcome = 'failed'), count(*) filter (where processed_at is null),
                    max(received_at),
                    (select w.detail from webhook_inbox w where w.source = i.source and w.outcome in ('rejected', 'failed')
                     order by w.id desc limit 1)
                from webhook_inbox i group by source order by source
                """).query((rs, n) -> new Source(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8))).list();
    }
}
