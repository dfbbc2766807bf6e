package io.otodoke.connector.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_inbox} table: deliveries as received, and what became of them. */
@Repository
class WebhookInbox {

    /** Ingest that fails for an unexpected reason (not the payload's) is tried this often, then given up. */
    static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;

    WebhookInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(long id, String source, Instant receivedAt, byte[] body) {
    }

    /** Stores a delivery; empty when the same delivery (source and key) is stored already. */
    Optional<Long> store(String source, String dedupeKey, byte[] body, Instant receivedAt) {
        return jdbc.sql("""
                        insert into webhook_inbox (source, dedupe_key, body, received_at) values (?, ?, ?, ?)
                        on conflict (source, dedupe_key) do nothing returning id""")
                .params(source, dedupeKey, body, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                .query(Long.class).optional();
    }

    /**
     * The oldest unprocessed delivery after {@code afterId}, locked for this transaction; one that
     * another drain holds is skipped, so several instances can drain the same table.
     */
    Optional<Delivery> lockNext(long afterId) {
        return jdbc.sql("""
                        select id, source, received_at, body from webhook_inbox
                        where processed_at is null and id > ? order by id limit 1 for update skip locked""")
                .param(afterId)
                .query((rs, i) -> new Delivery(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBytes(4)))
                .optional();
    }

    void finish(long id, String outcome, String detail, Instant now) {
        jdbc.sql("update webhook_inbox set processed_at = ?, outcome = ?, detail = ?, attempts = attempts + 1 where id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), outcome, detail, id).update();
    }

    /** Counts a failed attempt; the last allowed one ends the delivery as {@code failed}. */
    void attemptFailed(long id, String error, Instant now) {
        jdbc.sql("""
                        update webhook_inbox set attempts = attempts + 1, detail = ?,
                            processed_at = case when attempts + 1 >= ? then ?::timestamptz end,
                            outcome = case when attempts + 1 >= ? then 'failed' end
                        where id = ? and processed_at is null""")
                .params(error, MAX_ATTEMPTS, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), MAX_ATTEMPTS, id).update();
    }

    /** Forgets processed deliveries received before {@code before}: their events are in the timelines. */
    int deleteProcessedBefore(Instant before) {
        return jdbc.sql("delete from webhook_inbox where processed_at is not null and received_at < ?")
                .param(java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).update();
    }
}
