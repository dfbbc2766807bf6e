package io.otodoke.connector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a parser may know besides the payload.
 *
 * @param anchor     the date that places a date printed without a year (YearInference): the
 *                   shipment's creation date, or the query date
 * @param today      the current date in Japan: no inferred date lies more than a day after it
 * @param receivedAt when Otodoke received the payload; stamped on every event
 */
public record ParseContext(LocalDate anchor, LocalDate today, Instant receivedAt) {

    public ParseContext {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
