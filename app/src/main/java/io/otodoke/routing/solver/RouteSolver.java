package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.List;

/**
 * The solver of {@link RoutingConstraints}: Timefold's construction heuristic, then late-acceptance local
 * search over list changes and swaps, sub-list moves (reversed too), 2-opt and ruin-and-recreate. The
 * random seed is fixed, so a step-limited run is repeatable.
 *
 * <p>Why not Timefold's default local search: on Solomon's instances with a few seconds it stayed 13–50 %
 * above the best-known distances; ruin-and-recreate of 3 to 10 visits (the heart of jsprit),
 * picked often, and a short late-acceptance list (10 instead of 400, so the search improves within
 * seconds) did better in short trials; docs/benchmarks.md has the figures, which stay far from jsprit's.
 */
public final class RouteSolver {

    static final int LATE_ACCEPTANCE_SIZE = 10;
    /** Ruin-and-recreate is picked this many times as often as each of the small moves. */
    static final double RUIN_RECREATE_WEIGHT = 5;

    private RouteSolver() {
    }

    public static SolverFactory<RoutePlan> factory(TerminationConfig termination) {
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Van.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withRandomSeed(0L)
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch()));
    }

    private static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
                        new ListChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new ListSwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true).withFixedProbabilityWeight(1.0),
                        new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true).withFixedProbabilityWeight(1.0),
                        new KOptListMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new ListRuinRecreateMoveSelectorConfig().withMinimumRuinedCount(3).withMaximumRuinedCount(10)
                                .withFixedProbabilityWeight(RUIN_RECREATE_WEIGHT))))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
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
