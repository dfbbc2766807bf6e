package io.otodoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./otodoke route --vrptw FILE}: routes, a RESULT against the best known, readable errors. */
class RouteCommandTest {

    /** Two vans of capacity 20 for three customers of 10 on a 10 × 10 square: best 40 + √200. */
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
    void printsTheRoutesAndTheResultAgainstTheBestKnownDistance(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("SQUARE.txt"), SQUARE);
        Files.writeString(dir.resolve("BKS.json"), "{\"SQUARE_distance\":{\"best_known_cost\":54.14}}");
        Run r = CliTest.run("route", "--vrptw", file.toString(), "--seconds", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("ROUTE "))).hasSize(2);
        assertThat(r.out().lines().toList().getLast())
                .isEqualTo("RESULT name=vrptw value=54.14 unit=distance baseline=54.14 ratio=1.0000 vehicles=2");
    }

    @Test
    void withoutABestKnownDistanceTheBaselineIsZero(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("SQUARE.txt"), SQUARE);
        Run r = CliTest.run("route", "--vrptw", file.toString(), "--seconds", "1");
        assertThat(r.out()).contains("RESULT name=vrptw value=54.14 unit=distance baseline=0.00 ratio=0.0000 vehicles=2");
    }

    @Test
    void anInstanceWithNoFeasibleSolutionSaysSoAndPrintsNoResult(@TempDir Path dir) throws Exception {
        // customer 3 cannot be reached by its due date 5 (it is 10 away)
        Path file = Files.writeString(dir.resolve("LATE.txt"), SQUARE.replace("30         45", " 0          5"));
        Run r = CliTest.run("route", "--vrptw", file.toString(), "--seconds", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("INFEASIBLE route").doesNotContain("RESULT");
        assertThat(r.err()).contains("No feasible solution");
    }

    @Test
    void aBadFileIsAReadableErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.txt"), "hello\n");
        Run r = CliTest.run("route", "--vrptw", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a VRPTW instance").contains("VEHICLE").doesNotContain("Exception");
        Run missing = CliTest.run("route", "--vrptw", dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }
}
