package io.otodoke.safety;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * Folding for brand matching (design/safety.md §4.3, §5 step 2): lower case, Greek and Cyrillic
 * look-alikes to the Latin letter they imitate (from the UTS #39 confusables data), then
 * Otodoke's own 0→o, 1→l, rn→m, vv→w — which UTS #39 alone misses ({@code amaz0n}, §6.2).
 */
final class Fold {

    static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
    /** Greek and Cyrillic code points (U+0370–U+04FF) whose skeleton is one Latin letter; 0 otherwise. */
    private static final char[] LATIN_LOOKALIKE = new char[0x0500 - 0x0370];

    static {
        for (int cp = 0x0370; cp < 0x0500; cp++) {
            if (!Character.isLetter(cp)) {
                continue;
            }
            String skeleton = SKELETONS.getSkeleton(SpoofChecker.ANY_CASE, new String(Character.toChars(cp)))
                    .toLowerCase(Locale.ROOT);
            if (skeleton.length() == 1 && skeleton.charAt(0) >= 'a' && skeleton.charAt(0) <= 'z') {
                LATIN_LOOKALIKE[cp - 0x0370] = skeleton.charAt(0);
            }
        }
    }

    private Fold() {
    }

    /** Lower case with Greek and Cyrillic look-alikes replaced by Latin letters; same length as the input. */
    static String lookalikes(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        char[] out = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 0x0370 && c < 0x0500 && LATIN_LOOKALIKE[c - 0x0370] != 0) {
                if (out == null) {
                    out = lower.toCharArray();
                }
                out[i] = LATIN_LOOKALIKE[c - 0x0370];
            }
        }
        return out == null ? lower : new String(out);
    }

    /** A host label folded for brand tokens: look-alikes, then digits and letter pairs that imitate letters. */
    static String label(String label) {
        String s = lookalikes(label);
        if (s.indexOf('0') < 0 && s.indexOf('1') < 0 && !s.contains("rn") && !s.contains("vv")) {
            return s;
        }
        return s.replace('0', 'o').replace('1', 'l').replace("rn", "m").replace("vv", "w");
    }

    /**
     * Whether {@code token} appears in {@code text} with at most {@code maxEdits} edits (insertions,
     * deletions, substitutions, adjacent transpositions), starting at the token's first letter:
     * typosquats keep it, and requiring it keeps words like "shinagawa" from matching "sagawa".
     */
    static boolean containsNear(String text, String token, int maxEdits) {
        if (text.contains(token)) {
            return true;
        }
        if (maxEdits == 0) {
            return false;
        }
        int m = token.length();
        char first = token.charAt(0);
        for (int j = text.indexOf(first); j >= 0; j = text.indexOf(first, j + 1)) {
            int n = Math.min(text.length() - j, m + maxEdits);
            if (n < m - maxEdits) {
                break;
            }
            if (bestPrefixDistance(token, text, j, n) <= maxEdits) {
                return true;
            }
        }
        return false;
    }

    /** The least edit distance between the token and any prefix of text[from, from+n) (optimal string alignment). */
    private static int bestPrefixDistance(String p, String t, int from, int n) {
        int m = p.length();
        int[][] d = new int[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= n; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                int cost = p.charAt(i - 1) == t.charAt(from + j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && p.charAt(i - 1) == t.charAt(from + j - 2) && p.charAt(i - 2) == t.charAt(from + j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        int best = Integer.MAX_VALUE;
        for (int j = 0; j <= n; j++) {
            best = Math.min(best, d[m][j]);
        }
        return best;
    }

    /** Edits allowed for a brand token of this length (§4.3: 1–2). */
    static int maxEdits(String token) {
        return token.length() >= 8 ? 2 : token.length() >= 5 ? 1 : 0;
    }
}
