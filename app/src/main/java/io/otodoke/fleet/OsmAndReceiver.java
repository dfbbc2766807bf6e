package io.otodoke.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * One OsmAnd request, wherever it arrived (the main port or the protocol's own): decode, find the
 * vehicle, store through the {@link PositionWriter}'s group commit. The answer is the same on both
 * ports: 200 when committed, 400 with a short reason, 503 with {@code Retry-After} when the writer
 * is full; a failed transaction is thrown, as any other server error.
 */
@Service
public class OsmAndReceiver {

    private final Vehicles vehicles;
    private final PositionWriter writer;
    private final FleetProperties properties;
    private final Clock clock;

    OsmAndReceiver(Vehicles vehicles, PositionWriter writer, FleetProperties properties, Clock clock) {
        this.vehicles = vehicles;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What to answer: {@code code} and {@code detail} are null when the position was stored;
     * {@code retryAfter} is the seconds to send in {@code Retry-After}, or null.
     */
    public record Answer(int status, String code, String title, String detail, Integer retryAfter) {

        static final Answer STORED = new Answer(200, null, null, null, null);

        public Answer(int status, String code, String title, String detail) {
            this(status, code, title, detail, null);
        }

        public boolean stored() {
            return status == 200;
        }
    }

    /**
     * @param parameters the query's and a form body's parameters
     * @param contentType the request's content type, or null
     * @param body the body when it is not a form (Traccar Client's JSON), or null
     */
    public Answer receive(Map<String, String> parameters, String contentType, String body) {
        Instant now = clock.instant();
        PositionReport report;
        try {
            report = isJson(contentType, body) ? OsmAndDecoder.decodeJson(body, now)
                    : OsmAndDecoder.decode(parameters, now);
        } catch (InvalidPosition e) {
            return new Answer(400, "invalid-position", "Invalid position", e.getMessage());
        }
        Optional<Long> vehicle = vehicles.idOfDevice(report.deviceId());
        if (vehicle.isEmpty()) {
            if (!properties.registerUnknownDevices()) {
                // As Traccar: an unknown id is refused, so a typo in the phone's settings shows at once.
                return new Answer(400, "unknown-device", "Unknown device", "No vehicle has device id '"
                        + report.deviceId() + "'; register it with POST /api/v1/vehicles.");
            }
            vehicle = Optional.of(vehicles.registerUnknown(report.deviceId()).id());
        }
        try {
            writer.store(List.of(new Positions.Located(vehicle.get(), report)), now);
        } catch (PositionWriter.Full e) {
            return new Answer(503, "busy", "Busy", e.getMessage() + " The position was not stored; please resend it in "
                    + PositionWriter.RETRY_AFTER_SECONDS + " s.", PositionWriter.RETRY_AFTER_SECONDS);
        }
        return Answer.STORED;
    }

    private static boolean isJson(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            return true;
        }
        return body != null && body.stripLeading().startsWith("{");
    }
}
