package io.otodoke.fleet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A van's round for one service day: its depot, vehicle, driver and stops in planned order.
 *
 * @param etaErrorSeconds the mean absolute error of the arrival predicted when each completed stop became
 *                        the next one, in seconds; null before the first completed stop
 */
public record Route(long id, long tenantId, String code, LocalDate serviceDate, Depot depot, long vehicleId,
                    String vehicleName, String deviceId, Long driverUserId, String driverName, RouteState state,
                    Instant startedAt, Instant finishedAt, List<Stop> stops, Long etaErrorSeconds) {

    public Route {
        stops = List.copyOf(stops);
    }

    public long completedStops() {
        return stops.stream().filter(s -> !s.state().open()).count();
    }
}
