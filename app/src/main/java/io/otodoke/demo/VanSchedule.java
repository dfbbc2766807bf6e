package io.otodoke.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When a demo van leaves, reaches and finishes each of its open stops, in real time, for a service day
 * played {@code speed} times faster: it drives straight from place to place at 20–30 km/h of demo time
 * (a city's pace, as the estimator of design/last-mile.md assumes), spends 2–4 minutes at each stop,
 * and when early for a stop's time slot waits where it is, so that it arrives as the slot opens.
 * Each stop's draws come from the seed and the stop's id, so a restarted demo plans the same visits.
 */
final class VanSchedule {

    /** Straight-line distance times this is what a van drives in a city (as FleetProperties' default). */
    static final double DETOUR = 1.3;

    /** An open stop in route order; {@code arrivedAt} when the van is there already. */
    record Target(long stopId, double latitude, double longitude, Instant windowStart, Instant arrivedAt) {
    }

    /**
     * One leg: waiting at the previous place until {@code departs}, driving until {@code arrives}, serving the
     * stop until {@code completes}.
     *
     * @param kmh the demo-time speed on the way, as the van's speedometer shows it
     */
    record Leg(long stopId, double fromLatitude, double fromLongitude, double toLatitude, double toLongitude,
               Instant departs, Instant arrives, Instant completes, double kmh) {
    }

    /** Where the van is, its heading in degrees from north and its demo-time speed. */
    record Place(double latitude, double longitude, double bearing, double kmh) {
    }

    private final List<Leg> legs;
    private final double startLatitude;
    private final double startLongitude;

    private VanSchedule(List<Leg> legs, double startLatitude, double startLongitude) {
        this.legs = List.copyOf(legs);
        this.startLatitude = startLatitude;
        this.startLongitude = startLongitude;
    }

    /** The legs through {@code open}, for a van at ({@code latitude}, {@code longitude}) from {@code from}. */
    static VanSchedule plan(long seed, double latitude, double longitude, Instant from, List<Target> open, int speed) {
        List<Leg> legs = new ArrayList<>(open.size());
        double lat = latitude;
        double lon = longitude;
        Instant t = from;
        for (Target s : open) {
            SplittableRandom random = new SplittableRandom(seed * 31 + s.stopId());
            double kmh = random.nextDouble(20, 30);
            Duration service = Duration.ofSeconds(random.nextLong(120, 241)).dividedBy(speed);
            Leg leg;
            if (s.arrivedAt() != null) {
                Instant done = s.arrivedAt().plus(service);
                leg = new Leg(s.stopId(), s.latitude(), s.longitude(), s.latitude(), s.longitude(), s.arrivedAt(),
                        s.arrivedAt(), done.isAfter(t) ? done : t, 0);
            } else {
                double meters = meters(lat, lon, s.latitude(), s.longitude()) * DETOUR;
                Duration drive = Duration.ofMillis(Math.round(meters / (kmh / 3.6) * 1000 / speed));
                Instant departs = s.windowStart() != null && t.plus(drive).isBefore(s.windowStart())
                        ? s.windowStart().minus(drive) : t;
                Instant arrives = departs.plus(drive);
                leg = new Leg(s.stopId(), lat, lon, s.latitude(), s.longitude(), departs, arrives, arrives.plus(service),
                        kmh);
            }
            legs.add(leg);
            t = leg.completes();
            lat = s.latitude();
            lon = s.longitude();
        }
        return new VanSchedule(legs, latitude, longitude);
    }

    List<Leg> legs() {
        return legs;
    }

    /** Where the van is at {@code t}: waiting, on the way (straight between the two places) or at a stop. */
    Place at(Instant t) {
        double lat = startLatitude;
        double lon = startLongitude;
        for (Leg leg : legs) {
            if (t.isBefore(leg.departs())) {
                return new Place(lat, lon, 0, 0);
            }
            double bearing = bearing(leg.fromLatitude(), leg.fromLongitude(), leg.toLatitude(), leg.toLongitude());
            if (t.isBefore(leg.arrives())) {
                double f = (double) Duration.between(leg.departs(), t).toMillis()
                        / Duration.between(leg.departs(), leg.arrives()).toMillis();
                return new Place(leg.fromLatitude() + f * (leg.toLatitude() - leg.fromLatitude()),
                        leg.fromLongitude() + f * (leg.toLongitude() - leg.fromLongitude()), bearing, leg.kmh());
            }
            if (t.isBefore(leg.completes())) {
                return new Place(leg.toLatitude(), leg.toLongitude(), bearing, 0);
            }
            lat = leg.toLatitude();
            lon = leg.toLongitude();
        }
        return new Place(lat, lon, 0, 0);
    }

    /** Great-circle distance in metres (haversine). */
    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    /** Initial bearing from the first place to the second, degrees clockwise from north. */
    static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dLon = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dLon) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }
}
