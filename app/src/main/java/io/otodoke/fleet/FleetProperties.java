package io.otodoke.fleet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fleet settings ({@code otodoke.fleet.*}, docs/configuration.md).
 *
 * @param osmandPort             the OsmAnd protocol's own port (default 5055, as Traccar's); 0 takes any free
 *                               port, -1 disables it (the endpoint on the main port stays)
 * @param registerUnknownDevices a position from an unknown device id creates a vehicle in the default
 *                               tenant instead of being refused (Traccar's {@code database.registerUnknown})
 */
@ConfigurationProperties("otodoke.fleet")
public record FleetProperties(Integer osmandPort, boolean registerUnknownDevices) {

    public static final int DEFAULT_OSMAND_PORT = 5055;

    public FleetProperties {
        osmandPort = osmandPort == null ? DEFAULT_OSMAND_PORT : osmandPort;
    }
}
