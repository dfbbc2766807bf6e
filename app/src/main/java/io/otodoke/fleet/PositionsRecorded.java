package io.otodoke.fleet;

import java.util.List;

/**
 * Positions were committed (by {@link PositionWriter}, one event per transaction): the place to
 * react to a vehicle moving, e.g. to recompute stops away and ETA. Published synchronously on the
 * writer's thread after the commit and before the phones are answered; a listener should be quick,
 * since the next batch waits for it.
 *
 * @param positions every position of the transaction with its vehicle id, late ones included (the
 *                  current position moves only forward in device time; see {@link Positions})
 */
public record PositionsRecorded(List<Positions.Located> positions) {

    public PositionsRecorded {
        positions = List.copyOf(positions);
    }
}
