package io.otodoke.seller;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Marketplace seller settings ({@code otodoke.seller.*}, docs/configuration.md).
 *
 * @param shipWithin       how long after the order a seller has to give a tracking number or mark the
 *                         parcel as sent untracked before the order is flagged late (default 72 h)
 * @param untrackedMethods the shipping methods without a tracking number, as {@code code: min-max} days
 *                         from dispatch to the expected delivery; merged over {@link #DEFAULT_UNTRACKED_METHODS}
 */
@ConfigurationProperties("otodoke.seller")
public record SellerProperties(Duration shipWithin, Map<String, String> untrackedMethods) {

    /**
     * Japan Post's delivery-days lookup (post.japanpost.jp/send/deli_days/) gives one to three days
     * for most domestic pairs; ordinary mail (定形・定形外郵便, ゆうメール) is not delivered on
     * Saturdays since October 2021, so the windows add room for weekends and remote islands. クリックポスト always has a number, but a
     * seller who lost the label's number can still say it was sent.
     */
    public static final Map<String, String> DEFAULT_UNTRACKED_METHODS = defaultMethods();

    public SellerProperties {
        shipWithin = shipWithin == null ? Duration.ofHours(72) : shipWithin;
        if (shipWithin.isNegative() || shipWithin.isZero()) {
            throw new IllegalArgumentException("otodoke.seller.ship-within must be positive, not " + shipWithin);
        }
        Map<String, String> merged = new LinkedHashMap<>(DEFAULT_UNTRACKED_METHODS);
        if (untrackedMethods != null) {
            merged.putAll(untrackedMethods);
        }
        merged.forEach(Window::parse); // fails at start-up, naming the bad window
        untrackedMethods = java.util.Collections.unmodifiableMap(merged);
    }

    public static SellerProperties defaults() {
        return new SellerProperties(null, null);
    }

    /** The window of a method, or null when the method is not an untracked one. */
    public Window window(String method) {
        String w = method == null ? null : untrackedMethods.get(method);
        return w == null ? null : Window.parse(method, w);
    }

    /** Days from dispatch to the earliest and latest expected delivery. */
    public record Window(int minDays, int maxDays) {

        static Window parse(String method, String text) {
            String[] parts = text.trim().split("\\s*-\\s*");
            try {
                Window w = new Window(Integer.parseInt(parts[0]), Integer.parseInt(parts[parts.length - 1]));
                if (parts.length <= 2 && w.minDays >= 0 && w.minDays <= w.maxDays && w.maxDays <= 60) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("otodoke.seller.untracked-methods." + method + " is 'min-max' days, "
                    + "e.g. 2-5, not '" + text + "'");
        }
    }

    private static Map<String, String> defaultMethods() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("teikeigai", "2-5");
        m.put("teikei", "2-5");
        m.put("yu-mail", "3-7");
        m.put("clickpost-no-number", "2-5");
        return java.util.Collections.unmodifiableMap(m);
    }
}
