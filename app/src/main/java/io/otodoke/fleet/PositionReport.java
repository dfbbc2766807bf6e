package io.otodoke.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One position as a device reported it, in our units: speed in m/s, heading in degrees from north,
 * altitude and accuracy in metres, battery in percent. Unknown values are null.
 *
 * @param attributes the other keys the device sent (OsmAnd's extra parameters), kept as they came
 */
public record PositionReport(String deviceId, Instant time, double latitude, double longitude, Double speed,
                             Double heading, Double altitude, Double accuracy, Double battery,
                             Map<String, String> attributes) {

    /** A phone's clock may run a little ahead; more than this is a wrong clock or a forged time. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** 360 km/h: nothing on a delivery round goes faster; a higher value is a GPS glitch. */
    public static final double MAX_SPEED = 100;
    static final int MAX_DEVICE_ID = 128;

    public PositionReport {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** This report, if it may be stored at {@code now}; otherwise the first rule it breaks. */
    public PositionReport check(Instant now) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new InvalidPosition("id", "The device id (id) is missing.");
        }
        if (deviceId.length() > MAX_DEVICE_ID) {
            throw new InvalidPosition("id", "The device id is longer than " + MAX_DEVICE_ID + " characters.");
        }
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new InvalidPosition("lat", "Latitude " + latitude + " is outside -90..90.");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new InvalidPosition("lon", "Longitude " + longitude + " is outside -180..180.");
        }
        if (time == null) {
            throw new InvalidPosition("timestamp", "The time is missing.");
        }
        if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidPosition("timestamp", "The time " + time + " is more than "
                    + FUTURE_TOLERANCE.toMinutes() + " minutes in the future; is the device's clock right?");
        }
        if (speed != null && speed > MAX_SPEED) {
            throw new InvalidPosition("speed", "Speed " + speed + " m/s is over " + (int) MAX_SPEED + " m/s.");
        }
        return this;
    }
}
