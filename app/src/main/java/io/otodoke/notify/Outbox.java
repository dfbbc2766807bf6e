package io.otodoke.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The messages to send ({@code notify_notifications}). A row's life: PENDING → SENDING (claimed by
 * one node, committed before the channel is called) → SENT, or back to PENDING with a later
 * {@code next_attempt_at} after a failure, FAILED after the last try, DROPPED when out of date.
 */
@Repository
class Outbox {

    /** A claimed row, to be sent now, with its subscription (null when it is gone). */
    record Claimed(long id, long subscriptionId, long shipmentId, Milestone milestone, Map<String, String> facts,
                   int attempts, Subscription subscription) {
    }

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    Outbox(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Adds a message unless this subscription has one for the same shipment, milestone and attempt
     * already: the same event delivered twice (a duplicate ingest, an event publication resubmitted
     * after a restart) adds nothing. True when a row was added.
     */
    boolean add(long subscriptionId, long shipmentId, Milestone milestone, String attemptKey, Map<String, String> facts,
                Instant due) {
        return jdbc.sql("""
                insert into notify_notifications (subscription_id, shipment_id, milestone, attempt_key, facts, next_attempt_at)
                values (?, ?, ?, ?, ?::jsonb, ?)
                on conflict (subscription_id, shipment_id, milestone, attempt_key) do nothing""")
                .params(subscriptionId, shipmentId, milestone.name(), attemptKey, json.writeValueAsString(facts),
                        Timestamp.from(due))
                .update() == 1;
    }

    /**
     * Claims due messages for this node and marks them SENDING in one statement, committed before
     * any is sent. {@code SKIP LOCKED}: rows another node is claiming at the same moment are left
     * to it, so two nodes never send the same row. A row left SENDING since before
     * {@code abandonedBefore} was claimed by a node that died mid-way: it is claimed again.
     */
    List<Claimed> claim(Instant now, Instant abandonedBefore, int limit) {
        return jdbc.sql("""
                with claimed as (
                    update notify_notifications n set state = 'SENDING', claimed_at = ?, attempts = n.attempts + 1
                    from (select id from notify_notifications
                          where (state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_at < ?)
                          order by next_attempt_at limit ? for update skip locked) due
                    where n.id = due.id
                    returning n.id, n.subscription_id, n.shipment_id, n.milestone, n.facts, n.attempts)
                select c.id as n_id, c.subscription_id as n_subscription_id, c.shipment_id as n_shipment_id,
                       c.milestone as n_milestone, c.facts::text as n_facts, c.attempts as n_attempts, s.*
                from claimed c left join notify_subscriptions s on s.id = c.subscription_id""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(abandonedBefore), limit)
                .query((rs, i) -> new Claimed(rs.getLong("n_id"), rs.getLong("n_subscription_id"),
                        rs.getLong("n_shipment_id"), Milestone.valueOf(rs.getString("n_milestone")),
                        json.readValue(rs.getString("n_facts"), FACTS), rs.getInt("n_attempts"),
                        rs.getObject("id") == null ? null : Subscriptions.row(rs, i)))
                .list();
    }

    /**
     * Marks the rows of a batch that their receivers accepted, in one statement, committed without
     * waiting for the disk's flush: should the database crash before it, the rows are still
     * SENDING and are sent again after the claim timeout with the same idempotency keys — the
     * repeat the receivers already drop (docs/notifications.md) — and no message is lost.
     */
    void sent(List<Long> ids, Instant at) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("set local synchronous_commit = off").update();
            jdbc.sql("""
                    update notify_notifications set state = 'SENT', sent_at = ?, claimed_at = null, last_error = null
                    where id = any(?)""")
                    .params(Timestamp.from(at), ids.toArray(Long[]::new)).update();
        });
    }

    /** Tries again at {@code next}, or gives up when that was the last try ({@code next} null). */
    void failed(long id, Instant next, String error) {
        jdbc.sql("""
                update notify_notifications set state = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    claimed_at = null, last_error = ? where id = ?""")
                .params(next == null ? "FAILED" : "PENDING", next == null ? null : Timestamp.from(next), clip(error), id)
                .update();
    }

    void dropped(long id, String why) {
        jdbc.sql("update notify_notifications set state = 'DROPPED', claimed_at = null, last_error = ? where id = ?")
                .params(clip(why), id).update();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
