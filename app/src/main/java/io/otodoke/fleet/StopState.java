package io.otodoke.fleet;

/** Where a stop stands (design/last-mile.md). ARRIVED is still open; the last three are outcomes. */
public enum StopState {
    PENDING,
    ARRIVED,
    DELIVERED,
    ATTEMPTED,
    SKIPPED;

    /** The van has still to finish here: the stop counts in 「あと N 件」. */
    public boolean open() {
        return this == PENDING || this == ARRIVED;
    }
}
