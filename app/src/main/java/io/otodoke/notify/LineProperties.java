package io.otodoke.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LINE channel ({@code otodoke.notify.line.*}, docs/configuration.md). Apart from
 * {@link NotifyProperties} so that each channel's settings change on their own.
 *
 * @param baseUrl            the Messaging API (default {@code https://api.line.me}); a test points it at a fake
 * @param channelAccessToken the Messaging API channel's access token; empty: LINE is not available
 *                           (no one can subscribe with it, and messages already queued wait). Never logged.
 * @param timeout            how long one push may take before it counts as failed and is retried (default 10 s)
 */
@ConfigurationProperties("otodoke.notify.line")
public record LineProperties(String baseUrl, String channelAccessToken, Duration timeout) {

    public LineProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.line.me" : baseUrl.replaceAll("/+$", "");
        channelAccessToken = channelAccessToken == null ? "" : channelAccessToken.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean configured() {
        return !channelAccessToken.isEmpty();
    }

    @Override
    public String toString() {
        // a record prints its fields: the token must not reach a log through it
        return "LineProperties[baseUrl=" + baseUrl + ", channelAccessToken=" + (configured() ? "***" : "") + ", timeout="
                + timeout + "]";
    }
}
