package io.otodoke.tracking;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking settings ({@code otodoke.tracking.*}).
 *
 * @param zone             the zone whose day ends an out-for-delivery run (default Asia/Tokyo)
 * @param stalenessCheck   how often open shipments are checked for staleness and expiry (default 5 min)
 * @param noCarrierScan    stale after label creation without a carrier scan (default 48 h)
 * @param noUpdate         stale without an update, domestic (default 24 h)
 * @param noUpdateInternational stale without an update on an international leg (default 72 h)
 * @param expireAfter      EXPIRED after no update while not finished (default 30 days)
 */
@ConfigurationProperties("otodoke.tracking")
public record TrackingProperties(ZoneId zone, Duration stalenessCheck, Duration noCarrierScan, Duration noUpdate,
                                 Duration noUpdateInternational, Duration expireAfter) {

    public TrackingProperties {
        var d = StalenessThresholds.DEFAULTS;
        zone = zone == null ? EventTime.TOKYO : zone;
        stalenessCheck = stalenessCheck == null ? Duration.ofMinutes(5) : stalenessCheck;
        noCarrierScan = noCarrierScan == null ? d.noCarrierScan() : noCarrierScan;
        noUpdate = noUpdate == null ? d.noUpdate() : noUpdate;
        noUpdateInternational = noUpdateInternational == null ? d.noUpdateInternational() : noUpdateInternational;
        expireAfter = expireAfter == null ? d.expireAfter() : expireAfter;
    }

    public StalenessThresholds thresholds() {
        return new StalenessThresholds(noCarrierScan, noUpdate, noUpdateInternational, expireAfter);
    }
}
