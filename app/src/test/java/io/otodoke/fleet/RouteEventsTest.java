package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.tracking.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What the last mile tells the notification module: stops away as they change, arriving soon once. */
@OtodokeTest
@RecordApplicationEvents
class RouteEventsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Routes routes;
    @Autowired
    LiveRoutes live;

    @Test
    void stopsAwayIsPublishedAtTheStartAndOnEachChange() {
        FleetWorld.Fleet f = new FleetWorld(context).fleet(3);
        routes.start(f.driverCaller(), f.route().id());
        assertThat(stopsAway(f)).containsExactlyInAnyOrder(
                new StopsAwayChanged(f.shipments().get(0), f.shop().id(), f.route().id(), stop(f, 0), null, 1),
                new StopsAwayChanged(f.shipments().get(1), f.shop().id(), f.route().id(), stop(f, 1), null, 2),
                new StopsAwayChanged(f.shipments().get(2), f.shop().id(), f.route().id(), stop(f, 2), null, 3));

        events.clear();
        routes.arrived(f.driverCaller(), stop(f, 0));
        assertThat(stopsAway(f)).isEmpty(); // arriving changes no count: the stop is still open
        routes.delivered(f.driverCaller(), stop(f, 0), StatusReason.HANDED_OVER, null, null, null, null);
        assertThat(stopsAway(f)).containsExactlyInAnyOrder(
                new StopsAwayChanged(f.shipments().get(1), f.shop().id(), f.route().id(), stop(f, 1), 2, 1),
                new StopsAwayChanged(f.shipments().get(2), f.shop().id(), f.route().id(), stop(f, 2), 3, 2));
    }

    @Test
    void arrivingSoonIsPublishedOncePerStopWhenTheEstimateFallsUnderTenMinutes() {
        // Stops 445 m apart: each about 1.7 minutes' drive at 20 km/h plus 3 minutes' service, so from
        // beside the first stop the first three are under ten minutes away and the fourth is not.
        FleetWorld.Fleet f = new FleetWorld(context).fleet(6);
        routes.start(f.driverCaller(), f.route().id());
        position(f, FleetWorld.LAT - 0.001);
        position(f, FleetWorld.LAT - 0.0005);
        position(f, FleetWorld.LAT - 0.0004);
        List<ArrivingSoon> soon = events.stream(ArrivingSoon.class).filter(e -> e.routeId() == f.route().id()).toList();
        assertThat(soon).extracting(ArrivingSoon::shipmentId)
                .containsExactlyInAnyOrderElementsOf(f.shipments().subList(0, 3));
        assertThat(soon).allSatisfy(e -> assertThat(e.estimatedArrival()).isBefore(Instant.now().plusSeconds(600)));
    }

    private void position(FleetWorld.Fleet f, double lat) {
        live.positions(List.of(new Positions.Located(f.vehicle().id(), new PositionReport(f.vehicle().deviceId(),
                Instant.now(), lat, FleetWorld.LON, null, null, null, null, null, Map.of()))));
    }

    private List<StopsAwayChanged> stopsAway(FleetWorld.Fleet f) {
        return events.stream(StopsAwayChanged.class).filter(e -> e.routeId() == f.route().id()).toList();
    }

    private static long stop(FleetWorld.Fleet f, int i) {
        return f.route().stops().get(i).id();
    }
}
