package io.otodoke.routing;

import io.otodoke.routing.domain.Location;
import io.otodoke.web.ProblemType;
import java.util.ArrayList;
import java.util.List;

/** The points of one planning problem and their travel-time matrix, in seconds. */
final class Places {

    private final List<double[]> points = new ArrayList<>();

    /** Adds a point and returns its index. */
    int add(double latitude, double longitude) {
        points.add(new double[] {latitude, longitude});
        return points.size() - 1;
    }

    double[] point(int index) {
        return points.get(index);
    }

    List<Location> locations(TravelTimeCalculator travel) {
        List<Location> locations = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            long[] row = new long[points.size()];
            for (int j = 0; j < points.size(); j++) {
                row[j] = i == j ? 0 : travel.seconds(points.get(i)[0], points.get(i)[1], points.get(j)[0], points.get(j)[1]);
            }
            locations.add(new Location(i, row));
        }
        return locations;
    }

    static void check(String at, Double latitude, Double longitude) {
        if (latitude == null || !(latitude >= -90 && latitude <= 90)) {
            throw ProblemType.invalidField(at + "latitude", at + "latitude must be a number from -90 to 90.");
        }
        if (longitude == null || !(longitude >= -180 && longitude <= 180)) {
            throw ProblemType.invalidField(at + "longitude", at + "longitude must be a number from -180 to 180.");
        }
    }
}
