package io.otodoke.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Solomon format, the independent re-check, and the solver on instances whose answer is known. */
class VrptwTest {

    static final Path SOLOMON = Path.of("../bench/data/vrptw/solomon");

    /**
     * Three customers on the corners of a 10 × 10 square, the depot on the fourth; two fit in a van, and
     * the windows order the visits 1, 2, 3. Best: one van to 1 and 2 (or 2 and 3), another to the last,
     * 10 + 10 + √200 + 10 + 10 = 54.142…
     */
    static final String SQUARE = """
            SQUARE

            VEHICLE
            NUMBER     CAPACITY
              3          20

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                0       0         0          0          0        100          0
                1      10         0         10          0         15          0
                2      10        10         10         15         30          0
                3       0        10         10         30         45          0
            """;

    @Test
    void readsASolomonFile() throws Exception {
        Vrptw c101 = Vrptw.read(SOLOMON.resolve("C101.txt"));
        assertThat(c101.name()).isEqualTo("C101");
        assertThat(c101.vehicles()).isEqualTo(25);
        assertThat(c101.capacity()).isEqualTo(200);
        assertThat(c101.depot()).isEqualTo(new Vrptw.Customer(0, 40, 50, 0, 0, 1236, 0));
        assertThat(c101.customers()).hasSize(100);
        assertThat(c101.customers().getFirst()).isEqualTo(new Vrptw.Customer(1, 45, 68, 10, 912, 967, 90));
        assertThat(c101.customers().getLast().number()).isEqualTo(100);
    }

    @Test
    void aBrokenFileIsRefusedWithTheLine() {
        assertThatThrownBy(() -> Vrptw.parse("x", SQUARE.replace("10         0         10", "10  zero  10")))
                .isInstanceOf(Vrptw.FormatException.class).hasMessageContaining("line 11").hasMessageContaining("'zero'");
        assertThatThrownBy(() -> Vrptw.parse("x", SQUARE.replace("  3          20", "  3 20 7")))
                .isInstanceOf(Vrptw.FormatException.class).hasMessageContaining("line 5");
        assertThatThrownBy(() -> Vrptw.parse("x", "hello\nworld\n"))
                .isInstanceOf(Vrptw.FormatException.class).hasMessageContaining("VEHICLE");
        assertThatThrownBy(() -> Vrptw.parse("x", SQUARE.replace("    3       0        10", "    2       0        10")))
                .isInstanceOf(Vrptw.FormatException.class).hasMessageContaining("customer 2 appears twice");
        assertThatThrownBy(() -> Vrptw.parse("x", SQUARE.replace("30         45", "50         45")))
                .isInstanceOf(Vrptw.FormatException.class).hasMessageContaining("ready time after its due date");
    }

    @Test
    void theReCheckFindsEveryBrokenRule() {
        Vrptw square = Vrptw.parse("x", SQUARE);
        assertThat(new VrptwSolution(square, List.of(List.of(1, 2), List.of(3))).violations()).isEmpty();
        assertThat(new VrptwSolution(square, List.of(List.of(1, 2, 3))).violations())
                .containsExactly("route 1 carries 30, over the capacity 20");
        assertThat(new VrptwSolution(square, List.of(List.of(2, 1), List.of(3))).violations())
                .containsExactly("route 1 starts serving customer 1 at 25.0, after its due date 15.0");
        assertThat(new VrptwSolution(square, List.of(List.of(1, 2))).violations())
                .containsExactly("customer 3 is visited 0 times");
        Vrptw shortDay = Vrptw.parse("x", SQUARE.replace("0          0        100", "0          0         39"));
        assertThat(new VrptwSolution(shortDay, List.of(List.of(1), List.of(2, 3))).violations())
                .containsExactly("route 2 returns at 40.0, after the depot closes at 39.0");
    }

    @Test
    void solvesTheSquareToItsOptimum() {
        VrptwSolution s = VrptwSolver.solve(Vrptw.parse("x", SQUARE), new TerminationConfig().withStepCountLimit(200));
        assertThat(s.violations()).isEmpty();
        assertThat(s.routes()).hasSize(2);
        assertThat(s.distance()).isCloseTo(40 + Math.sqrt(200), within(1e-9));
    }

    @Test
    void aShortRunOnC101IsFeasibleAndReachesTheBestKnown() throws Exception {
        // 300 steps: 3,000 ruin-and-recreate iterations, a fraction of a second
        VrptwSolution s = VrptwSolver.solve(Vrptw.read(SOLOMON.resolve("C101.txt")),
                new TerminationConfig().withStepCountLimit(300));
        assertThat(s.violations()).isEmpty();
        assertThat(s.distance()).isLessThanOrEqualTo(828.94); // the best known, rounded to two decimals
    }
}
