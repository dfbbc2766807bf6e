package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OtodokeTest
class StalenessCheckTest {

    @Autowired
    StalenessCheck check;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    TrackingIngest ingest;

    long register(String number, Instant createdAt) {
        return registry.register(Tenant.DEFAULT_ID, List.of(new ShipmentRegistration("japanpost", number,
                ShipmentLeg.OUTBOUND, null, null, false, createdAt))).getFirst().shipmentId();
    }

    @Test
    void aLabelWithoutCarrierScanFor48HoursIsStaleAndAParcelSilentFor30DaysExpires() {
        Instant now = Instant.now();
        long label = register("880000000010", now.minus(Duration.ofHours(50)));
        long fresh = register("880000000021", now.minus(Duration.ofHours(2)));
        long silent = register("880000000032", now.minus(Duration.ofDays(40)));
        LocalDateTime scan = LocalDateTime.ofInstant(now.minus(Duration.ofDays(35)), ZoneOffset.UTC);
        ingest.ingest(Tenant.DEFAULT_ID, List.of(new IncomingEvent(silent, null, null, null, new TrackingEvent("japanpost",
                null, "引受", TrackingStatus.PICKED_UP, null, EventTime.local(scan, ZoneOffset.UTC), EventLocation.NONE, 0, now))));

        check.checkAll();

        assertThat(registry.shipment(Tenant.DEFAULT_ID, label).orElseThrow().staleReason()).isEqualTo("NO_CARRIER_SCAN");
        assertThat(registry.shipment(Tenant.DEFAULT_ID, fresh).orElseThrow().staleReason()).isNull();
        assertThat(registry.shipment(Tenant.DEFAULT_ID, silent).orElseThrow().status()).isEqualTo(TrackingStatus.EXPIRED);
    }
}
