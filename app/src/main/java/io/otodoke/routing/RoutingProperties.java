package io.otodoke.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Route optimisation settings ({@code otodoke.routing.*}, docs/configuration.md).
 *
 * @param detourFactor   road distance over straight-line distance (default 1.3, as the fleet's live ETA)
 * @param speedKmh       average driving speed (default 20 km/h, a city)
 * @param serviceTime    time at a stop when the request gives none (default 3 min)
 * @param vanCapacity    parcels a van carries when the request gives no capacity (default 150)
 * @param shiftStart     a van's shift start when not given, local time of day (default 08:00)
 * @param shiftEnd       ... and its end (default 21:00)
 * @param solveTime      how long planning a day may search (default 10 s); a request may ask for less
 * @param movedStopPenalty what moving an announced stop to another van costs in the objective, as
 *                       travel time (default 10 min)
 * @param replanSeconds  how long re-planning a route under way searches (default 2 s): it runs on every
 *                       change, so it is short
 * @param behindCheck    how often the routes under way are checked for a van behind its windows (default 1 min);
 *                       {@link Replanner#checkBehind}'s schedule reads the same key
 */
@ConfigurationProperties("otodoke.routing")
public record RoutingProperties(Double detourFactor, Double speedKmh, Duration serviceTime, Integer vanCapacity,
                                java.time.LocalTime shiftStart, java.time.LocalTime shiftEnd, Duration solveTime,
                                Duration movedStopPenalty, Integer replanSeconds, Duration behindCheck) {

    public RoutingProperties {
        detourFactor = detourFactor == null ? 1.3 : detourFactor;
        speedKmh = speedKmh == null ? 20.0 : speedKmh;
        serviceTime = serviceTime == null ? Duration.ofMinutes(3) : serviceTime;
        vanCapacity = vanCapacity == null ? 150 : vanCapacity;
        shiftStart = shiftStart == null ? java.time.LocalTime.of(8, 0) : shiftStart;
        shiftEnd = shiftEnd == null ? java.time.LocalTime.of(21, 0) : shiftEnd;
        solveTime = solveTime == null ? Duration.ofSeconds(10) : solveTime;
        movedStopPenalty = movedStopPenalty == null ? Duration.ofMinutes(10) : movedStopPenalty;
        replanSeconds = replanSeconds == null ? 2 : Math.max(1, replanSeconds);
        behindCheck = behindCheck == null ? Duration.ofMinutes(1) : behindCheck;
    }

    public static RoutingProperties defaults() {
        return new RoutingProperties(null, null, null, null, null, null, null, null, null, null);
    }
}
