package io.otodoke.cli;

import io.otodoke.routing.Vrptw;
import io.otodoke.routing.VrptwSolution;
import io.otodoke.routing.VrptwSolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Solve a vehicle routing problem with time windows (Solomon / Gehring-Homberger text format)",
                "with the route optimiser of the fleet (docs/routing.md): Euclidean distances, not rounded; travel time",
                "equals distance; waiting allowed; service starts by the due date; vans back by the depot's due date.",
                "Prints 'ROUTE <customers in visiting order>' per route, then",
                "'RESULT name=vrptw value=<total distance> unit=distance baseline=<best known, else 0> ratio=… vehicles=…'.",
                "Exit status: 0 when solved feasibly, 1 when no feasible solution was found in time (printed with",
                "INFEASIBLE lines, no RESULT), 2 when the file cannot be read."})
class RouteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vrptw", required = true, paramLabel = "FILE", description = "the instance file")
    Path file;

    @Option(names = "--seconds", defaultValue = "30", description = "time limit of the solver (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--bks", paramLabel = "FILE",
            description = "best-known solutions, vroom-scripts' BKS.json (default: a BKS.json beside the file or one folder up)")
    Path bks;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seconds < 1) {
            err.println("Error: --seconds must be at least 1.");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("Error: no such file: " + file);
            return 2;
        }
        Vrptw instance;
        try {
            instance = Vrptw.read(file);
        } catch (Vrptw.FormatException e) {
            err.println("Error: " + file + " is not a VRPTW instance: " + e.getMessage());
            return 2;
        }
        Logging.quiet();
        VrptwSolution solution = VrptwSolver.solve(instance, Duration.ofSeconds(seconds));
        for (List<Integer> route : solution.routes()) {
            out.println("ROUTE " + route.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        List<String> violations = solution.violations();
        if (!violations.isEmpty()) {
            for (String v : violations) {
                out.println("INFEASIBLE " + v);
            }
            err.println("No feasible solution found in " + seconds + " s: the routes above break the rules listed.");
            return 1;
        }
        double baseline = BestKnownSolutions.near(file, bks).distance(instance.name()).orElse(0);
        double value = solution.distance();
        out.printf(Locale.ROOT, "RESULT name=vrptw value=%.2f unit=distance baseline=%.2f ratio=%.4f vehicles=%d%n",
                value, baseline, baseline == 0 ? 0 : value / baseline, solution.routes().size());
        return 0;
    }
}
