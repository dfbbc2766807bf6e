package io.otodoke.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and share-link settings ({@code otodoke.account.*}).
 *
 * @param maxFailedSignIns      wrong passwords in a row before the account is locked (default 5)
 * @param lockDuration          how long a locked account stays locked (default 15 min)
 * @param shareLinkValidity     how long a new share link works unless its creator says otherwise (default 30 days)
 * @param shareLinkMaxValidity  the longest validity a creator may choose (default 180 days)
 */
@ConfigurationProperties("otodoke.account")
public record AccountProperties(Integer maxFailedSignIns, Duration lockDuration, Duration shareLinkValidity,
                                Duration shareLinkMaxValidity) {

    public AccountProperties {
        maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        shareLinkValidity = shareLinkValidity == null ? Duration.ofDays(30) : shareLinkValidity;
        shareLinkMaxValidity = shareLinkMaxValidity == null ? Duration.ofDays(180) : shareLinkMaxValidity;
    }
}
