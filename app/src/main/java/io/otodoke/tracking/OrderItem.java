package io.otodoke.tracking;

/** One line of an order; money in integer yen. */
public record OrderItem(String name, int quantity, long unitPriceYen) {
}
