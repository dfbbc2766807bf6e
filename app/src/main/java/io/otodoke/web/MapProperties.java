package io.otodoke.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live map's settings ({@code otodoke.map.*}, docs/configuration.md): where its tiles come from
 * and whom they credit. Pages get them through {@link MapAttributes}; the Content-Security-Policy
 * allows images from the tile server's origin only ({@link #tileOrigin()}).
 *
 * @param tileUrl        a Leaflet tile URL template ({@code {z}/{x}/{y}}, optionally {@code {s}}
 *                       subdomains); empty for no tiles, when the map shows the offline outline of
 *                       Japan only
 * @param attribution    the credit the tile provider asks for, plain text (shown as a link to
 *                       {@code attributionUrl} when that is set)
 * @param attributionUrl where the credit links to, e.g. the provider's copyright page; empty for none
 */
@ConfigurationProperties("otodoke.map")
public record MapProperties(String tileUrl, String attribution, String attributionUrl) {

    /** OpenStreetMap's public tiles: fine to try Otodoke, not for heavy use (their tile usage policy). */
    public static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors";
    public static final String DEFAULT_ATTRIBUTION_URL = "https://www.openstreetmap.org/copyright";

    /**
     * An absolute http(s) tile URL's origin. A leading {@code {s}.} subdomain placeholder becomes
     * the wildcard {@code *.}; anything else that is not a plain host and port is refused, because
     * the origin is written into the Content-Security-Policy header as is.
     */
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(https?)://((?:\\{s}\\.)?)([a-z0-9.-]+(?::[0-9]{1,5})?)(?:[/?].*)?");

    public MapProperties {
        tileUrl = tileUrl == null ? DEFAULT_TILE_URL : tileUrl.strip();
        attribution = attribution == null ? DEFAULT_ATTRIBUTION : attribution.strip();
        attributionUrl = attributionUrl == null ? DEFAULT_ATTRIBUTION_URL : attributionUrl.strip();
        boolean onThisServer = tileUrl.isEmpty() || tileUrl.startsWith("/") && !tileUrl.startsWith("//");
        if (!onThisServer && !ABSOLUTE.matcher(tileUrl).matches()) {
            throw new IllegalArgumentException("otodoke.map.tile-url must be http(s)://host[:port]/…, "
                    + "a path on this server, or empty: " + tileUrl);
        }
    }

    /**
     * The CSP source for the tile server ({@code https://tile.example.org:8443}), or empty when the
     * tiles come from this server (a relative URL) or there are none.
     */
    public Optional<String> tileOrigin() {
        Matcher m = ABSOLUTE.matcher(tileUrl);
        if (!m.matches()) {
            return Optional.empty();
        }
        String wildcard = m.group(2).isEmpty() ? "" : "*.";
        return Optional.of(m.group(1).toLowerCase() + "://" + wildcard + m.group(3).toLowerCase());
    }
}
