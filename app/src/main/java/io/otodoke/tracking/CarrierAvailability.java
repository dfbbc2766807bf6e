package io.otodoke.tracking;

/**
 * Whether Otodoke can currently read a carrier's tracking at all. When it cannot (its connector
 * keeps failing), a parcel without news is not stuck: pages say that the carrier's tracking is
 * temporarily unavailable instead (status-model.md, staleness table). Implemented by the
 * connectors' health.
 */
public interface CarrierAvailability {

    boolean trackingUnavailable(String carrier);
}
