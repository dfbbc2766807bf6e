package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.List;

/**
 * The solver of {@link RoutingConstraints}, three Timefold phases: the construction heuristic puts every
 * visit on a van; {@link StringRemovalSearch}, a custom phase, improves that plan by ruin-and-recreate
 * under simulated annealing for most of the time limit; then late-acceptance local search over list
 * changes and swaps, sub-list moves (reversed too) and k-opt polishes it with the exact score, which
 * also weighs what the search keeps fixed (an announced next stop) and the number of vans. The random
 * seeds are fixed, so a step-limited run is repeatable.
 *
 * <p>Why the custom phase: Timefold's community edition has no nearby selection, and its local search
 * (default, or tuned with ruin-and-recreate moves) stayed 13–50 % above Solomon's best-known distances
 * after a few seconds, behind jsprit; the string-removal search gets within a few percent in the same
 * time (docs/benchmarks.md).
 */
public final class RouteSolver {

    static final int LATE_ACCEPTANCE_SIZE = 10;
    static final int ITERATIONS_PER_STEP = 10;
    static final int LOCAL_SEARCH_MOVES_PER_STEP = 100;
    /** The share of a time limit the string-removal search gets; construction comes before it. */
    static final double SEARCH_SHARE = 0.9;

    private RouteSolver() {
    }

    private static SolverFactory<RoutePlan> factory(TerminationConfig termination, StringRemovalSearch search,
                                                    Long localSearchMoves) {
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Van.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withRandomSeed(0L)
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new CustomPhaseConfig().withCustomPhaseCommands(search),
                        localSearch(localSearchMoves)));
    }

    private static LocalSearchPhaseConfig localSearch(Long moves) {
        return new LocalSearchPhaseConfig()
                .withTerminationConfig(moves == null ? null : new TerminationConfig().withMoveCountLimit(moves))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
                        new ListChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new ListSwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true).withFixedProbabilityWeight(1.0),
                        new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true).withFixedProbabilityWeight(1.0),
                        new KOptListMoveSelectorConfig().withFixedProbabilityWeight(1.0))))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /**
     * Solves within the termination's time limit, or, for a repeatable run, its step count limit, which
     * then also allows {@value #ITERATIONS_PER_STEP} ruin-and-recreate iterations and
     * {@value #LOCAL_SEARCH_MOVES_PER_STEP} local-search moves per step (a plan at a local optimum makes
     * no local-search step, so a step limit alone could run forever).
     */
    public static RoutePlan solve(RoutePlan problem, TerminationConfig termination) {
        Long millis = termination.calculateTimeMillisSpentLimit();
        Integer steps = termination.getStepCountLimit();
        if (millis == null && steps == null) {
            throw new IllegalArgumentException("a time or step count limit is needed");
        }
        long iterations = steps == null ? Long.MAX_VALUE : (long) steps * ITERATIONS_PER_STEP;
        // the construction heuristic runs first; the search's temperature falls over the rest of the time,
        // leaving a little for Timefold's local search to take the plan over
        long budget = millis == null ? 0 : Math.max(1, Math.round(millis * 1e6 * SEARCH_SHARE));
        StringRemovalSearch search = new StringRemovalSearch(budget, iterations, 0L);
        Long moves = steps == null ? null : (long) steps * LOCAL_SEARCH_MOVES_PER_STEP;
        return factory(termination, search, moves).buildSolver().solve(problem);
    }

    /** Fills in the shadow variables and the score of a plan built by hand (no solving). */
    public static HardMediumSoftScore score(RoutePlan plan) {
        return SolutionManager.<RoutePlan, HardMediumSoftScore>create(factory(new TerminationConfig()
                .withStepCountLimit(0), new StringRemovalSearch(0, 0, 0L), null)).update(plan);
    }
}
