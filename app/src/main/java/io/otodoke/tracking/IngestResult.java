package io.otodoke.tracking;

import java.util.List;

/**
 * The outcome of one batch, returned only after its transaction committed.
 *
 * @param accepted   events stored now
 * @param duplicates events that were already stored (ingesting again changes nothing)
 * @param errors     items rejected, with reasons
 */
public record IngestResult(int accepted, int duplicates, List<ItemError> errors) {
}
