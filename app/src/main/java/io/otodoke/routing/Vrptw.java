package io.otodoke.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vehicle routing problem with time windows in the text format of Solomon's instances and of Gehring
 * and Homberger's (the name, a VEHICLE section with the number of vehicles and their capacity, a
 * CUSTOMER section with one row per customer, customer 0 being the depot). The rules of the benchmark
 * (README of VROOM-Project/vroom-scripts benchmarks/VRPTW): Euclidean distances, not rounded; travel time
 * equals distance; a van may wait for the ready time; service must start by the due date; every van is
 * back at the depot by the depot's due date.
 */
public record Vrptw(String name, int vehicles, long capacity, Customer depot, List<Customer> customers) {

    public Vrptw {
        customers = List.copyOf(customers);
    }

    /** A row of the CUSTOMER section; times and coordinates as given. */
    public record Customer(int number, double x, double y, long demand, double readyTime, double dueTime,
                           double serviceTime) {

        public double distanceTo(Customer other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    /** The file could not be read as an instance; the message names the line. */
    public static final class FormatException extends IllegalArgumentException {
        FormatException(String message) {
            super(message);
        }
    }

    public static Vrptw read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String fallback = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return parse(fallback, Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    /** Parses an instance; {@code fallbackName} names it when its first line is empty. */
    public static Vrptw parse(String fallbackName, String text) {
        String[] lines = text.split("\r?\n", -1);
        String name = null;
        Integer vehicles = null;
        Long capacity = null;
        List<Customer> rows = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNumber = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.equalsIgnoreCase("VEHICLE") || line.equalsIgnoreCase("CUSTOMER")) {
                section = line.toUpperCase();
                continue;
            }
            if (!Character.isDigit(line.charAt(0)) && line.charAt(0) != '-') {
                continue; // a column header
            }
            String[] f = line.split("\\s+");
            if (section.equals("VEHICLE")) {
                if (f.length != 2 || vehicles != null) {
                    throw new FormatException("line " + lineNumber + ": the VEHICLE section holds one row 'NUMBER CAPACITY'.");
                }
                vehicles = (int) number(f[0], lineNumber, "NUMBER");
                capacity = (long) number(f[1], lineNumber, "CAPACITY");
                if (vehicles < 1 || capacity < 1) {
                    throw new FormatException("line " + lineNumber + ": the number of vehicles and their capacity must be positive.");
                }
            } else if (section.equals("CUSTOMER")) {
                if (f.length != 7) {
                    throw new FormatException("line " + lineNumber + ": a customer row has 7 numbers (CUST NO., XCOORD., "
                            + "YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME), this one has " + f.length + ".");
                }
                Customer c = new Customer((int) number(f[0], lineNumber, "CUST NO."), number(f[1], lineNumber, "XCOORD."),
                        number(f[2], lineNumber, "YCOORD."), (long) number(f[3], lineNumber, "DEMAND"),
                        number(f[4], lineNumber, "READY TIME"), number(f[5], lineNumber, "DUE DATE"),
                        number(f[6], lineNumber, "SERVICE TIME"));
                if (c.demand() < 0 || c.serviceTime() < 0 || c.readyTime() > c.dueTime()) {
                    throw new FormatException("line " + lineNumber + ": customer " + c.number()
                            + " has a negative demand or service time, or a ready time after its due date.");
                }
                rows.add(c);
            } else {
                throw new FormatException("line " + lineNumber + ": numbers before a VEHICLE or CUSTOMER section.");
            }
        }
        if (vehicles == null) {
            throw new FormatException("no VEHICLE section: is this a Solomon / Gehring-Homberger VRPTW file?");
        }
        if (rows.size() < 2) {
            throw new FormatException("the CUSTOMER section needs the depot (customer 0) and at least one customer.");
        }
        Set<Integer> numbers = new HashSet<>();
        for (Customer c : rows) {
            if (!numbers.add(c.number())) {
                throw new FormatException("customer " + c.number() + " appears twice.");
            }
        }
        if (rows.getFirst().number() != 0) {
            throw new FormatException("the first customer row must be the depot, customer 0.");
        }
        return new Vrptw(name.isBlank() ? fallbackName : name, vehicles, capacity, rows.getFirst(),
                rows.subList(1, rows.size()));
    }

    private static double number(String s, int line, String column) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new FormatException("line " + line + ": " + column + " '" + s + "' is not a number.");
        }
    }
}
