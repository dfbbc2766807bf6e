package io.otodoke.fleet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fleet settings ({@code otodoke.fleet.*}, docs/configuration.md).
 *
 * @param osmandPort             the OsmAnd protocol's own port (default 5055, as Traccar's); 0 takes any free
 *                               port, -1 disables it (the endpoint on the main port stays)
 * @param registerUnknownDevices a position from an unknown device id creates a vehicle in the default
 *                               tenant instead of being refused (Traccar's {@code database.registerUnknown})
 * @param live                   what a recipient is shown and how arrival is estimated (design/last-mile.md)
 */
@ConfigurationProperties("otodoke.fleet")
public record FleetProperties(Integer osmandPort, boolean registerUnknownDevices, Live live) {

    public static final int DEFAULT_OSMAND_PORT = 5055;

    public FleetProperties {
        osmandPort = osmandPort == null ? DEFAULT_OSMAND_PORT : osmandPort;
        live = live == null ? new Live(null, null, null, null, null, null) : live;
    }

    /**
     * @param visibleStops       the van and the count are shown from this many stops away (default 10)
     * @param positionMaxAge     ... and only while the van's position is at most this old (default 5 min)
     * @param arrivingSoon       ArrivingSoon is published when the estimate falls under this (default 10 min)
     * @param detourFactor       road distance over straight-line distance (default 1.3)
     * @param speedKmh           average speed until the route has shown its own (default 20 km/h, a city)
     * @param serviceTime        time at a stop until the route has shown its own median (default 3 min)
     */
    public record Live(Integer visibleStops, Duration positionMaxAge, Duration arrivingSoon, Double detourFactor,
                       Double speedKmh, Duration serviceTime) {

        public Live {
            visibleStops = visibleStops == null ? 10 : visibleStops;
            positionMaxAge = positionMaxAge == null ? Duration.ofMinutes(5) : positionMaxAge;
            arrivingSoon = arrivingSoon == null ? Duration.ofMinutes(10) : arrivingSoon;
            detourFactor = detourFactor == null ? 1.3 : detourFactor;
            speedKmh = speedKmh == null ? 20.0 : speedKmh;
            serviceTime = serviceTime == null ? Duration.ofMinutes(3) : serviceTime;
        }

        double speedMetersPerSecond() {
            return speedKmh / 3.6;
        }
    }
}
