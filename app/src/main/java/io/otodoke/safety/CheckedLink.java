package io.otodoke.safety;

/**
 * A link found in the message, as text only.
 *
 * @param shown             the link defanged ({@code hxxps://example[.]com/…}), safe to display
 * @param host              the host as Unicode text (U-label), for display
 * @param registrableDomain the domain one label below the ICANN public suffix, or null (IP address,
 *                          no public suffix)
 * @param official          the registrable domain is official: a brand's links or assets, a neutral tracker,
 *                          or a carrier's own pages from the directory (whether it is official for the
 *                          brand the message claims is the reason NON_OFFICIAL_DOMAIN_FOR_BRAND)
 */
public record CheckedLink(String shown, String host, String registrableDomain, boolean official) {
}
