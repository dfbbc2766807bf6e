package io.otodoke.seller;

/**
 * Why one shipment of a seller was refused.
 *
 * @param code  stable machine-readable code, e.g. {@code invalid-check-digit} (docs/api.md)
 * @param field the offending column or field, if one
 */
public record RowError(String code, String field, String detail) {
}
