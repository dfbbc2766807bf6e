package io.otodoke.safety;

/**
 * A page to check instead of the message's link: Otodoke's own data, never taken from the message.
 *
 * @param brand the brand code ({@code amazon}, {@code yamato}, {@code sagawa}, {@code japanpost})
 * @param kind  {@code CHECK} (the brand's own tracking or order page), {@code TRACKING} (built from
 *              the tracking number in the message) or {@code WARNING} (the brand's page on fake messages)
 */
public record OfficialLink(String brand, Kind kind, String url) {

    public enum Kind { CHECK, TRACKING, WARNING }
}
