package io.otodoke.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes for a {@link Vrptw}, as customer numbers in visiting order (the depot implicit at both ends),
 * with their cost and their check. The check is computed here in floating point from the instance alone,
 * independently of the solver's own (scaled, integer) model: what {@code route} prints is re-verified.
 */
public record VrptwSolution(Vrptw instance, List<List<Integer>> routes) {

    /** Tolerance of the floating-point re-check: far below any difference the instances can express. */
    private static final double EPSILON = 1e-7;

    public VrptwSolution {
        routes = routes.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public double distance() {
        double total = 0;
        for (List<Integer> route : routes) {
            Vrptw.Customer at = instance.depot();
            for (Vrptw.Customer c : customers(route)) {
                total += at.distanceTo(c);
                at = c;
            }
            total += at.distanceTo(instance.depot());
        }
        return total;
    }

    /** What makes these routes infeasible, one sentence each; empty when they are feasible. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        Map<Integer, Vrptw.Customer> byNumber = new HashMap<>();
        instance.customers().forEach(c -> byNumber.put(c.number(), c));
        Map<Integer, Integer> visits = new HashMap<>();
        if (routes.size() > instance.vehicles()) {
            problems.add(routes.size() + " routes for " + instance.vehicles() + " vehicles");
        }
        for (int r = 0; r < routes.size(); r++) {
            long load = 0;
            double time = instance.depot().readyTime();
            Vrptw.Customer at = instance.depot();
            for (int number : routes.get(r)) {
                visits.merge(number, 1, Integer::sum);
                Vrptw.Customer c = byNumber.get(number);
                if (c == null) {
                    problems.add("route " + (r + 1) + " visits unknown customer " + number);
                    continue;
                }
                load += c.demand();
                time = Math.max(time + at.distanceTo(c), c.readyTime());
                if (time > c.dueTime() + EPSILON) {
                    problems.add("route " + (r + 1) + " starts serving customer " + number + " at " + time
                            + ", after its due date " + c.dueTime());
                }
                time += c.serviceTime();
                at = c;
            }
            double back = time + at.distanceTo(instance.depot());
            if (back > instance.depot().dueTime() + EPSILON) {
                problems.add("route " + (r + 1) + " returns at " + back + ", after the depot closes at "
                        + instance.depot().dueTime());
            }
            if (load > instance.capacity()) {
                problems.add("route " + (r + 1) + " carries " + load + ", over the capacity " + instance.capacity());
            }
        }
        for (Vrptw.Customer c : instance.customers()) {
            int n = visits.getOrDefault(c.number(), 0);
            if (n != 1) {
                problems.add("customer " + c.number() + " is visited " + n + " times");
            }
        }
        return problems;
    }

    public boolean feasible() {
        return violations().isEmpty();
    }

    private List<Vrptw.Customer> customers(List<Integer> route) {
        Map<Integer, Vrptw.Customer> byNumber = new HashMap<>();
        instance.customers().forEach(c -> byNumber.put(c.number(), c));
        return route.stream().map(byNumber::get).toList();
    }
}
