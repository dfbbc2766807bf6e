package io.otodoke.tracking.web;

import io.otodoke.tracking.LookupResult;
import io.otodoke.tracking.TrackingLookup;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/track")
@Tag(name = "Public lookup", description = "Anyone with a tracking number; no personal data")
class TrackApi {

    private final TrackingLookup lookup;

    TrackApi(TrackingLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping
    @Operation(summary = "Status and timeline of up to 40 numbers",
            description = "Numbers separated by commas (or spaces). Shows no names, addresses, phone numbers or order contents.")
    Map<String, List<LookupResult>> track(@Parameter(description = "e.g. 4912-3456-7890,EJ123456785JP")
                                          @RequestParam(defaultValue = "") String numbers) {
        List<String> list = TrackingLookup.split(numbers);
        if (list.isEmpty()) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "missing-numbers", "No tracking numbers",
                    "Give one or more tracking numbers: /api/v1/track?numbers=A,B");
        }
        if (list.size() > TrackingLookup.MAX_NUMBERS) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "too-many-numbers", "Too many numbers",
                    "At most " + TrackingLookup.MAX_NUMBERS + " numbers per lookup; " + list.size() + " were given.");
        }
        return Map.of("results", lookup.lookup(list));
    }
}
