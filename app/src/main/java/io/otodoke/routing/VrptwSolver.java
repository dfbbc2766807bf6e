package io.otodoke.routing;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import io.otodoke.routing.solver.RouteSolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a {@link Vrptw} with the fleet's own model: one van per vehicle of the instance, leaving the
 * depot at its ready time and due back by its due date. The model counts in integer ticks of a
 * millionth of the instance's unit; travel times are rounded <em>up</em>, so a plan feasible in ticks is
 * feasible in exact arithmetic too (the waiting absorbs the difference).
 */
public final class VrptwSolver {

    static final long TICKS = 1_000_000;

    private VrptwSolver() {
    }

    public static VrptwSolution solve(Vrptw instance, Duration limit) {
        return solve(instance, new TerminationConfig().withSpentLimit(limit));
    }

    static VrptwSolution solve(Vrptw instance, TerminationConfig termination) {
        RoutePlan solved = RouteSolver.solve(plan(instance), termination);
        List<List<Integer>> routes = new ArrayList<>();
        for (Van van : solved.getVans()) {
            routes.add(van.getVisits().stream().map(v -> Integer.parseInt(v.getId())).toList());
        }
        return new VrptwSolution(instance, routes);
    }

    static RoutePlan plan(Vrptw instance) {
        List<Vrptw.Customer> all = new ArrayList<>();
        all.add(instance.depot());
        all.addAll(instance.customers());
        List<Location> locations = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            long[] row = new long[all.size()];
            for (int j = 0; j < all.size(); j++) {
                row[j] = (long) Math.ceil(all.get(i).distanceTo(all.get(j)) * TICKS);
            }
            locations.add(new Location(i, row));
        }
        Location depot = locations.getFirst();
        List<Van> vans = new ArrayList<>();
        for (int v = 0; v < instance.vehicles(); v++) {
            vans.add(new Van("van" + (v + 1), instance.capacity(), depot, depot, ticks(instance.depot().readyTime()),
                    ticks(instance.depot().dueTime())));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            Vrptw.Customer c = all.get(i);
            visits.add(new Visit(Integer.toString(c.number()), locations.get(i), c.demand(), ticks(c.serviceTime()),
                    ticks(c.readyTime()), ticks(c.dueTime())));
        }
        return new RoutePlan(vans, visits);
    }

    /** Times of the instances are whole numbers or a few decimals: exact enough in millionths. */
    private static long ticks(double time) {
        return Math.round(time * TICKS);
    }
}
