package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.InvalidPosition;
import io.otodoke.fleet.PositionReport;
import io.otodoke.fleet.PositionWriter;
import io.otodoke.fleet.Positions;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.ItemError;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Our JSON batch of positions, for an operator's own systems (telematics boxes, a dispatch app). */
@RestController
@Tag(name = "Positions", description = "Vehicle positions from drivers' phones")
class PositionApi {

    static final int MAX_BATCH = 10_000;

    private final Vehicles vehicles;
    private final PositionWriter writer;
    private final Clock clock;

    PositionApi(Vehicles vehicles, PositionWriter writer, Clock clock) {
        this.vehicles = vehicles;
        this.writer = writer;
        this.clock = clock;
    }

    /** Speed in m/s, heading in degrees, altitude and accuracy in metres, battery in percent. */
    record PositionItem(String deviceId, String time, Double latitude, Double longitude, Double speed, Double heading,
                        Double accuracy, Double altitude, Double battery) {
    }

    record Response(int accepted, int rejected, List<ItemError> errors) {
    }

    @PostMapping(path = "/api/v1/positions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a batch of positions (up to 10,000)",
            description = "Each item names a vehicle of the caller's tenant by its device id. Bad items are reported "
                    + "per index while the good ones are stored; late and repeated positions go into the track "
                    + "without moving the vehicle's current position back. 503 with Retry-After, nothing stored, when "
                    + "too many positions are waiting to be stored.")
    ResponseEntity<?> store(@RequestBody List<PositionItem> items, Caller caller) {
        if (items.size() > MAX_BATCH) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A batch has at most " + MAX_BATCH + " positions; this one has " + items.size()
                            + ". Nothing was stored.");
        }
        Instant now = clock.instant();
        List<ItemError> errors = new ArrayList<>();
        List<PositionReport> checked = new ArrayList<>(items.size());
        Set<String> devices = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                PositionReport report = report(items.get(i), now);
                checked.add(report);
                devices.add(report.deviceId());
            } catch (InvalidPosition e) {
                checked.add(null);
                errors.add(new ItemError(i, "invalid-position", e.field(), e.getMessage()));
            }
        }
        // A device of another tenant is as unknown as one never registered: nothing tells it exists.
        Map<String, Long> ids = vehicles.idsOfDevices(caller.tenantId(), devices);
        List<Positions.Located> good = new ArrayList<>(items.size());
        for (int i = 0; i < checked.size(); i++) {
            PositionReport report = checked.get(i);
            if (report == null) {
                continue;
            }
            Long vehicle = ids.get(report.deviceId());
            if (vehicle == null) {
                errors.add(new ItemError(i, "unknown-device", "deviceId",
                        "No vehicle of this tenant has device id '" + report.deviceId() + "'."));
            } else {
                good.add(new Positions.Located(vehicle, report));
            }
        }
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (!items.isEmpty() && good.isEmpty()) {
            ProblemDetail p = ProblemType.detail(HttpStatus.UNPROCESSABLE_CONTENT, "no-valid-positions",
                    "No valid positions", "None of the " + items.size() + " positions could be stored; see errors.");
            p.setProperties(Map.of("errors", errors));
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        try {
            writer.store(good, now);
        } catch (PositionWriter.Full e) {
            ProblemDetail p = ProblemType.detail(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    e.getMessage() + " Nothing was stored; please resend the batch in "
                            + PositionWriter.RETRY_AFTER_SECONDS + " s.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(PositionWriter.RETRY_AFTER_SECONDS)).body(p);
        }
        return ResponseEntity.ok(new Response(good.size(), errors.size(), errors));
    }

    private static PositionReport report(PositionItem item, Instant now) {
        if (item == null) {
            throw new InvalidPosition(null, "The item is null.");
        }
        if (item.latitude() == null) {
            throw new InvalidPosition("latitude", "The latitude is missing.");
        }
        if (item.longitude() == null) {
            throw new InvalidPosition("longitude", "The longitude is missing.");
        }
        if (item.time() == null || item.time().isBlank()) {
            throw new InvalidPosition("time", "The time is missing.");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(item.time().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidPosition("time", "The time '" + item.time() + "' is not ISO-8601 with an offset.");
        }
        try {
            return new PositionReport(item.deviceId() == null ? null : item.deviceId().strip(), time, item.latitude(),
                    item.longitude(), negativeIsUnknown(item.speed()), negativeIsUnknown(item.heading()),
                    item.altitude(), negativeIsUnknown(item.accuracy()), negativeIsUnknown(item.battery()), Map.of())
                    .check(now);
        } catch (InvalidPosition e) {
            throw new InvalidPosition(batchField(e.field()), e.getMessage());
        }
    }

    /** The batch's own names for the fields the OsmAnd checks name. */
    private static String batchField(String field) {
        return switch (field) {
            case "id" -> "deviceId";
            case "lat" -> "latitude";
            case "lon" -> "longitude";
            case "timestamp" -> "time";
            default -> field;
        };
    }

    private static Double negativeIsUnknown(Double value) {
        return value == null || value < 0 ? null : value;
    }
}
