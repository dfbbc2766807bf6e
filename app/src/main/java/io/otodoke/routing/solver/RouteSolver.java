package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;

/**
 * Timefold's default phases for a list variable (a construction heuristic, then late-acceptance local
 * search over list changes, swaps, sub-list moves and 2-opt) on {@link RoutingConstraints}, until the
 * given termination. The random seed is fixed, so a step-limited run is repeatable.
 */
public final class RouteSolver {

    private RouteSolver() {
    }

    public static SolverFactory<RoutePlan> factory(TerminationConfig termination) {
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Van.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withRandomSeed(0L)
                .withTerminationConfig(termination));
    }

    public static RoutePlan solve(RoutePlan problem, TerminationConfig termination) {
        return factory(termination).buildSolver().solve(problem);
    }

    /** Fills in the shadow variables and the score of a plan built by hand (no solving). */
    public static HardMediumSoftScore score(RoutePlan plan) {
        return SolutionManager.<RoutePlan, HardMediumSoftScore>create(factory(new TerminationConfig()
                .withStepCountLimit(0))).update(plan);
    }
}
