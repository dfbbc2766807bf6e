package io.otodoke.routing;

/**
 * Driving distance and time between two points. The haversine estimate is the first; a road-network
 * matrix (OSRM, GraphHopper, Valhalla) is meant to replace it without touching the planner.
 */
public interface TravelTimeCalculator {

    double meters(double fromLat, double fromLon, double toLat, double toLon);

    long seconds(double fromLat, double fromLon, double toLat, double toLon);
}
