package io.otodoke.fleet;

import io.otodoke.web.ProblemType;

/** Distances on the earth, and the check of a coordinate pair given in a request. */
public final class Geo {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Geo() {
    }

    /** Great-circle distance in metres (haversine). */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * arcsin, by its series for the small arguments of a city's distances (x < 0.01 is under 127 km; the
     * first omitted term is below 10⁻¹⁴ of the result) and by Math.asin beyond: the estimator takes many
     * distances per position, and Math.asin is the costly part of each.
     */
    static double asin(double x) {
        if (x >= 0.01) {
            return Math.asin(x);
        }
        double x2 = x * x;
        return x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * 5.0 / 112)));
    }

    static void check(String latField, String lonField, Double latitude, Double longitude) {
        if (latitude == null || !(latitude >= -90 && latitude <= 90)) {
            throw ProblemType.invalidField(latField, latField + " must be a number from -90 to 90.");
        }
        if (longitude == null || !(longitude >= -180 && longitude <= 180)) {
            throw ProblemType.invalidField(lonField, lonField + " must be a number from -180 to 180.");
        }
    }
}
