package io.otodoke.carrier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a tracking number as people type, paste or scan it into its canonical form N
 * (tracking-numbers.md §1.1): NFKC (full-width becomes half-width), upper case with
 * {@link Locale#ROOT}, then every whitespace and hyphen-like character is deleted — including the
 * long vowel mark 「ー」, which Japanese users type as a hyphen.
 */
public final class TrackingNumbers {

    private TrackingNumbers() {
    }

    /**
     * Steps 1–3 of §1.1. The result may still hold characters outside {@code [0-9A-Z]} (step 4 is
     * the detector's: such a number has no candidates).
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String n = once(input);
        // Upper-casing or deleting a separator can leave a string that NFKC would change again
        // (a combining mark meeting its base). Repeat until stable so that normalising is
        // idempotent; only such non-ASCII leftovers ever need a second pass.
        for (int i = 0; i < 4 && !isAscii(n); i++) {
            String again = once(n);
            if (again.equals(n)) {
                break;
            }
            n = again;
        }
        return n;
    }

    private static String once(String input) {
        String nfkc = Normalizer.normalize(input, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isHyphenLike(c)) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** §1.1 step 3: {@code -}, U+2010–U+2015, U+2212 {@code −}, U+FF0D {@code －} and U+30FC {@code ー}. */
    private static boolean isHyphenLike(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFF0D' || c == '\u30FC';
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
