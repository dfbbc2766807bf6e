package io.otodoke.tracking.web;

import io.otodoke.account.Caller;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.IngestResult;
import io.otodoke.tracking.ItemError;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Ingest tracking events from any source")
class EventApi {

    static final int MAX_BATCH = 10_000;

    private final TrackingIngest ingest;
    private final Clock clock;

    EventApi(TrackingIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
    }

    record Response(int accepted, int duplicates, int rejected, List<ItemError> errors) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ingest a batch of events (up to 10,000)",
            description = "Idempotent: an event already stored is counted as a duplicate and changes nothing. "
                    + "Bad items are reported per index while the good ones are stored. The response is sent "
                    + "after the batch is committed.")
    ResponseEntity<?> ingest(@RequestBody List<EventItem> items, Caller caller) {
        if (items.size() > MAX_BATCH) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A batch has at most " + MAX_BATCH + " events; this one has " + items.size() + ". Nothing was stored.");
        }
        var now = clock.instant();
        List<ItemError> errors = new ArrayList<>();
        List<IncomingEvent> good = new ArrayList<>(items.size());
        int[] originalIndex = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            var parsed = EventItemParser.parse(i, items.get(i), now);
            if (parsed.error() != null) {
                errors.add(parsed.error());
            } else {
                originalIndex[good.size()] = i;
                good.add(parsed.event());
            }
        }
        IngestResult result = good.isEmpty() ? new IngestResult(0, 0, List.of()) : ingest.ingest(caller.tenantId(), good);
        for (ItemError e : result.errors()) {
            errors.add(new ItemError(originalIndex[e.index()], e.code(), e.field(), e.detail()));
        }
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (!items.isEmpty() && result.accepted() + result.duplicates() == 0) {
            ProblemDetail p = ProblemType.detail(HttpStatus.UNPROCESSABLE_CONTENT, "no-valid-events", "No valid events",
                    "None of the " + items.size() + " events could be stored; see errors.");
            p.setProperties(Map.of("errors", errors));
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.ok(new Response(result.accepted(), result.duplicates(), errors.size(), errors));
    }
}
