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
 * @param channelSecret      the channel secret that signs the official account's webhook calls; empty: the
 *                           webhook (and so linking a user's LINE) is not available. Never logged.
 * @param addFriendUrl       where a user adds the official account as a friend (LINE's {@code https://lin.ee/…}
 *                           link), shown beside the linking code; empty: the page says to search the account
 */
@ConfigurationProperties("otodoke.notify.line")
public record LineProperties(String baseUrl, String channelAccessToken, Duration timeout, String channelSecret,
                             String addFriendUrl) {

    public LineProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.line.me" : baseUrl.replaceAll("/+$", "");
        channelAccessToken = channelAccessToken == null ? "" : channelAccessToken.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        channelSecret = channelSecret == null ? "" : channelSecret.strip();
        addFriendUrl = addFriendUrl == null || addFriendUrl.isBlank() ? null : addFriendUrl.strip();
    }

    /** The webhook can check LINE's signature, and the channel can reply: a user may link their LINE. */
    public boolean linkable() {
        return configured() && !channelSecret.isEmpty();
    }

    public boolean configured() {
        return !channelAccessToken.isEmpty();
    }

    @Override
    public String toString() {
        // a record prints its fields: the token must not reach a log through it
        return "LineProperties[baseUrl=" + baseUrl + ", channelAccessToken=" + (configured() ? "***" : "") + ", timeout="
                + timeout + ", channelSecret=" + (channelSecret.isEmpty() ? "" : "***") + ", addFriendUrl=" + addFriendUrl + "]";
    }
}
