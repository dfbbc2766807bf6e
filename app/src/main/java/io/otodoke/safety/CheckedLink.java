package io.otodoke.safety;

/**
 * A link found in the message, as text only.
 *
 * @param shown             the link defanged ({@code hxxps://example[.]com/…}), safe to display
 * @param host              the host as Unicode text (U-label), for display
 * @param registrableDomain the domain one label below the ICANN public suffix, or null (IP address,
 *                          no public suffix)
 * @param official          the registrable domain is on a brand's link allowlist or a neutral tracker
 */
public record CheckedLink(String shown, String host, String registrableDomain, boolean official) {
}
