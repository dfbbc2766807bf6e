package io.otodoke.safety;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPF, DKIM and DMARC results of an {@code Authentication-Results} header (RFC 8601) for the
 * From domain (design/safety.md §1.2, §5 step 7). A result counts for the From domain when its
 * domain property ({@code header.from}, {@code header.d}, {@code header.i}, {@code smtp.mailfrom})
 * is that domain or shares its registrable domain (relaxed alignment, as DMARC does).
 */
final class AuthenticationResults {

    enum Outcome { PASS, FAIL, NONE }

    private static final Pattern HEADER = Pattern.compile("(?im)^Authentication-Results:(.*(?:\\r?\\n[ \\t].*)*)");
    private static final Pattern RESULT = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*([a-z]+)([^;]*)");
    private static final Pattern DOMAIN = Pattern.compile("(?i)(header\\.from|header\\.d|header\\.i|smtp\\.mailfrom)\\s*=\\s*\"?([^\\s;\"]+)");

    private AuthenticationResults() {
    }

    /** PASS when any aligned SPF, DKIM or DMARC result passed and none failed; FAIL when one failed; NONE without results. */
    static Outcome forDomain(String headers, String fromDomain) {
        if (headers == null || fromDomain == null) {
            return Outcome.NONE;
        }
        boolean pass = false;
        boolean fail = false;
        Matcher h = HEADER.matcher(headers);
        while (h.find()) {
            Matcher r = RESULT.matcher(h.group(1));
            while (r.find()) {
                String result = r.group(2).toLowerCase(Locale.ROOT);
                Matcher d = DOMAIN.matcher(r.group(3));
                String domain = d.find() ? d.group(2).substring(d.group(2).lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : null;
                if (domain != null && !aligned(domain, fromDomain)) {
                    continue;
                }
                if (result.equals("pass")) {
                    pass = true;
                } else if (result.equals("fail") || result.equals("softfail")) {
                    fail = true;
                }
            }
        }
        return fail ? Outcome.FAIL : pass ? Outcome.PASS : Outcome.NONE;
    }

    private static boolean aligned(String a, String b) {
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a) || registrable(a).equals(registrable(b));
    }

    private static String registrable(String domain) {
        Link link = Link.parse("x://" + domain);
        return link == null || link.registrableDomain() == null ? domain : link.registrableDomain();
    }
}
