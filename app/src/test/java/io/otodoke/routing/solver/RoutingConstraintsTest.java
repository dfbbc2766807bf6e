package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import ai.timefold.solver.core.api.solver.SolutionManager;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each constraint alone on hand-built plans. Places on a line, 10 time units apart: the depot at 0,
 * A at 1, B at 2 (so depot→A = 10, A→B = 10, B→depot = 20).
 */
class RoutingConstraintsTest {

    private final ConstraintVerifier<RoutingConstraints, RoutePlan> verifier =
            ConstraintVerifier.build(new RoutingConstraints(), RoutePlan.class, Van.class, Visit.class);

    private static final List<Location> PLACES = line(3);
    private static final Location DEPOT = PLACES.get(0);
    private static final Location A = PLACES.get(1);
    private static final Location B = PLACES.get(2);

    private static List<Location> line(int n) {
        List<Location> places = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] row = new long[n];
            for (int j = 0; j < n; j++) {
                row[j] = Math.abs(i - j) * 10L;
            }
            places.add(new Location(i, row));
        }
        return places;
    }

    private static Van van(String id, long capacity, long shiftEnd) {
        return new Van(id, capacity, DEPOT, DEPOT, 0, shiftEnd);
    }

    private static Visit visit(String id, Location at, long demand, long ready, long due) {
        return new Visit(id, at, demand, 5, ready, due);
    }

    /** Puts the visits on the van in order and computes the shadow variables, as the solver would. */
    private static Object[] route(Van van, Visit... visits) {
        van.setVisits(new ArrayList<>(List.of(visits)));
        List<Object> facts = new ArrayList<>(List.of(visits));
        facts.add(van);
        SolutionManager.updateShadowVariables(RoutePlan.class, facts.toArray());
        return facts.toArray();
    }

    @Test
    void capacityIsPenalisedByTheExcessLoad() {
        Van van = van("v", 10, 1000);
        verifier.verifyThat(RoutingConstraints::capacity)
                .given(route(van, visit("a", A, 6, 0, 1000), visit("b", B, 7, 0, 1000)))
                .penalizesBy(3);
        Van roomy = van("w", 13, 1000);
        verifier.verifyThat(RoutingConstraints::capacity)
                .given(route(roomy, visit("a", A, 6, 0, 1000), visit("b", B, 7, 0, 1000)))
                .hasNoImpact();
    }

    @Test
    void serviceMustStartByTheDueTimeWaitingIsAllowed() {
        // a: arrive 10, wait for ready 50, serve 50..55; b: arrive 65, due 60 → 5 late
        Visit a = visit("a", A, 1, 50, 100);
        Visit b = visit("b", B, 1, 0, 60);
        verifier.verifyThat(RoutingConstraints::timeWindow)
                .given(route(van("v", 10, 1000), a, b))
                .penalizesBy(5);
        Visit early = visit("b", B, 1, 0, 65);
        verifier.verifyThat(RoutingConstraints::timeWindow)
                .given(route(van("v", 10, 1000), visit("a", A, 1, 50, 100), early))
                .hasNoImpact();
    }

    @Test
    void theVanIsBackAtTheDepotByShiftEnd() {
        // depot→A 10, serve 5, A→B 10, serve 5, B→depot 20: back at 50
        verifier.verifyThat(RoutingConstraints::shiftEnd)
                .given(route(van("v", 10, 42), visit("a", A, 1, 0, 100), visit("b", B, 1, 0, 100)))
                .penalizesBy(8);
        verifier.verifyThat(RoutingConstraints::shiftEnd)
                .given(route(van("v", 10, 50), visit("a", A, 1, 0, 100), visit("b", B, 1, 0, 100)))
                .hasNoImpact();
    }

    @Test
    void aStopLockedToAVanStaysOnIt() {
        Van v = van("v", 10, 1000);
        Van w = van("w", 10, 1000);
        Visit a = visit("a", A, 1, 0, 100);
        a.setLockedVan(w);
        Object[] onV = route(v, a);
        w.setVisits(new ArrayList<>());
        verifier.verifyThat(RoutingConstraints::lockedVan).given(append(onV, w)).penalizesBy(1);
        verifier.verifyThat(RoutingConstraints::lockedVan).given(append(route(w, a), v)).hasNoImpact();
    }

    @Test
    void travelTimeCountsTheWayBackToTheDepot() {
        verifier.verifyThat(RoutingConstraints::travelTime)
                .given(route(van("v", 10, 1000), visit("a", A, 1, 0, 100), visit("b", B, 1, 0, 100)))
                .penalizesBy(40);
        verifier.verifyThat(RoutingConstraints::travelTime)
                .given(route(van("v", 10, 1000)))
                .hasNoImpact();
    }

    @Test
    void movingAnAnnouncedStopToAnotherVanCostsItsPenalty() {
        Van v = van("v", 10, 1000);
        Van w = van("w", 10, 1000);
        Visit a = visit("a", A, 1, 0, 100);
        a.announce(w, 600, false);
        verifier.verifyThat(RoutingConstraints::movedAnnouncedStop).given(append(route(v, a), w)).penalizesBy(600);
        verifier.verifyThat(RoutingConstraints::movedAnnouncedStop).given(append(route(w, a), v)).hasNoImpact();
        Visit fresh = visit("b", B, 1, 0, 100);
        verifier.verifyThat(RoutingConstraints::movedAnnouncedStop).given(route(van("x", 10, 1000), fresh)).hasNoImpact();
    }

    @Test
    void theNextStopStaysFirstOnItsVan() {
        Van v = van("v", 10, 1000);
        Visit next = visit("n", B, 1, 0, 100);
        next.announce(v, 600, true);
        Visit other = visit("a", A, 1, 0, 100);
        verifier.verifyThat(RoutingConstraints::nextStopKept).given(route(v, other, next)).penalizesBy(600);
        verifier.verifyThat(RoutingConstraints::nextStopKept).given(route(v, next, other)).hasNoImpact();
    }

    @Test
    void eachUsedVanCountsOnce() {
        Van used = van("v", 10, 1000);
        Van idle = van("w", 10, 1000);
        idle.setVisits(new ArrayList<>());
        verifier.verifyThat(RoutingConstraints::vansUsed)
                .given(append(route(used, visit("a", A, 1, 0, 100), visit("b", B, 1, 0, 100)), idle))
                .penalizesBy(1);
    }

    private static Object[] append(Object[] facts, Object more) {
        Object[] all = java.util.Arrays.copyOf(facts, facts.length + 1);
        all[facts.length] = more;
        return all;
    }
}
