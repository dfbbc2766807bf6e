package io.otodoke.fleet;

import java.time.Instant;

/**
 * A vehicle of a tenant's fleet, named by the device id its driver's phone reports with.
 *
 * @param currentPosition the newest position in device time, or null before the first one
 */
public record Vehicle(long id, long tenantId, String deviceId, String name, Instant createdAt,
                      CurrentPosition currentPosition) {

    /** Speed in m/s, heading in degrees, altitude and accuracy in metres, battery in percent; null when unknown. */
    public record CurrentPosition(Instant time, Instant receivedAt, double latitude, double longitude, Double speed,
                                  Double heading, Double altitude, Double accuracy, Double battery) {
    }
}
