package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;

/**
 * The rules of a plan, one method each (Timefold's vehicle-routing quickstart has the same shape). Hard
 * penalties are in the unit of what is exceeded (capacity units, time units), so the solver feels a
 * smaller violation as better and can walk out of it.
 */
public class RoutingConstraints implements ConstraintProvider {

    public static final String CAPACITY = "Van capacity";
    public static final String TIME_WINDOW = "Service starts by the due time";
    public static final String SHIFT_END = "Back at the depot by shift end";
    public static final String LOCKED_VAN = "Locked to its van";
    public static final String TRAVEL_TIME = "Total travel time";
    public static final String MOVED_ANNOUNCED = "Announced stop moved to another van";
    public static final String NEXT_STOP = "Next stop kept";
    public static final String VANS_USED = "Vans used";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                capacity(factory),
                timeWindow(factory),
                shiftEnd(factory),
                lockedVan(factory),
                travelTime(factory),
                movedAnnouncedStop(factory),
                nextStopKept(factory),
                vansUsed(factory)
        };
    }

    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(Van.class)
                .filter(van -> van.totalDemand() > van.getCapacity())
                .penalize(HardMediumSoftScore.ONE_HARD, van -> van.totalDemand() - van.getCapacity())
                .asConstraint(CAPACITY);
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.lateness() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Visit::lateness)
                .asConstraint(TIME_WINDOW);
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Van.class)
                .filter(van -> van.overtime() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Van::overtime)
                .asConstraint(SHIFT_END);
    }

    Constraint lockedVan(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getLockedVan() != null && visit.getVan() != visit.getLockedVan())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(LOCKED_VAN);
    }

    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Van.class)
                .filter(Van::isUsed)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, Van::totalTravelTime)
                .asConstraint(TRAVEL_TIME);
    }

    /** Re-planning must not reshuffle a route under way: a recipient was told which van and when. */
    Constraint movedAnnouncedStop(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isMovedFromAnnouncedVan)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, Visit::getMovePenalty)
                .asConstraint(MOVED_ANNOUNCED);
    }

    /** The driver may already be on the way to the next stop. */
    Constraint nextStopKept(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isNextStopDisplaced)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, Visit::getMovePenalty)
                .asConstraint(NEXT_STOP);
    }

    Constraint vansUsed(ConstraintFactory factory) {
        return factory.forEach(Van.class)
                .filter(Van::isUsed)
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .asConstraint(VANS_USED);
    }
}
