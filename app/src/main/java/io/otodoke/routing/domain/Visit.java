package io.otodoke.routing.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * A stop to serve: its place, what it takes of the van's capacity, how long the driver stays, and when
 * service may start ({@code readyTime}, the van waits if early) and must have started ({@code dueTime}).
 * The van and the arrival time are the solver's, the rest is given.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private Location location;
    private long demand;
    private long serviceDuration;
    private long readyTime;
    private long dueTime;
    /** The dispatcher's lock: this visit goes on this van, in whatever order is best. */
    private Van lockedVan;
    /** The van the recipient was told about, when re-planning a route under way; null for a new stop. */
    private Van announcedVan;
    /** What moving this announced visit to another van costs, in the plan's time unit. */
    private long movePenalty;
    /** The announced van's next stop: it stays first unless a hard constraint forces a change. */
    private boolean next;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Van van;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previousVisit;

    @ShadowVariable(supplierName = "arrivalTimeSupplier")
    private Long arrivalTime;

    public Visit() {
    }

    public Visit(String id, Location location, long demand, long serviceDuration, long readyTime, long dueTime) {
        this.id = id;
        this.location = location;
        this.demand = demand;
        this.serviceDuration = serviceDuration;
        this.readyTime = readyTime;
        this.dueTime = dueTime;
    }

    @ShadowSources({"van", "previousVisit.arrivalTime"})
    public Long arrivalTimeSupplier() {
        if (van == null) {
            return null;
        }
        if (previousVisit == null) {
            return van.getDepartureTime() + van.getStart().travelTimeTo(location);
        }
        Long before = previousVisit.departureTime();
        return before == null ? null : before + previousVisit.getLocation().travelTimeTo(location);
    }

    /** Service starts on arrival, or at the ready time when the van is early (it waits). */
    public Long serviceStart() {
        return arrivalTime == null ? null : Math.max(arrivalTime, readyTime);
    }

    public Long departureTime() {
        Long start = serviceStart();
        return start == null ? null : start + serviceDuration;
    }

    /** How much later than its due time service starts; 0 when on time or not yet planned. */
    public long lateness() {
        Long start = serviceStart();
        return start == null ? 0 : Math.max(0, start - dueTime);
    }

    public boolean isMovedFromAnnouncedVan() {
        return announcedVan != null && van != announcedVan;
    }

    /** An announced next stop that is no longer its van's first. */
    public boolean isNextStopDisplaced() {
        return next && (van != announcedVan || previousVisit != null);
    }

    public String getId() {
        return id;
    }

    public Location getLocation() {
        return location;
    }

    public long getDemand() {
        return demand;
    }

    public long getServiceDuration() {
        return serviceDuration;
    }

    public long getReadyTime() {
        return readyTime;
    }

    public long getDueTime() {
        return dueTime;
    }

    public Van getLockedVan() {
        return lockedVan;
    }

    public void setLockedVan(Van lockedVan) {
        this.lockedVan = lockedVan;
    }

    public Van getAnnouncedVan() {
        return announcedVan;
    }

    public long getMovePenalty() {
        return movePenalty;
    }

    /** Marks this visit as announced on {@code van}; {@code next} when it is that van's next stop. */
    public void announce(Van van, long movePenalty, boolean next) {
        this.announcedVan = van;
        this.movePenalty = movePenalty;
        this.next = next;
    }

    /** Whether this is its announced van's next stop. */
    public boolean isNext() {
        return next;
    }

    public Van getVan() {
        return van;
    }

    public void setVan(Van van) {
        this.van = van;
    }

    public Visit getPreviousVisit() {
        return previousVisit;
    }

    public void setPreviousVisit(Visit previousVisit) {
        this.previousVisit = previousVisit;
    }

    public Long getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Long arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    @Override
    public String toString() {
        return id;
    }
}
