package io.otodoke.returns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Returns settings ({@code otodoke.returns.*}, docs/configuration.md).
 *
 * @param labelValidity an own-fleet return label not used (no scan) within this expires (default 14 days)
 * @param maxPhotos     photos per return (default 5)
 */
@ConfigurationProperties("otodoke.returns")
public record ReturnsProperties(Duration labelValidity, Integer maxPhotos) {

    public ReturnsProperties {
        labelValidity = labelValidity == null ? Duration.ofDays(14) : labelValidity;
        maxPhotos = maxPhotos == null ? 5 : maxPhotos;
    }
}
