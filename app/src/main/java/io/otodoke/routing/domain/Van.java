package io.otodoke.routing.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * A van for one shift: what it carries, when it may leave and must be back, and the visits the solver
 * puts on it in order. Times are in the plan's unit (seconds of the service day for the fleet, scaled
 * distance for a VRPTW instance).
 *
 * @see Visit
 */
@PlanningEntity
public class Van {

    @PlanningId
    private String id;
    private long capacity;
    /** Where the van starts: the depot, or its current position when re-planning a route under way. */
    private Location start;
    /** Where it must return to. */
    private Location depot;
    private long departureTime;
    private long shiftEnd;

    @PlanningListVariable
    private List<Visit> visits = new ArrayList<>();

    public Van() {
    }

    public Van(String id, long capacity, Location start, Location depot, long departureTime, long shiftEnd) {
        this.id = id;
        this.capacity = capacity;
        this.start = start;
        this.depot = depot;
        this.departureTime = departureTime;
        this.shiftEnd = shiftEnd;
    }

    public String getId() {
        return id;
    }

    public long getCapacity() {
        return capacity;
    }

    public Location getStart() {
        return start;
    }

    public Location getDepot() {
        return depot;
    }

    public long getDepartureTime() {
        return departureTime;
    }

    public long getShiftEnd() {
        return shiftEnd;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    // ---- derived, read by the constraints ----

    public boolean isUsed() {
        return !visits.isEmpty();
    }

    public long totalDemand() {
        long total = 0;
        for (Visit v : visits) {
            total += v.getDemand();
        }
        return total;
    }

    /** Driving time from the start through every visit back to the depot. */
    public long totalTravelTime() {
        if (visits.isEmpty()) {
            return 0;
        }
        long total = 0;
        Location at = start;
        for (Visit v : visits) {
            total += at.travelTimeTo(v.getLocation());
            at = v.getLocation();
        }
        return total + at.travelTimeTo(depot);
    }

    /** When the van is back at the depot, or null while a visit's arrival is not known yet. */
    public Long returnTime() {
        if (visits.isEmpty()) {
            return departureTime;
        }
        Visit last = visits.getLast();
        Long departure = last.departureTime();
        return departure == null ? null : departure + last.getLocation().travelTimeTo(depot);
    }

    public long overtime() {
        Long back = returnTime();
        return back == null ? 0 : Math.max(0, back - shiftEnd);
    }

    @Override
    public String toString() {
        return id;
    }
}
