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
        char first = token.charAt(0);
        for (int j = text.indexOf(first); j >= 0; j = text.indexOf(first, j + 1)) {
            if (within(token, 1, text, j + 1, maxEdits)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether token[i..] matches a prefix of text[j..] with at most k edits (substitution,
     * insertion, deletion, adjacent transposition): a scan to the first difference, then each edit
     * tried — linear for the one or two edits allowed, and without allocating.
     */
    private static boolean within(String p, int i, String t, int j, int k) {
        int m = p.length();
        int n = t.length();
        while (i < m && j < n && p.charAt(i) == t.charAt(j)) {
            i++;
            j++;
        }
        if (i == m) {
            return true;
        }
        if (j == n) {
            return m - i <= k;
        }
        if (k == 0) {
            return false;
        }
        return within(p, i + 1, t, j + 1, k - 1)
                || within(p, i, t, j + 1, k - 1)
                || within(p, i + 1, t, j, k - 1)
                || i + 1 < m && j + 1 < n && p.charAt(i) == t.charAt(j + 1) && p.charAt(i + 1) == t.charAt(j)
                && within(p, i + 2, t, j + 2, k - 1);
    }

    /** Edits allowed for a brand token of this length (§4.3: 1–2). */
    static int maxEdits(String token) {
        return token.length() >= 8 ? 2 : token.length() >= 5 ? 1 : 0;
    }
}
