package io.otodoke.returns;

/** An order line, or part of it, sent back; the unit price is the order's. */
public record ReturnItem(String name, int quantity, long unitPriceYen) {
}
