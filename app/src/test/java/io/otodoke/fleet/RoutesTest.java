package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.ErrorResponseException;

/** A route from plan to last stop: events in the timelines, the live view, access. */
@OtodokeTest
class RoutesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Routes routes;
    @Autowired
    LiveRoutes live;
    @Autowired
    PositionWriter writer;

    FleetWorld world;

    @BeforeEach
    void world() {
        world = new FleetWorld(context);
    }

    @Test
    void startingDeliveringAndAttemptingWriteTheTimelineAndCountDown() {
        FleetWorld.Fleet f = world.fleet(4);
        assertThat(live.view(f.shipments().get(2), false, "/photo").state()).isEqualTo(ShipmentLive.State.SCHEDULED);

        routes.start(f.driverCaller(), f.route().id());
        assertThat(status(f, 0)).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        report(f, FleetWorld.LAT - 0.001, FleetWorld.LON);

        ShipmentLive third = live.view(f.shipments().get(2), false, "/photo");
        assertThat(third.state()).isEqualTo(ShipmentLive.State.EN_ROUTE);
        assertThat(third.remainingStopCount()).isEqualTo(3);
        assertThat(third.vehicleLocation()).isNotNull();
        assertThat(third.destination().latitude()).isEqualTo(FleetWorld.LAT + 0.008);
        assertThat(third.estimatedArrivalWindow().start()).isBefore(third.estimatedArrival());

        long first = f.route().stops().get(0).id();
        routes.arrived(f.driverCaller(), first);
        routes.delivered(f.driverCaller(), first, StatusReason.SAFE_PLACE, "玄関前", FleetWorld.LAT, FleetWorld.LON,
                DeliveryPhotos.clean(jpeg()));
        assertThat(live.view(f.shipments().get(2), false, "/photo").remainingStopCount()).isEqualTo(2);
        routes.attempted(f.driverCaller(), f.route().stops().get(1).id(), StatusReason.ABSENT, null, null, null);
        assertThat(live.view(f.shipments().get(2), false, "/photo").remainingStopCount()).isEqualTo(1);

        assertThat(status(f, 0)).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(status(f, 1)).isEqualTo(TrackingStatus.DELIVERY_ATTEMPTED);
        ShipmentLive delivered = live.view(f.shipments().get(0), false, "/photo");
        assertThat(delivered.state()).isEqualTo(ShipmentLive.State.DELIVERED);
        assertThat(delivered.proofOfDelivery().place()).isEqualTo("SAFE_PLACE");
        assertThat(delivered.proofOfDelivery().photoUrl()).isEqualTo("/photo");
        assertThat(live.view(f.shipments().get(0), true, null).proofOfDelivery().photoUrl()).isNull();
        assertThat(routes.photoOfShipment(f.shipments().get(0))).isPresent();
        List<TimelineEntry> timeline = world.registry.shipment(f.shop().id(), f.shipments().get(0)).orElseThrow().timeline();
        assertThat(timeline).extracting(TimelineEntry::status).contains(TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.DELIVERED);
    }

    @Test
    void theVanIsHiddenWhenMoreThanTenStopsAwayOrItsPositionIsStale() {
        FleetWorld.Fleet f = world.fleet(12);
        routes.start(f.driverCaller(), f.route().id());
        report(f, FleetWorld.LAT, FleetWorld.LON);
        ShipmentLive far = live.view(f.shipments().get(11), false, null);
        assertThat(far.remainingStopCount()).isNull();
        assertThat(far.vehicleLocation()).isNull();
        assertThat(far.vehicleHidden()).isEqualTo(ShipmentLive.Hidden.TOO_MANY_STOPS);
        assertThat(far.estimatedArrival()).isNotNull();
        assertThat(live.view(f.shipments().get(9), false, null).remainingStopCount()).isEqualTo(10);

        FleetWorld.Fleet g = world.fleet(2);
        routes.start(g.driverCaller(), g.route().id());
        writer.submit(List.of(new Positions.Located(g.vehicle().id(), new PositionReport(g.vehicle().deviceId(),
                Instant.now().minusSeconds(6 * 60), FleetWorld.LAT, FleetWorld.LON, null, null, null, null, null,
                Map.of()))), Instant.now()).join();
        ShipmentLive stale = live.view(g.shipments().get(0), false, null);
        assertThat(stale.vehicleHidden()).isEqualTo(ShipmentLive.Hidden.POSITION_STALE);
        assertThat(stale.vehicleLocation()).isNull();
        assertThat(stale.remainingStopCount()).isNull();
    }

    @Test
    void onlyTheRoutesDriverOrItsShopsOperatorActOnIt() {
        FleetWorld.Fleet f = world.fleet(1);
        FleetWorld.Fleet other = world.fleet(1);
        assertThatThrownBy(() -> routes.start(other.driverCaller(), f.route().id()))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("404");
        assertThatThrownBy(() -> routes.start(other.operator(), f.route().id()))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("404");
        Caller shopper = new Caller(Role.SHOPPER, f.shop().id(), null, 1L, "x@example.jp", "test");
        assertThat(routes.route(shopper, f.route().id())).isEmpty();
        assertThat(routes.route(f.operator(), f.route().id())).isPresent();
        assertThat(routes.start(f.operator(), f.route().id()).state()).isEqualTo(RouteState.STARTED);
    }

    private void report(FleetWorld.Fleet f, double lat, double lon) {
        var located = List.of(new Positions.Located(f.vehicle().id(), new PositionReport(f.vehicle().deviceId(),
                Instant.now(), lat, lon, 8.0, null, null, null, null, Map.of())));
        writer.submit(located, Instant.now()).join(); // stored, then LiveRoutes hears of it
    }

    private TrackingStatus status(FleetWorld.Fleet f, int i) {
        return world.registry.shipment(f.shop().id(), f.shipments().get(i)).orElseThrow().status();
    }

    static byte[] jpeg() {
        try {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
