package io.otodoke.insights.web;

import io.otodoke.account.Caller;
import io.otodoke.insights.DeliveryInsights;
import io.otodoke.insights.Insights;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's delivery figures as JSON (docs/insights.md). */
@RestController
@Tag(name = "Insights", description = "First-attempt delivery rate, redeliveries avoided and the CO2 they saved")
class InsightsApi {

    private final Insights insights;

    InsightsApi(Insights insights) {
        this.insights = insights;
    }

    @GetMapping("/api/v1/insights/delivery")
    @Operation(summary = "Delivery figures of a period (default the last 30 days): measured counts; "
            + "firstAttemptRate null and noData true when nothing was delivered")
    DeliveryInsights delivery(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              Caller caller) {
        return insights.delivery(caller, time("from", from), time("to", to));
    }

    static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemType.invalidField(field, field + " is ISO-8601 with an offset, e.g. 2026-11-01T00:00:00+09:00.");
        }
    }
}
