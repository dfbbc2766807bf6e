package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.InvalidPosition;
import io.otodoke.fleet.PositionReport;
import io.otodoke.fleet.PositionWriter;
import io.otodoke.fleet.Positions;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Routes;
import io.otodoke.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The driver page's own position reports (static/js/driver.js, browser geolocation): the phone in the
 * driver's hand is the van while their route is under way, so the position goes to that route's vehicle.
 * It is a page endpoint (session and CSRF header), not the API: the driver has no device id to give, and
 * may report only for the van of their own route started today. The alternative without an open page is
 * Traccar Client on the OsmAnd port.
 */
@RestController
class DriverPositionApi {

    private final Routes routes;
    private final PositionWriter writer;
    private final Clock clock;

    DriverPositionApi(Routes routes, PositionWriter writer, Clock clock) {
        this.routes = routes;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * As the browser's {@code GeolocationPosition} gives it: degrees, accuracy in metres, speed in m/s,
     * heading in degrees from north, timestamp in milliseconds since the epoch.
     */
    record PhonePosition(Double latitude, Double longitude, Double accuracy, Double speed, Double heading,
                         Long timestamp) {
    }

    @PostMapping(path = "/driver/position", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> report(@RequestBody PhonePosition body, Caller caller) {
        List<Route> today = routes.day(caller, routes.today());
        if (today.isEmpty()) {
            throw ProblemType.notFound("A route of yours today");
        }
        // Two routes under way at once is a planning mistake; the one started last is the van in hand.
        Route route = today.stream().filter(r -> r.state() == RouteState.STARTED)
                .max(Comparator.comparing(Route::startedAt))
                .orElseThrow(() -> ProblemType.exception(HttpStatus.CONFLICT, "route-not-started", "Conflict",
                        "Start your route before reporting positions."));
        Instant now = clock.instant();
        Positions.Located located = new Positions.Located(route.vehicleId(), report(body, route.deviceId(), now));
        try {
            writer.store(List.of(located), now); // the live routes hear of it once stored
        } catch (PositionWriter.Full e) {
            throw ProblemType.exception(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private static PositionReport report(PhonePosition p, String deviceId, Instant now) {
        if (p == null || p.latitude() == null || p.longitude() == null) {
            throw ProblemType.invalidField("latitude", "latitude and longitude are required.");
        }
        Instant time = p.timestamp() == null ? now : Instant.ofEpochMilli(p.timestamp());
        try {
            return new PositionReport(deviceId, time, p.latitude(), p.longitude(), known(p.speed()),
                    known(p.heading()), null, known(p.accuracy()), null, Map.of("source", "driver-page")).check(now);
        } catch (InvalidPosition e) {
            String field = switch (e.field() == null ? "" : e.field()) {
                case "lat" -> "latitude";
                case "lon" -> "longitude";
                case "timestamp" -> "timestamp";
                default -> e.field() == null ? "position" : e.field();
            };
            throw ProblemType.invalidField(field, e.getMessage());
        }
    }

    /** Browsers give null (or NaN, sent as null) when they do not know; some give -1. */
    private static Double known(Double value) {
        return value == null || value.isNaN() || value < 0 ? null : value;
    }
}
