package io.otodoke.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users' notification preferences; a user who never chose has the defaults. */
@Service
public class PreferenceStore {

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final NotifyProperties properties;

    PreferenceStore(JdbcClient jdbc, Subscriptions subscriptions, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /** What applies before a user chooses: Japanese, the default milestones, the installation's quiet hours. */
    public Preferences defaults() {
        return new Preferences("ja", Milestone.defaults(), Subscription.DEFAULT_STOPS_AWAY, properties.quietStart(),
                properties.quietEnd(), Set.of());
    }

    public Preferences of(long userId) {
        return jdbc.sql("select * from notify_preferences where user_id = ?").param(userId)
                .query(PreferenceStore::row).optional().orElseGet(this::defaults);
    }

    /** The quiet hours of each of these users who chose their own. */
    Map<Long, QuietHours> quietHours(Collection<Long> userIds) {
        Map<Long, QuietHours> out = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("select * from notify_preferences where user_id = any(?::bigint[])")
                    .param(userIds.toArray(Long[]::new))
                    .query((rs, n) -> out.put(rs.getLong("user_id"), row(rs, n).quietHours())).list();
        }
        return out;
    }

    /** Saves a user's choices and applies them to all their subscriptions. */
    @Transactional
    public void save(long userId, Preferences p) {
        jdbc.sql("""
                insert into notify_preferences (user_id, language, milestones, stops_away_threshold, quiet_start, quiet_end,
                    quiet_exempt, updated_at)
                values (?, ?, ?::text[], ?, ?, ?, ?::text[], now())
                on conflict (user_id) do update set language = excluded.language, milestones = excluded.milestones,
                    stops_away_threshold = excluded.stops_away_threshold, quiet_start = excluded.quiet_start,
                    quiet_end = excluded.quiet_end, quiet_exempt = excluded.quiet_exempt, updated_at = now()""")
                .params(userId, p.language(), Subscriptions.names(p.milestones()), p.stopsAwayThreshold(), p.quietStart(),
                        p.quietEnd(), Subscriptions.names(p.quietExempt()))
                .update();
        subscriptions.applyPreferences(userId, p);
    }

    private static Preferences row(ResultSet rs, int n) throws SQLException {
        return new Preferences(rs.getString("language"), Subscriptions.milestones(rs.getArray("milestones")),
                rs.getInt("stops_away_threshold"), rs.getObject("quiet_start", java.time.LocalTime.class),
                rs.getObject("quiet_end", java.time.LocalTime.class), Subscriptions.milestones(rs.getArray("quiet_exempt")));
    }
}
