package io.otodoke.carrier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a tracking number as people type, paste or scan it into its canonical form: full-width
 * characters become half-width (NFKC), the separators people use — spaces, hyphens, and the
 * long vowel mark 「ー」 typed as a hyphen — are removed, letters are upper case.
 */
public final class TrackingNumbers {

    private TrackingNumbers() {
    }

    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isDash(c)) {
                continue;
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isDash(char c) {
        return c == '-' || c == 'ー' || c == '－' || c == '‐' || c == '‑' || c == '–' || c == '—' || c == '―'
                || c == '−' || c == 'ｰ' || c == '_';
    }
}
