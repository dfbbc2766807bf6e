package io.otodoke.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Brand tokens with typos (design/safety.md §4.3: edit distance ≤ 1–2, folding 0→o, 1→l, rn→m, look-alikes). */
class FoldTest {

    @Test
    void oneEditOfASixLetterTokenFromItsFirstLetter() {
        for (String label : new String[] {"amazon", "xamzonx", "amazzon", "amzaon", "amazan", "my-amazo"}) {
            assertThat(Fold.containsNear(label, "amazon", 1)).as(label).isTrue();
        }
        for (String label : new String[] {"amzn", "mazon", "tomato", "shinagawa", "azamon"}) {
            assertThat(Fold.containsNear(label, "amazon", 1) || Fold.containsNear(label, "yamato", 1)
                    || Fold.containsNear(label, "sagawa", 1)).as(label).isFalse();
        }
    }

    @Test
    void twoEditsOfLongerTokens() {
        assertThat(Fold.containsNear("kuronekoyamoto", "kuronekoyamato", 2)).isTrue();
        assertThat(Fold.containsNear("japnapost", "japanpost", 2)).isTrue();
        assertThat(Fold.containsNear("japan", "japanpost", 2)).isFalse();
    }

    @Test
    void digitsLetterPairsAndLookAlikesFoldToTheLettersTheyImitate() {
        assertThat(Fold.label("AMAZ0N")).isEqualTo("amazon");
        assertThat(Fold.label("arnazon")).isEqualTo("amazon");
        assertThat(Fold.label("sagavva")).isEqualTo("sagawa");
        assertThat(Fold.label("y\u0430m\u0430to")).isEqualTo("yamato"); // Cyrillic а
        assertThat(Fold.lookalikes("Am\u03B1zon")).isEqualTo("amazon"); // Greek α
        assertThat(Fold.lookalikes("ヤマト運輸")).isEqualTo("ヤマト運輸");
    }
}
