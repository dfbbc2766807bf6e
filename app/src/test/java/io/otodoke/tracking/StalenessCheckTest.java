package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The staleness table of status-model.md applied by the scheduled check to stored shipments, at a
 * fixed "now", case by case: each stale reason, expiry, a carrier outage, and the events the
 * notification module gets. Only this test's shipments are checked, so the shared database's
 * other shipments keep their state.
 */
@OtodokeTest
class StalenessCheckTest {

    /** 00:30 on 16 June in Japan: the 15th, Japan's day, is over. */
    static final Instant NOW = Instant.parse("2026-06-15T15:30:00Z");

    @Autowired
    StalenessCheck scheduled;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    TrackingIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrackingProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    final List<Object> published = new ArrayList<>();
    /** Carriers whose tracking cannot be read (their connector's circuit is open). */
    final Set<String> down = new HashSet<>();
    final StalenessCheck check() {
        return new StalenessCheck(jdbc, properties, Clock.fixed(NOW, ZoneOffset.UTC), down::contains, published::add,
                transactions);
    }

    long register(String carrier, boolean international, Instant createdAt) {
        String number = "88" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        return registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration(carrier, number,
                ShipmentLeg.OUTBOUND, null, null, international, createdAt))).getFirst().shipmentId();
    }

    void scan(long shipment, String source, TrackingStatus status, Instant at) {
        ingest.ingest(Tenant.DEFAULT_ID, List.of(new IncomingEvent(shipment, null, null, null, new TrackingEvent(source,
                null, status.name(), status, null, EventTime.local(LocalDateTime.ofInstant(at, ZoneOffset.UTC), ZoneOffset.UTC),
                EventLocation.NONE, 0, at))));
    }

    ShipmentView shipment(long id) {
        return registry.shipment(Tenant.DEFAULT_ID, id).orElseThrow();
    }

    static Instant hoursBefore(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void aLabelWithoutCarrierScanFor48HoursIsStale() {
        long stale = register("japanpost", false, hoursBefore(49));
        long fresh = register("japanpost", false, hoursBefore(47));

        check().check(List.of(stale, fresh), NOW);

        assertThat(shipment(stale).staleReason()).isEqualTo("NO_CARRIER_SCAN");
        assertThat(shipment(fresh).staleReason()).isNull();
        assertThat(published).containsExactly(new ShipmentStale(stale, Tenant.DEFAULT_ID, StaleReason.NO_CARRIER_SCAN, NOW));
    }

    @Test
    void noUpdateFor24HoursDomesticOr72HoursInternationalIsStale() {
        long domestic = register("japanpost", false, hoursBefore(100));
        scan(domestic, "japanpost", TrackingStatus.IN_TRANSIT, hoursBefore(25));
        long abroadRecent = register("japanpost", true, hoursBefore(100));
        scan(abroadRecent, "japanpost", TrackingStatus.IN_TRANSIT, hoursBefore(25));
        long abroadSilent = register("japanpost", true, hoursBefore(100));
        scan(abroadSilent, "japanpost", TrackingStatus.IN_TRANSIT, hoursBefore(73));

        check().check(List.of(domestic, abroadRecent, abroadSilent), NOW);

        assertThat(shipment(domestic).staleReason()).isEqualTo("NO_UPDATE");
        assertThat(shipment(abroadRecent).staleReason()).isNull();
        assertThat(shipment(abroadSilent).staleReason()).isEqualTo("NO_UPDATE");
    }

    @Test
    void outForDeliveryWhenJapansDayIsOverIsNotDeliveredToday() {
        long yesterday = register("japanpost", false, hoursBefore(30));
        scan(yesterday, "japanpost", TrackingStatus.OUT_FOR_DELIVERY, hoursBefore(6)); // 18:30 on the 15th in Japan
        long today = register("japanpost", false, hoursBefore(30));
        scan(today, "japanpost", TrackingStatus.OUT_FOR_DELIVERY, NOW.minus(Duration.ofMinutes(20))); // 00:10 on the 16th

        check().check(List.of(yesterday, today), NOW);

        assertThat(shipment(yesterday).staleReason()).isEqualTo("NOT_DELIVERED_TODAY");
        assertThat(shipment(today).staleReason()).isNull();
    }

    @Test
    void silentFor30DaysExpiresAndSaysSo() {
        long silent = register("japanpost", false, NOW.minus(Duration.ofDays(40)));
        scan(silent, "japanpost", TrackingStatus.PICKED_UP, NOW.minus(Duration.ofDays(30)));

        check().check(List.of(silent), NOW);

        assertThat(shipment(silent).status()).isEqualTo(TrackingStatus.EXPIRED);
        assertThat(published).singleElement().isInstanceOfSatisfying(ShipmentStatusChanged.class, e -> {
            assertThat(e.shipmentId()).isEqualTo(silent);
            assertThat(e.previous()).isEqualTo(TrackingStatus.PICKED_UP);
            assertThat(e.current()).isEqualTo(TrackingStatus.EXPIRED);
        });
    }

    @Test
    void aShipmentIsReportedStaleOnceForEachNewReason() {
        long id = register("japanpost", false, hoursBefore(100));
        scan(id, "japanpost", TrackingStatus.IN_TRANSIT, hoursBefore(25));

        check().check(List.of(id), NOW);
        check().check(List.of(id), NOW.plus(Duration.ofHours(1)));

        assertThat(published).containsExactly(new ShipmentStale(id, Tenant.DEFAULT_ID, StaleReason.NO_UPDATE, NOW));
    }

    @Test
    void aCarrierOutageIsNotAStuckParcel() {
        long silentDuringOutage = register("yamato", false, hoursBefore(100));
        scan(silentDuringOutage, "yamato", TrackingStatus.IN_TRANSIT, hoursBefore(30));
        long stuckBefore = register("yamato", false, hoursBefore(100));
        scan(stuckBefore, "yamato", TrackingStatus.IN_TRANSIT, hoursBefore(30));
        check().check(List.of(stuckBefore), NOW);
        published.clear();

        down.add("yamato");
        check().check(List.of(silentDuringOutage, stuckBefore), NOW.plus(Duration.ofDays(31)));

        assertThat(shipment(silentDuringOutage).staleReason()).as("no staleness from the outage's silence").isNull();
        assertThat(shipment(stuckBefore).staleReason()).as("stuck before the outage: stays").isEqualTo("NO_UPDATE");
        assertThat(shipment(stuckBefore).status()).as("no expiry during the outage").isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(published).isEmpty();

        down.clear();
        check().check(List.of(silentDuringOutage), NOW);

        assertThat(shipment(silentDuringOutage).staleReason()).as("the rules apply again after it").isEqualTo("NO_UPDATE");
    }

    @Test
    void theScheduledCheckRunsOverEveryOpenShipment() {
        Instant now = Instant.now();
        long label = register("japanpost", false, now.minus(Duration.ofHours(50)));

        scheduled.checkAll();

        assertThat(shipment(label).staleReason()).isEqualTo("NO_CARRIER_SCAN");
    }
}
