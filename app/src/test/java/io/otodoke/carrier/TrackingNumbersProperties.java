package io.otodoke.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalisation (tracking-numbers.md §1.1) for all inputs. */
class TrackingNumbersProperties {

    @Property
    void normalisingIsIdempotent(@ForAll String any) {
        String once = TrackingNumbers.normalize(any);
        assertThat(TrackingNumbers.normalize(once)).isEqualTo(once);
    }

    @Property
    void normalisingIsIdempotentOnWhatPeopleType(@ForAll("typed") String typed) {
        String once = TrackingNumbers.normalize(typed);
        assertThat(TrackingNumbers.normalize(once)).isEqualTo(once);
    }

    @Property
    void separatorsAndWidthNeverChangeTheNumber(@ForAll("typed") String typed) {
        assertThat(TrackingNumbers.normalize(typed)).matches("[0-9A-Z]*");
    }

    @Provide
    Arbitrary<String> typed() {
        // ASCII and full-width letters and digits, and every separator of §1.1 step 3.
        return Arbitraries.strings().withChars("0123456789abcxyzABCXYZ０９ＡＺａｚ -‐‑‒–—―−－ーｰ\u3000\u00A0\t")
                .ofMaxLength(40);
    }

    @Example
    void theSpecExamples() {
        List.of("4444-1375-8703", "１２３４－５６７８－９０１３", "2026ー1097ー1043", "1z5r 8939 0357 5671 27", "ef 719 215 461 jp")
                .forEach(s -> assertThat(TrackingNumbers.normalize(s)).matches("[0-9A-Z]+"));
        assertThat(TrackingNumbers.normalize("１２３４－５６７８－９０１３")).isEqualTo("123456789013");
        assertThat(TrackingNumbers.normalize("2026ー1097ー1043")).isEqualTo("202610971043");
        assertThat(TrackingNumbers.normalize("1z5r 8939 0357 5671 27")).isEqualTo("1Z5R89390357567127");
        assertThat(TrackingNumbers.normalize("ef 719 215 461 jp")).isEqualTo("EF719215461JP");
        assertThat(TrackingNumbers.normalize("1234.5678.9013")).isEqualTo("1234.5678.9013");
        assertThat(TrackingNumbers.normalize("12‒34−56―78")).isEqualTo("12345678");
    }
}
