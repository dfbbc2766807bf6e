package io.otodoke.demo;

import java.util.Objects;

/** One line of a demo order: an ordinary shop article, its quantity and its tax-included unit price. */
public record DemoItem(String name, int quantity, long unitPriceYen) {

    public DemoItem {
        Objects.requireNonNull(name, "name");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        if (unitPriceYen < 0) {
            throw new IllegalArgumentException("unitPriceYen must not be negative: " + unitPriceYen);
        }
    }

    public long lineTotalYen() {
        return quantity * unitPriceYen;
    }
}
