package io.otodoke.safety;

import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Locale;

/**
 * Group C of design/safety.md §4.3: what the text of a link says, for links off the allowlist
 * only — an official URL never raises a lexical signal because of its shape.
 */
final class UrlSignals {

    /** UTS #39 with the HIGHLY_RESTRICTIVE level: passes クロネコヤマト, fails аmazon with a Cyrillic а (§6.2). */
    private static final SpoofChecker RESTRICTIVE = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE).build();

    private UrlSignals() {
    }

    static void check(Link link, java.util.Set<String> officialDomains, Findings out) {
        if (link.registrableDomain() != null && officialDomains.contains(link.registrableDomain())) {
            return;
        }
        String shown = link.shown();
        if (link.ip()) {
            out.add(Signal.IP_HOST, shown);
        }
        String domain = link.registrableDomain();
        if (domain != null && HostLists.SHORTENERS.contains(domain)) {
            out.add(Signal.URL_SHORTENER, shown);
        }
        if (link.privateSuffix() || domain != null && HostLists.FREE_HOSTING.contains(domain)) {
            out.add(Signal.FREE_HOSTING, shown);
        }
        if (link.invisible()) {
            out.add(Signal.INVISIBLE_CHARACTERS, shown);
        }
        if (!link.ip()) {
            hostSignals(link, shown, officialDomains, out);
        }
        String rest = link.rest().toLowerCase(Locale.ROOT);
        if (rest.indexOf('=') >= 0 && Wording.REDIRECT.matcher(rest).find()) {
            out.add(Signal.REDIRECT_PARAMETER, shown);
        }
        for (String marker : HostLists.KIT_MARKERS) {
            if (rest.contains(marker)) {
                out.add(Signal.KIT_MARKER, shown);
                break;
            }
        }
        if (containsAny(link.host(), Wording.URL_CREDENTIAL_WORDS) || containsAny(rest, Wording.URL_CREDENTIAL_WORDS)) {
            out.add(Signal.CREDENTIAL_KEYWORD_IN_URL, shown);
        }
        if (!link.ip() && HostLists.CHEAP_TLDS.contains(link.tld())) {
            out.add(Signal.CHEAP_TLD, shown);
        }
        if (link.scheme().equals("http")) {
            out.add(Signal.PLAIN_HTTP, shown);
        }
    }

    private static void hostSignals(Link link, String shown, java.util.Set<String> officialDomains, Findings out) {
        String host = link.host();
        // the labels a registrant chose: everything left of the public suffix
        String suffix = link.registrableDomain() == null ? "" : link.registrableDomain().substring(link.registrableDomain().indexOf('.') + 1);
        String chosen = suffix.isEmpty() || !host.endsWith("." + suffix) ? host : host.substring(0, host.length() - suffix.length() - 1);
        String[] labels = chosen.split("\\.");
        String[] unicodeLabels = link.unicodeHost().split("\\.");

        boolean idn = host.contains("xn--");
        boolean spoofy = false;
        for (String u : unicodeLabels) {
            if (u.chars().anyMatch(c -> c >= 128) && RESTRICTIVE.failsChecks(u)) {
                spoofy = true;
            }
        }
        String brandToken = brandToken(labels, unicodeLabels);
        if (idn) {
            // low alone; medium when the U-label is mixed-script or imitates a brand (§4.3 IDN_HOST)
            out.add(Signal.IDN_HOST, spoofy || brandToken != null ? Severity.MEDIUM : Severity.LOW, shown);
        }
        if (spoofy || hasLatinLookalike(link.unicodeHost())) {
            out.add(Signal.MIXED_SCRIPT_HOST, shown);
        }
        if (brandToken != null) {
            out.add(Signal.BRAND_TOKEN_OUTSIDE_OFFICIAL, shown + " (" + brandToken + ")");
        }
        String embedded = officialPrefix(host, officialDomains);
        if (embedded != null) {
            out.add(Signal.OFFICIAL_DOMAIN_AS_SUBDOMAIN, shown + " (" + embedded.replace(".", "[.]") + ")");
        }
        if (host.contains("co-jp") || host.contains("cojp") || host.contains("co.ip") || host.contains("co_jp")) {
            out.add(Signal.CO_JP_IMITATION, shown);
        }
        for (String label : labels) {
            if (!label.startsWith("xn--") && (label.length() >= 20 || isLongHex(label))) {
                out.add(Signal.RANDOM_LABEL, shown);
                break;
            }
        }
        if (brandToken == null && !link.rest().isEmpty()) {
            String path = Fold.lookalikes(link.rest());
            for (String token : TOKENS) {
                if (path.contains(token)) {
                    out.add(Signal.BRAND_IN_PATH_ONLY, shown + " (" + token + ")");
                    break;
                }
            }
        }
    }

    /** An official domain that the host continues with more labels ({@code amazon.co.jp.<x>.<tld>}), or null. */
    private static String officialPrefix(String host, java.util.Set<String> officialDomains) {
        for (int start = 0; start >= 0 && start < host.length(); start = nextLabel(host, start)) {
            for (int dot = host.indexOf('.', start); dot >= 0; dot = host.indexOf('.', dot + 1)) {
                String candidate = host.substring(start, dot);
                if (officialDomains.contains(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int nextLabel(String host, int from) {
        int dot = host.indexOf('.', from);
        return dot < 0 ? -1 : dot + 1;
    }

    /** Every brand's host tokens, Latin ones with the edits they allow. */
    private static final List<String> TOKENS = Brands.ALL.stream().flatMap(b -> b.hostTokens().stream()).distinct().toList();

    /** The first brand token (or typo of one) in any label the registrant chose, or null. */
    static String brandToken(String[] asciiLabels, String[] unicodeLabels) {
        for (String label : asciiLabels) {
            if (label.startsWith("xn--")) {
                continue;
            }
            String folded = Fold.label(label);
            String joined = folded.indexOf('-') >= 0 ? folded.replace("-", "") : folded;
            for (String token : TOKENS) {
                if (token.charAt(0) < 128 && (Fold.containsNear(folded, token, Fold.maxEdits(token))
                        || joined != folded && joined.contains(token))) {
                    return token;
                }
            }
        }
        for (String u : unicodeLabels) {
            if (u.chars().noneMatch(c -> c >= 128)) {
                continue;
            }
            String folded = Fold.label(u);
            for (String token : TOKENS) {
                if (folded.contains(token) || token.charAt(0) < 128 && Fold.containsNear(folded, token, Fold.maxEdits(token))) {
                    return token;
                }
            }
        }
        return null;
    }

    /** Greek or Cyrillic letters that imitate Latin ones, in a host that also has Latin letters. */
    private static boolean hasLatinLookalike(String unicodeHost) {
        boolean latin = false;
        boolean lookalike = false;
        for (int i = 0; i < unicodeHost.length(); i++) {
            char c = unicodeHost.charAt(i);
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (c >= 0x0370 && c < 0x0500) {
                lookalike |= Fold.lookalikes(String.valueOf(c)).charAt(0) < 128;
            }
        }
        return latin && lookalike;
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLongHex(String label) {
        if (label.length() < 16) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
