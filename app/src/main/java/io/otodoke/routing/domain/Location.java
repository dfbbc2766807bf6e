package io.otodoke.routing.domain;

/**
 * A place vans drive between: a depot, a van's current position or a stop. Travel times come from one
 * precomputed matrix row per location, so a solver move costs an array read, not a distance formula.
 *
 * @param index      this location's row and column in the travel-time matrix
 * @param travelTimes travel time from here to every location by index, in the plan's time unit
 */
public record Location(int index, long[] travelTimes) {

    public long travelTimeTo(Location other) {
        return travelTimes[other.index];
    }

    @Override
    public String toString() {
        return "Location" + index;
    }
}
