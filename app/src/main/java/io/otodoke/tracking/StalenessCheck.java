package io.otodoke.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the clock-based states of status-model.md on a schedule, never in a parser: marks open
 * shipments stale (with the reason that decides the advice shown) and expires those silent for
 * 30 days.
 */
@Component
class StalenessCheck {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final TrackingProperties properties;
    private final Clock clock;

    StalenessCheck(JdbcClient jdbc, TrackingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Open(long id, TrackingStatus status, Instant lastEventAt, Instant lastScanAt, Instant createdAt,
                boolean international, String staleReason) {
    }

    @Scheduled(initialDelayString = "${otodoke.tracking.staleness-check:PT5M}",
            fixedDelayString = "${otodoke.tracking.staleness-check:PT5M}")
    void scheduled() {
        checkAll();
    }

    /** Checks every open shipment, a page at a time; returns how many changed. */
    int checkAll() {
        int changed = 0;
        long after = 0;
        while (true) {
            List<Open> page = page(after);
            if (page.isEmpty()) {
                return changed;
            }
            changed += check(page, clock.instant());
            after = page.getLast().id();
        }
    }

    private List<Open> page(long after) {
        return jdbc.sql("""
                select id, status, last_event_at, last_carrier_scan_at, created_at, international, stale_reason
                from shipments where id > ? and status not in ('DELIVERED', 'RETURNED', 'CANCELLED', 'EXPIRED')
                order by id limit ?""").params(after, PAGE)
                .query((rs, i) -> new Open(rs.getLong(1), TrackingStatus.valueOf(rs.getString(2)), instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
                        rs.getBoolean(6), rs.getString(7))).list();
    }

    int check(List<Open> page, Instant now) {
        var thresholds = properties.thresholds();
        List<Object[]> expire = new ArrayList<>();
        List<Object[]> stale = new ArrayList<>();
        for (Open s : page) {
            if (s.status() == TrackingStatus.UNKNOWN) {
                continue;
            }
            if (Staleness.shouldExpire(s.status(), s.lastEventAt(), s.createdAt(), now, thresholds)) {
                expire.add(new Object[] {s.id()});
                continue;
            }
            String reason = Staleness.evaluate(s.status(), s.lastEventAt(), s.lastScanAt(), s.createdAt(),
                    s.international(), now, properties.zone(), thresholds).map(Enum::name).orElse(null);
            if (!java.util.Objects.equals(reason, s.staleReason())) {
                stale.add(new Object[] {s.id(), reason});
            }
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (Object[] e : expire) {
            jdbc.sql("update shipments set status = 'EXPIRED', status_changed_at = ?, stale_reason = null, stale_since = null where id = ?")
                    .params(at, e[0]).update();
        }
        for (Object[] s : stale) {
            jdbc.sql("update shipments set stale_reason = ?, stale_since = ? where id = ?")
                    .params(s[1], s[1] == null ? null : at, s[0]).update();
        }
        return expire.size() + stale.size();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
