package io.otodoke.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Finds the links of a message (design/safety.md §5 step 1): defanging undone, spans found with
 * autolink, each span trimmed where the URL must end, because autolink runs on into Japanese text
 * that follows a URL without a space (§6.3).
 */
final class Links {

    private static final LinkExtractor EXTRACTOR = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();
    private static final Pattern HXXP = Pattern.compile("(?i)hxxp");
    /** Characters that may appear in an ASCII URL (§5 step 1). */
    private static final String URL_CHARS = "-._~:/?#[]@!$&'()*+,;=%";
    /** Where a URL with a Unicode host ends: a space or full-width punctuation (§5 step 1). */
    private static final String IDN_END = "。、」』）】";

    private Links() {
    }

    /** Undoes defanging: {@code hxxp} → {@code http}, {@code [.]} → {@code .}. */
    static String refang(String text) {
        String s = text.replace("[.]", ".");
        return s.indexOf('x') < 0 && s.indexOf('X') < 0 ? s : HXXP.matcher(s).replaceAll("http");
    }

    /** The URLs in already NFKC-normalised text, in order, each span trimmed (both readings when trimming cuts a Unicode host). */
    static List<String> extract(String normalizedText) {
        Set<String> found = new LinkedHashSet<>();
        for (LinkSpan span : EXTRACTOR.extractLinks(normalizedText)) {
            String s = normalizedText.substring(span.getBeginIndex(), span.getEndIndex());
            String ascii = cut(s, false);
            String idn = cut(s, true);
            if (!ascii.isEmpty()) {
                found.add(ascii);
            }
            if (!idn.equals(ascii) && hostOf(idn).chars().anyMatch(c -> c >= 128) && !hostOf(idn).equals(hostOf(ascii))
                    && underPublicSuffix(idn)) {
                found.add(idn);
            }
        }
        return new ArrayList<>(found);
    }

    private static String cut(String span, boolean idn) {
        int i = 0;
        for (; i < span.length(); i++) {
            char c = span.charAt(i);
            boolean ends = idn ? Character.isWhitespace(c) || IDN_END.indexOf(c) >= 0
                    : !(c < 128 && (Character.isLetterOrDigit(c) || URL_CHARS.indexOf(c) >= 0));
            if (ends) {
                break;
            }
        }
        String s = span.substring(0, i);
        // closing brackets and sentence punctuation that belong to the text, not the URL
        while (!s.isEmpty() && ".,;:!?)]'".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith("://") ? "" : s;
    }

    /**
     * Only a Unicode reading that ends in a real public suffix is kept: "example.comです" is a URL
     * followed by Japanese, "例え.jp" a Japanese host.
     */
    private static boolean underPublicSuffix(String url) {
        Link link = Link.parse(url);
        return link != null && link.registrableDomain() != null;
    }

    private static String hostOf(String url) {
        int start = url.indexOf("://");
        String s = start < 0 ? url : url.substring(start + 3);
        int end = 0;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, end);
    }
}
