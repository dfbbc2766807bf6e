package io.otodoke.safety;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import java.util.Locale;

/**
 * One URL as strings (design/safety.md §5 step 1): scheme, host in A-label and U-label form, the
 * registrable domain from the ICANN section of the Public Suffix List, and the rest. Parsing never
 * touches the network: no DNS, no fetch; an IP address is recognised by its text.
 *
 * @param raw               the URL as found (after undoing defanging)
 * @param scheme            lower case, or "" when the link had none ({@code www.…})
 * @param host              A-label form, lower case, without trailing dot
 * @param unicodeHost       U-label form, for display and confusable checks
 * @param invisible         the raw host held default-ignorable characters (soft hyphen, zero width…)
 * @param ip                the host is an IPv4 or IPv6 literal
 * @param registrableDomain the ICANN registrable domain, or null (IP, or no public suffix)
 * @param privateSuffix     the host sits under a suffix of the PSL's private section (hosting, dynamic DNS)
 * @param rest              path, query and fragment
 * @param shown             the link as text that no viewer turns into a link: {@code hxxps://example[.]com/…} [design, §0.2]
 */
record Link(String raw, String scheme, String host, String unicodeHost, boolean invisible, boolean ip,
            String registrableDomain, boolean privateSuffix, String rest, String shown) {

    Link(String raw, String scheme, String host, String unicodeHost, boolean invisible, boolean ip,
         String registrableDomain, boolean privateSuffix, String rest) {
        this(raw, scheme, host, unicodeHost, invisible, ip, registrableDomain, privateSuffix, rest,
                Defang.url(scheme, unicodeHost, rest));
    }

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

    /** Parses one URL; null when there is no host at all. */
    static Link parse(String url) {
        String s = url.strip();
        int colon = s.indexOf("://");
        String scheme = "";
        if (colon > 0 && s.substring(0, colon).chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
            scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            s = s.substring(colon + 3);
        } else if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int end = firstOf(s, "/?#\\");
        String authority = end < 0 ? s : s.substring(0, end);
        String rest = end < 0 ? "" : s.substring(end);
        int at = authority.lastIndexOf('@'); // user info, e.g. https://www.amazon.co.jp@<attacker>/
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String rawHost = stripPort(authority);
        // a host has no spaces, and without a scheme it needs a dot ("www.…", "example.com/…")
        if (rawHost.isEmpty() || rawHost.chars().anyMatch(Character::isWhitespace)
                || scheme.isEmpty() && rawHost.indexOf('.') < 0 && !rawHost.startsWith("[")) {
            return null;
        }
        boolean invisible = rawHost.codePoints().anyMatch(cp -> UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT));
        String bare = rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1) : rawHost;
        if (InetAddresses.isInetAddress(bare)) {
            String ip = bare.toLowerCase(Locale.ROOT);
            return new Link(url, scheme, ip, ip, invisible, true, null, false, rest);
        }
        String ascii = toAscii(rawHost);
        if (ascii.isEmpty()) {
            return null;
        }
        String unicode = toUnicode(ascii);
        String registrable = null;
        boolean privateSuffix = false;
        try {
            InternetDomainName name = InternetDomainName.from(ascii);
            if (name.isUnderRegistrySuffix()) {
                registrable = name.topDomainUnderRegistrySuffix().toString();
            }
            privateSuffix = name.hasPublicSuffix() && !name.publicSuffix().isRegistrySuffix();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a valid domain name (e.g. a masked "XXXX" host or a label ending in a hyphen): non-official
        }
        return new Link(url, scheme, ascii, unicode, invisible, false, registrable, privateSuffix, rest);
    }

    private static String stripPort(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(':') == colon) {
            return authority.substring(0, colon);
        }
        return authority;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** UTS #46: full-width letters mapped, ignorables deleted, lower-cased; the trailing dot dropped. */
    private static String toAscii(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (isPlainAscii(h)) {
            return h.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(h, out, info);
        if (info.hasErrors()) {
            // keep what can be read; the host stays non-official, so nothing is lost by a rough form
            return h.codePoints().filter(cp -> !UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().toLowerCase(Locale.ROOT);
        }
        String a = out.toString().toLowerCase(Locale.ROOT);
        return a.endsWith(".") ? a.substring(0, a.length() - 1) : a;
    }

    private static String toUnicode(String ascii) {
        if (!ascii.contains("xn--")) {
            return ascii;
        }
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToUnicode(ascii, out, info);
        return info.hasErrors() ? ascii : out.toString();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The top-level domain (last label). */
    String tld() {
        int dot = host.lastIndexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }
}
