package io.otodoke.routing;

import io.otodoke.fleet.Geo;
import org.springframework.stereotype.Component;

/** Straight-line (great-circle) distance times a detour factor, driven at an average speed. */
@Component
public class HaversineTravelTimes implements TravelTimeCalculator {

    private final double detourFactor;
    private final double metersPerSecond;

    public HaversineTravelTimes(RoutingProperties properties) {
        this.detourFactor = properties.detourFactor();
        this.metersPerSecond = properties.speedKmh() / 3.6;
    }

    @Override
    public double meters(double fromLat, double fromLon, double toLat, double toLon) {
        return Geo.meters(fromLat, fromLon, toLat, toLon) * detourFactor;
    }

    @Override
    public long seconds(double fromLat, double fromLon, double toLat, double toLon) {
        return Math.round(meters(fromLat, fromLon, toLat, toLon) / metersPerSecond);
    }
}
