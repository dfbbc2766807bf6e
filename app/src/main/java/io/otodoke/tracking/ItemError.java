package io.otodoke.tracking;

/**
 * Why one item of a batch was rejected, while the good items were kept.
 *
 * @param index position of the item in the batch (from 0)
 * @param code  stable machine-readable code, e.g. {@code unknown-status}
 * @param field the offending field, if one
 */
public record ItemError(int index, String code, String field, String detail) {
}
