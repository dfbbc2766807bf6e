package io.otodoke.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the clock-based states of status-model.md on a schedule, never in a parser: marks open
 * shipments stale (with the reason that decides the advice shown) and expires those silent for
 * 30 days.
 *
 * <p>A carrier outage is not a stuck parcel (status-model.md, staleness table): while
 * {@link CarrierAvailability} says a carrier's tracking cannot be read (its connector's circuit is
 * open), every clock-based state is a guess from missing updates that the outage itself causes.
 * So the check leaves that carrier's shipments exactly as they are: no new or changed stale
 * reason, no expiry, no {@link ShipmentStale}; a reason set before the outage stays (the parcel
 * was already stuck), and the pages show "carrier tracking temporarily unavailable" instead of the
 * stale advice. The next run after the circuit closes applies the rules again from the shipment's
 * own timestamps.
 *
 * <p>Each page of shipments is updated in one transaction, and {@link ShipmentStale} (new reason)
 * and {@link ShipmentStatusChanged} (expiry) are published in it, so the outbox records exactly
 * the changes that were committed.
 */
@Component
class StalenessCheck {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final TrackingProperties properties;
    private final Clock clock;
    private final CarrierAvailability availability;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;

    StalenessCheck(JdbcClient jdbc, TrackingProperties properties, Clock clock, CarrierAvailability availability,
                   ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.availability = availability;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Open(long id, long tenantId, String carrier, String trackingNumber, TrackingStatus status,
                StatusReason reason, Instant lastEventAt, Instant lastScanAt, Instant createdAt,
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
        Instant now = clock.instant();
        while (true) {
            List<Open> page = page(after);
            if (page.isEmpty()) {
                return changed;
            }
            changed += transaction.execute(tx -> check(page, now));
            after = page.getLast().id();
        }
    }

    /** Checks these shipments only, as if it were {@code now} (tests with a fixed clock). */
    int check(Collection<Long> ids, Instant now) {
        List<Open> open = jdbc.sql(SELECT + " and id = any(?) order by id")
                .param(ids.toArray(Long[]::new)).query((rs, i) -> open(rs)).list();
        return transaction.execute(tx -> check(open, now));
    }

    private static final String SELECT = """
            select id, tenant_id, carrier, tracking_number, status, status_reason, last_event_at, last_carrier_scan_at,
                   created_at, international, stale_reason
            from shipments where status not in ('DELIVERED', 'RETURNED', 'CANCELLED', 'EXPIRED')""";

    private List<Open> page(long after) {
        return jdbc.sql(SELECT + " and id > ? order by id limit ?").params(after, PAGE)
                .query((rs, i) -> open(rs)).list();
    }

    private static Open open(java.sql.ResultSet rs) throws java.sql.SQLException {
        String reason = rs.getString(6);
        return new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                TrackingStatus.valueOf(rs.getString(5)), reason == null ? null : StatusReason.valueOf(reason),
                instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class)),
                instant(rs.getObject(9, OffsetDateTime.class)), rs.getBoolean(10), rs.getString(11));
    }

    private int check(List<Open> page, Instant now) {
        var thresholds = properties.thresholds();
        List<Open> expire = new ArrayList<>();
        List<Object[]> stale = new ArrayList<>();
        for (Open s : page) {
            if (s.status() == TrackingStatus.UNKNOWN || availability.trackingUnavailable(s.carrier())) {
                continue;
            }
            if (Staleness.shouldExpire(s.status(), s.lastEventAt(), s.createdAt(), now, thresholds)) {
                expire.add(s);
                continue;
            }
            StaleReason reason = Staleness.evaluate(s.status(), s.lastEventAt(), s.lastScanAt(), s.createdAt(),
                    s.international(), now, properties.zone(), thresholds).orElse(null);
            String name = reason == null ? null : reason.name();
            if (!Objects.equals(name, s.staleReason())) {
                stale.add(new Object[] {s, reason});
            }
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (Open e : expire) {
            jdbc.sql("update shipments set status = 'EXPIRED', status_changed_at = ?,"
                            + " stale_reason = null, stale_since = null where id = ?")
                    .params(at, e.id()).update();
            publisher.publishEvent(new ShipmentStatusChanged(e.id(), e.tenantId(), e.carrier(), e.trackingNumber(),
                    e.status(), TrackingStatus.EXPIRED, null, now));
        }
        for (Object[] change : stale) {
            Open s = (Open) change[0];
            StaleReason reason = (StaleReason) change[1];
            jdbc.sql("update shipments set stale_reason = ?, stale_since = ? where id = ?")
                    .params(reason == null ? null : reason.name(), reason == null ? null : at, s.id()).update();
            if (reason != null) {
                publisher.publishEvent(new ShipmentStale(s.id(), s.tenantId(), reason, now));
            }
        }
        return expire.size() + stale.size();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
