package io.otodoke.fleet.web;

import io.otodoke.fleet.OsmAndReceiver;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The OsmAnd protocol (Traccar Client) on the main port; the same as on its own port ({@code OsmAndPort}). */
@RestController
@Tag(name = "Positions", description = "Vehicle positions from drivers' phones")
class OsmAndApi {

    /** An OsmAnd request is a few hundred bytes; Traccar Client's JSON a few kilobytes. */
    static final int MAX_BODY = 64 * 1024;

    private final OsmAndReceiver receiver;

    OsmAndApi(OsmAndReceiver receiver) {
        this.receiver = receiver;
    }

    @RequestMapping(path = "/api/v1/positions/osmand", method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(summary = "A position by the OsmAnd protocol (Traccar Client)",
            description = "GET query or form POST with id, lat, lon (or location=lat,lon), timestamp, speed in knots, "
                    + "bearing, altitude, accuracy, batt; or Traccar Client's JSON body. No credential: the device id "
                    + "names a registered vehicle. 200 with an empty body when stored; 400 when invalid or unknown; "
                    + "503 with Retry-After when too many positions are waiting to be stored.")
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        String body = null;
        if (!form) {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                        "A position report has at most " + MAX_BODY + " bytes.");
            }
            body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> {
            if (values.length > 0) {
                parameters.put(key, values[0]);
            }
        });
        OsmAndReceiver.Answer answer = receiver.receive(parameters, contentType, body);
        if (answer.stored()) {
            return ResponseEntity.ok().build();
        }
        var response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter().toString());
        }
        return response.body(ProblemType.detail(HttpStatus.valueOf(answer.status()), answer.code(), answer.title(), answer.detail()));
    }
}
