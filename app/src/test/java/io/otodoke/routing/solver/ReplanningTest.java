package io.otodoke.routing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-planning routes under way, on the model: two vans out on their streets (completed stops are not in
 * the problem any more), every open stop announced on its van, the first one being driven to. One
 * recipient's slot moves earlier; only that van's order and arrivals change, the next stop stays first,
 * and the other van is untouched.
 */
class ReplanningTest {

    /** Points on an east-west street, in metres from the depot; travel takes a second per metre. */
    private static final long[] X = {0, 1000, 2000, 3000, 4000, 5000, 6000, -500, -1000, -2000, -3000, -4000, -5000};

    private static List<Location> street() {
        List<Location> places = new ArrayList<>();
        for (int i = 0; i < X.length; i++) {
            long[] row = new long[X.length];
            for (int j = 0; j < X.length; j++) {
                row[j] = Math.abs(X[i] - X[j]);
            }
            places.add(new Location(i, row));
        }
        return places;
    }

    @Test
    void aSlotMovedEarlierReordersOnlyItsOwnVanAndKeepsTheNextStop() {
        List<Location> at = street();
        long now = 36_000; // 10:00
        Van east = new Van("east", 100, at.get(0), at.get(0), now, 20 * 3600);
        // the west van ends its day at a second depot further west: its street order is strictly the shortest
        Van west = new Van("west", 100, at.get(7), at.get(12), now, 20 * 3600);
        List<Visit> eastStops = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            eastStops.add(new Visit("e" + i, at.get(i), 1, 60, 0, 24 * 3600));
        }
        List<Visit> westStops = new ArrayList<>();
        for (int i = 8; i <= 11; i++) {
            westStops.add(new Visit("w" + i, at.get(i), 1, 60, 0, 24 * 3600));
        }
        announce(east, eastStops);
        announce(west, westStops);
        List<Visit> all = new ArrayList<>(eastStops);
        all.addAll(westStops);
        RoutePlan before = new RoutePlan(List.of(east, west), all);
        RouteSolver.score(before);
        Map<String, Long> arrivalsBefore = arrivals(before);

        // e5's recipient now wants it by 10:07: reachable only as the van's second stop (e1 at 10:16:40
        // + 1 min, then 4 km: 10:22:40 — so by 10:23 instead)
        Visit moved = new Visit("e5", at.get(5), 1, 60, 0, now + 1000 + 60 + 4000 + 30);
        moved.announce(east, 600, false);
        List<Visit> replanned = new ArrayList<>(eastStops);
        replanned.set(4, moved);
        east.setVisits(new ArrayList<>(replanned));
        all.set(4, moved);
        RoutePlan problem = new RoutePlan(List.of(east, west), all);
        RoutePlan after = RouteSolver.solve(problem, new TerminationConfig().withStepCountLimit(300));

        assertThat(after.getScore().isFeasible()).isTrue();
        Van eastAfter = van(after, "east");
        Van westAfter = van(after, "west");
        assertThat(eastAfter.getVisits()).extracting(Visit::getId).startsWith("e1", "e5")
                .containsExactlyInAnyOrder("e1", "e2", "e3", "e4", "e5", "e6");
        assertThat(westAfter.getVisits()).extracting(Visit::getId).containsExactly("w8", "w9", "w10", "w11");
        Map<String, Long> arrivalsAfter = arrivals(after);
        for (String w : List.of("w8", "w9", "w10", "w11", "e1")) {
            assertThat(arrivalsAfter.get(w)).as(w).isEqualTo(arrivalsBefore.get(w));
        }
        assertThat(arrivalsAfter.get("e5")).isLessThan(arrivalsBefore.get("e5"));
        assertThat(arrivalsAfter.get("e2")).isGreaterThan(arrivalsBefore.get("e2"));
    }

    private static void announce(Van van, List<Visit> visits) {
        for (int i = 0; i < visits.size(); i++) {
            visits.get(i).announce(van, 600, i == 0);
        }
        van.setVisits(new ArrayList<>(visits));
    }

    private static Van van(RoutePlan plan, String id) {
        return plan.getVans().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, Long> arrivals(RoutePlan plan) {
        Map<String, Long> arrivals = new HashMap<>();
        plan.getVisits().forEach(v -> arrivals.put(v.getId(), v.getArrivalTime()));
        return arrivals;
    }
}
