package io.otodoke.routing.domain;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/**
 * The vans, the visits and the score. Hard: capacity, time windows, shift end, the dispatcher's locks.
 * Medium: total travel time, plus what re-planning costs a route under way. Soft: vans used.
 */
@PlanningSolution
public class RoutePlan {

    @PlanningEntityCollectionProperty
    private List<Van> vans;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;

    @PlanningScore
    private HardMediumSoftScore score;

    public RoutePlan() {
    }

    public RoutePlan(List<Van> vans, List<Visit> visits) {
        this.vans = vans;
        this.visits = visits;
    }

    public List<Van> getVans() {
        return vans;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
