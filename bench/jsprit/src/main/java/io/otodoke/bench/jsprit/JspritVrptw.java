package io.otodoke.bench.jsprit;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The jsprit baseline of {@code ./otodoke bench routing}: {@code JspritVrptw SECONDS FILE...} solves each
 * Solomon-format instance with jsprit's default algorithm on one thread for SECONDS and prints, per
 * instance, {@code INSTANCE <file>}, one {@code ROUTE <customers>} line per route and {@code END
 * unassigned=<n>}. The bench re-checks and measures the routes itself, exactly as it does its own.
 *
 * <p>jsprit's defaults match the benchmark's rules: without a cost matrix it uses crow-fly (Euclidean,
 * not rounded) distances with travel time equal to distance, a time window bounds the start of service,
 * and a vehicle's latest arrival bounds its return to the depot.
 */
public final class JspritVrptw {

    private JspritVrptw() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JspritVrptw SECONDS FILE...");
            System.exit(2);
        }
        long millis = Math.round(Double.parseDouble(args[0]) * 1000);
        for (int i = 1; i < args.length; i++) {
            solve(Path.of(args[i]), millis);
        }
    }

    private static void solve(Path file, long millis) throws IOException {
        List<double[]> rows = customers(file);
        int[] fleet = vehicle(file);
        double[] depot = rows.getFirst();
        Location depotLocation = Location.newInstance(depot[1], depot[2]);
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("van").addCapacityDimension(0, fleet[1]).build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        for (int v = 0; v < fleet[0]; v++) {
            vrp.addVehicle(VehicleImpl.Builder.newInstance("van" + v).setType(type).setStartLocation(depotLocation)
                    .setEarliestStart(depot[4]).setLatestArrival(depot[5]).build());
        }
        for (double[] c : rows.subList(1, rows.size())) {
            vrp.addJob(Service.Builder.newInstance(Integer.toString((int) c[0]))
                    .addSizeDimension(0, (int) c[3])
                    .setLocation(Location.newInstance(c[1], c[2]))
                    .setTimeWindow(TimeWindow.newInstance(c[4], c[5]))
                    .setServiceTime(c[6]).build());
        }
        VehicleRoutingProblem problem = vrp.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
        TimeTermination time = new TimeTermination(millis);
        algorithm.setPrematureAlgorithmTermination(time);
        algorithm.addListener(time);
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        System.out.println("INSTANCE " + file);
        for (VehicleRoute route : best.getRoutes()) {
            StringJoiner line = new StringJoiner(" ", "ROUTE ", "");
            for (TourActivity a : route.getActivities()) {
                if (a instanceof TourActivity.JobActivity job) {
                    line.add(job.getJob().getId());
                }
            }
            System.out.println(line);
        }
        System.out.println("END unassigned=" + best.getUnassignedJobs().size());
        System.out.flush();
    }

    /** Number of vehicles and capacity: the one row of numbers after the line VEHICLE. */
    private static int[] vehicle(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equalsIgnoreCase("VEHICLE")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String[] f = lines.get(j).strip().split("\\s+");
                    if (f.length == 2 && Character.isDigit(f[0].charAt(0))) {
                        return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
                    }
                }
            }
        }
        throw new IllegalArgumentException(file + ": no VEHICLE section");
    }

    /** The customer rows (customer 0 is the depot): number, x, y, demand, ready, due, service. */
    private static List<double[]> customers(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        boolean inCustomers = false;
        for (String raw : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String line = raw.strip();
            if (line.equalsIgnoreCase("CUSTOMER")) {
                inCustomers = true;
            } else if (inCustomers && !line.isEmpty() && Character.isDigit(line.charAt(0))) {
                String[] f = line.split("\\s+");
                double[] row = new double[7];
                for (int k = 0; k < 7; k++) {
                    row[k] = Double.parseDouble(f[k]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
