package io.otodoke.carrier.web;

import io.otodoke.carrier.DetectionHints;
import io.otodoke.carrier.ScanDetection;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Carriers")
class DetectApi {

    static final int MAX_NUMBERS = 1_000;

    private final TrackingNumberDetector detector;

    DetectApi(TrackingNumberDetector detector) {
        this.detector = detector;
    }

    @PostMapping("/api/v1/tracking-numbers/detect")
    @Operation(summary = "Which carriers each tracking number can belong to",
            description = "Body: an array of up to 1,000 strings, or {\"numbers\": [...], \"hints\": {\"carrier\": \"yamato\", "
                    + "\"senderDomain\": \"kuronekoyamato.co.jp\", \"usualCarriers\": [\"sagawa\"]}}. One result per input, "
                    + "in order, with every candidate carrier; hints only change the order of the candidates. "
                    + "Barcode scans: add \"scan\": true and optionally \"symbology\": \"CODABAR\"; each result then "
                    + "wraps the detection and names barcode-only payloads (tracking-numbers.md §7).")
    Map<String, List<?>> detect(@RequestBody JsonNode body) {
        JsonNode numbers = body.isArray() ? body : body.path("numbers");
        if (!numbers.isArray()) {
            throw badRequest("Send an array of tracking numbers, or {\"numbers\": [...], \"hints\": {...}}.");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many numbers",
                    "At most " + MAX_NUMBERS + " numbers per request; " + numbers.size() + " were given.");
        }
        DetectionHints hints = hints(body.isObject() ? body.path("hints") : null);
        ScanDetection.Symbology scan = scan(body);
        List<Object> results = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode n = numbers.get(i);
            if (!n.isString()) {
                // A JSON number would lose leading zeros, so numbers must be strings.
                throw badRequest("numbers[" + i + "] is not a string; send tracking numbers as JSON strings.");
            }
            results.add(scan == null ? detector.detect(n.asString(), hints) : detector.detectScan(n.asString(), scan, hints));
        }
        return Map.of("results", results);
    }

    /** {@code "scan": true} (optionally with {@code "symbology": "CODABAR"}) selects the scan path of §7. */
    private static ScanDetection.Symbology scan(JsonNode body) {
        if (!body.isObject() || !body.path("scan").asBoolean(false)) {
            return null;
        }
        String symbology = text(body.get("symbology"));
        try {
            return symbology == null ? ScanDetection.Symbology.OTHER : ScanDetection.Symbology.valueOf(symbology);
        } catch (IllegalArgumentException e) {
            throw badRequest("unknown symbology '" + symbology + "'; use one of "
                    + java.util.Arrays.toString(ScanDetection.Symbology.values()));
        }
    }

    private static DetectionHints hints(JsonNode hints) {
        if (hints == null || !hints.isObject()) {
            return DetectionHints.NONE;
        }
        List<String> usual = new ArrayList<>();
        hints.path("usualCarriers").valueStream().filter(JsonNode::isString).forEach(c -> usual.add(c.asString()));
        return new DetectionHints(text(hints.get("carrier")), text(hints.get("senderDomain")), usual);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static ErrorResponseException badRequest(String detail) {
        return ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
    }
}
