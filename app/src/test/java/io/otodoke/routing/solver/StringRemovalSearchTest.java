package io.otodoke.routing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The string-removal search: its constant-time insertion check against a plain simulation of the route,
 * and its behaviour inside the solver (locks kept, score agreeing with the constraints, a plan it cannot
 * complete left to Timefold).
 */
class StringRemovalSearchTest {

    /** Random places on a 100 × 100 grid; travel time is the rounded-up Euclidean distance. */
    private static List<Location> places(int count, SplittableRandom random) {
        double[][] xy = new double[count][];
        for (int i = 0; i < count; i++) {
            xy[i] = new double[] {random.nextDouble() * 100, random.nextDouble() * 100};
        }
        List<Location> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] row = new long[count];
            for (int j = 0; j < count; j++) {
                row[j] = (long) Math.ceil(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]));
            }
            places.add(new Location(i, row));
        }
        return places;
    }

    /** Two vans from different starts, 30 visits with random windows, demands and service times. */
    private static RoutePlan randomProblem(SplittableRandom random) {
        List<Location> at = places(33, random);
        List<Van> vans = List.of(new Van("a", 60, at.get(0), at.get(0), 0, 1000),
                new Van("b", 60, at.get(1), at.get(0), 50, 900),
                new Van("c", 60, at.get(0), at.get(0), 0, 1000));
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long ready = random.nextLong(600);
            visits.add(new Visit("v" + i, at.get(i + 3), 1 + random.nextLong(10), random.nextLong(20), ready,
                    ready + 30 + random.nextLong(300)));
        }
        return new RoutePlan(vans, visits);
    }

    /** Drives van k's route as given and says whether every window, the capacity and the shift end hold. */
    private static boolean simulate(StringRemovalSearch.Problem p, int k, int[] route) {
        long time = p.departure[k];
        int at = p.startLocation[k];
        long load = 0;
        for (int v : route) {
            time = Math.max(time + p.travel[at][p.visitLocation[v]], p.ready[v]);
            if (time > p.due[v]) {
                return false;
            }
            time += p.service[v];
            at = p.visitLocation[v];
            load += p.demand[v];
        }
        return load <= p.capacity[k] && (route.length == 0 || time + p.travel[at][p.depotLocation[k]] <= p.shiftEnd[k]);
    }

    private static long travel(StringRemovalSearch.Problem p, int k, int[] route) {
        if (route.length == 0) {
            return 0;
        }
        long total = 0;
        int at = p.startLocation[k];
        for (int v : route) {
            total += p.travel[at][p.visitLocation[v]];
            at = p.visitLocation[v];
        }
        return total + p.travel[at][p.depotLocation[k]];
    }

    private static int[] inserted(StringRemovalSearch.State s, int k, int position, int visit) {
        int[] route = new int[s.size[k] + 1];
        System.arraycopy(s.route[k], 0, route, 0, position);
        route[position] = visit;
        System.arraycopy(s.route[k], position, route, position + 1, s.size[k] - position);
        return route;
    }

    @Test
    void theConstantTimeInsertionCheckAgreesWithDrivingTheRoute() {
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        int feasible = 0;
        for (int round = 0; round < 40; round++) {
            StringRemovalSearch.Problem p = new StringRemovalSearch.Problem(randomProblem(random));
            StringRemovalSearch.State s = p.insertAll(random);
            for (int k = 0; k < p.m; k++) {
                assertThat(simulate(p, k, java.util.Arrays.copyOf(s.route[k], s.size[k]))).isTrue();
            }
            // take some visits out, then try every place for each of them
            int[] out = p.ruin(s, random);
            for (int c : out) {
                for (int k = 0; k < p.m; k++) {
                    for (int position = 0; position <= s.size[k]; position++) {
                        int[] route = inserted(s, k, position, c);
                        boolean expected = simulate(p, k, route);
                        boolean actual = s.feasibleInsertion(k, position, c) && s.load[k] + p.demand[c] <= p.capacity[k];
                        assertThat(actual).as("round %d, visit %d at %d on van %d", round, c, position, k)
                                .isEqualTo(expected);
                        int[] before = java.util.Arrays.copyOf(s.route[k], s.size[k]);
                        assertThat(s.addedTravel(k, position, c)).isEqualTo(travel(p, k, route) - travel(p, k, before));
                        checked++;
                        feasible += expected ? 1 : 0;
                    }
                }
            }
            p.recreate(s, out, random);
            for (int k = 0; k < p.m; k++) {
                assertThat(simulate(p, k, java.util.Arrays.copyOf(s.route[k], s.size[k]))).isTrue();
            }
        }
        // both answers were exercised many times
        assertThat(feasible).isGreaterThan(500);
        assertThat(checked - feasible).isGreaterThan(500);
    }

    @Test
    void theSolvedPlanIsFeasibleAndItsScoreIsTheSearchsCost() {
        RoutePlan solved = RouteSolver.solve(randomProblem(new SplittableRandom(3)),
                new TerminationConfig().withStepCountLimit(500));
        assertThat(solved.getScore().isFeasible()).isTrue();
        long travel = solved.getVans().stream().mapToLong(Van::totalTravelTime).sum();
        assertThat(-solved.getScore().mediumScore()).isEqualTo(travel);
        assertThat(solved.getVans().stream().mapToInt(v -> v.getVisits().size()).sum()).isEqualTo(30);
    }

    @Test
    void aLockedVisitStaysOnItsVanEvenWhenAnotherIsCloser() {
        List<Location> at = places(6, new SplittableRandom(1));
        Van near = new Van("near", 100, at.get(0), at.get(0), 0, 10_000);
        Van far = new Van("far", 100, at.get(1), at.get(1), 0, 10_000);
        List<Visit> visits = new ArrayList<>();
        for (int i = 2; i < 6; i++) {
            visits.add(new Visit("v" + i, at.get(i), 1, 0, 0, 10_000));
        }
        visits.getFirst().setLockedVan(far);
        visits.get(1).setLockedVan(near);
        RoutePlan solved = RouteSolver.solve(new RoutePlan(List.of(near, far), visits),
                new TerminationConfig().withStepCountLimit(200));
        assertThat(solved.getScore().isFeasible()).isTrue();
        Van farAfter = solved.getVans().get(1);
        Van nearAfter = solved.getVans().get(0);
        assertThat(farAfter.getVisits()).extracting(Visit::getId).contains("v2");
        assertThat(nearAfter.getVisits()).extracting(Visit::getId).contains("v3");
    }

    @Test
    void aPlanNoSearchCanMakeFeasibleIsLeftToTimefoldWithEveryVisitOnAVan() {
        List<Location> at = places(4, new SplittableRandom(2));
        Van van = new Van("only", 100, at.get(0), at.get(0), 0, 100_000);
        // "late" is due before any van can get there: no feasible place exists
        Visit late = new Visit("late", at.get(1), 1, 0, 0, at.get(0).travelTimeTo(at.get(1)) - 1);
        Visit a = new Visit("a", at.get(2), 1, 0, 0, 100_000);
        Visit b = new Visit("b", at.get(3), 1, 0, 0, 100_000);
        RoutePlan solved = RouteSolver.solve(new RoutePlan(List.of(van), List.of(late, a, b)),
                new TerminationConfig().withStepCountLimit(50));
        assertThat(solved.getScore().hardScore()).isNegative();
        assertThat(solved.getVans().getFirst().getVisits()).extracting(Visit::getId)
                .containsExactlyInAnyOrder("late", "a", "b");
    }
}
