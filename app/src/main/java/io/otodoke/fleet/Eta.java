package io.otodoke.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first, honest estimator of design/last-mile.md: from the van through the open stops in order,
 * straight-line distance times a detour factor at an average speed, plus a service time at each
 * stop, waiting where a stop's window has not opened yet. The window around an estimate comes from
 * the route's own errors. Later work may put a road network behind {@link #estimate}; the API stays.
 */
public final class Eta {

    /** Half a window is never narrower than this: nobody can promise a van to the minute. */
    static final Duration MIN_HALF_WINDOW = Duration.ofMinutes(5);
    /** Before a route has errors of its own, a prediction is assumed to drift this much per stop ahead. */
    static final Duration PRIOR_ERROR_PER_STOP = Duration.ofSeconds(90);
    /** Errors needed before the route's own spread replaces the prior. */
    static final int MIN_SAMPLES = 3;

    private Eta() {
    }

    /**
     * An open stop in route order.
     *
     * @param arrivedAt when the van arrived there (state ARRIVED), or null
     */
    public record OpenStop(long id, double latitude, double longitude, Instant windowStart, Instant arrivedAt) {
    }

    /**
     * @param stopsAway        open stops up to and including this one: the next stop is 1
     * @param distanceMeters   estimated driving distance from the van
     */
    public record Estimate(long stopId, int stopsAway, double distanceMeters, Instant arrival) {
    }

    public record Window(Instant start, Instant end) {
    }

    /**
     * Estimates for the open stops, in order, for a van at ({@code latitude}, {@code longitude}) at {@code now}.
     *
     * @param speed   average speed in m/s
     * @param detour  road distance over straight-line distance
     */
    public static List<Estimate> estimate(double latitude, double longitude, Instant now, List<OpenStop> open,
                                          double speed, Duration service, double detour) {
        return estimate(latitude, longitude, now, open, speed, service, detour, null);
    }

    /** As above, stopping after the first estimate later than {@code until} (all stops when null). */
    public static List<Estimate> estimate(double latitude, double longitude, Instant now, List<OpenStop> open,
                                          double speed, Duration service, double detour, Instant until) {
        List<Estimate> estimates = new ArrayList<>(open.size());
        double lat = latitude;
        double lon = longitude;
        double distance = 0;
        Instant t = now;
        for (int i = 0; i < open.size(); i++) {
            OpenStop s = open.get(i);
            Instant arrival;
            if (s.arrivedAt() != null) {
                // The van is there: the next leg starts when its service here is done.
                arrival = s.arrivedAt();
                Instant done = s.arrivedAt().plus(service);
                t = done.isAfter(t) ? done : t;
            } else {
                double leg = Geo.meters(lat, lon, s.latitude(), s.longitude()) * detour;
                distance += leg;
                t = t.plusMillis(Math.round(leg / speed * 1000));
                if (s.windowStart() != null && t.isBefore(s.windowStart())) {
                    t = s.windowStart(); // early: the driver waits for the window the recipient chose
                }
                arrival = t;
                t = t.plus(service);
            }
            lat = s.latitude();
            lon = s.longitude();
            estimates.add(new Estimate(s.id(), i + 1, distance, arrival));
            if (until != null && arrival.isAfter(until)) {
                break;
            }
        }
        return estimates;
    }

    /**
     * The window around an estimate {@code stopsAway} stops ahead: the 80th percentile of the route's
     * past absolute errors per stop ahead, times the stops ahead; rounded outwards to five minutes.
     *
     * @param errorsPerStop the route's past absolute errors in seconds, each divided by how many stops ahead
     *                      the prediction was made
     */
    public static Window window(Instant estimate, int stopsAway, List<Double> errorsPerStop) {
        double perStop = errorsPerStop.size() < MIN_SAMPLES ? PRIOR_ERROR_PER_STOP.toSeconds()
                : percentile(errorsPerStop, 0.8);
        long half = Math.max(MIN_HALF_WINDOW.toSeconds(), Math.round(perStop * Math.max(1, stopsAway)));
        long five = Duration.ofMinutes(5).toSeconds();
        long start = Math.floorDiv(estimate.getEpochSecond() - half, five) * five;
        long end = -Math.floorDiv(-(estimate.getEpochSecond() + half), five) * five;
        return new Window(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }
}
