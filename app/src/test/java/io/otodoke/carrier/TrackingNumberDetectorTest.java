package io.otodoke.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.otodoke.carrier.TrackingNumberCandidate.CheckDigitResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector contract of tracking-numbers.md §1 and §5. */
class TrackingNumberDetectorTest {

    final TrackingNumberDetector detector = new TrackingNumberDetector(new CarrierDirectory());

    /** §5.2, the conformance table, verbatim. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            4444-1375-8703               | japanpost,sagawa,yamato
            １２３４－５６７８－９０１３   | japanpost,sagawa,yamato
            2026ー1097ー1043              | japanpost,sagawa,yamato
            600079555353                 | fedex,japanpost,sagawa,yamato
            996578788855                 | amazon_jp,japanpost,sagawa,yamato
            000000000000                 | fedex,japanpost,sagawa,yamato
            444413758704                 | none
            444413758707                 | none
            131-12-38385-2               | dhl_express,japanpost
            3318810025                   | dhl_express
            771613423732                 | fedex
            997048950367429              | dpd,fedex
            9611020987654312345672       | fedex
            1z5r 8939 0357 5671 27       | ups
            1Z12345E0305271640           | none
            K1506235620                  | ups
            71969010756003077385         | usps
            9400111206206406260787       | usps
            EF719215461JP                | upu_s10
            RB123456785TW                | none
            UK000000005YP                | yanwen
            09980000020033F              | dpd
            GM2951173225174494           | dhl_ecommerce
            TBA321677302718              | amazon_jp
            SF1385628716739              | sf_express
            4PX3002555902331CN           | 4px
            A444413758703A               | none
            1234.5678.9013               | none
            """)
    void conformanceExamples(String input, String expected) {
        List<String> codes = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(detector.detect(input.strip()).carriers().stream().sorted().toList()).isEqualTo(codes);
    }

    @Test
    void withoutHintsJapaneseCarriersComeFirstInTheDefaultOrder() {
        assertThat(detector.detect("600079555353").carriers()).containsExactly("yamato", "sagawa", "japanpost", "fedex");
    }

    @Test
    void hintsReorderButNeverDrop() {
        var chosen = detector.detect("600079555353", new DetectionHints("fedex", null, List.of()));
        assertThat(chosen.carriers()).containsExactly("fedex", "yamato", "sagawa", "japanpost");

        var sender = detector.detect("600079555353", new DetectionHints(null, "info-nimotsu@sagawa-exp.co.jp", List.of()));
        assertThat(sender.carriers()).containsExactly("sagawa", "yamato", "japanpost", "fedex");

        var usual = detector.detect("600079555353", new DetectionHints(null, "ml.post.japanpost.jp", List.of("fedex")));
        assertThat(usual.carriers()).containsExactly("japanpost", "fedex", "yamato", "sagawa");

        var unknownHint = detector.detect("444413758703", new DetectionHints("pigeon", "evil.example", null));
        assertThat(unknownHint.carriers()).containsExactly("yamato", "sagawa", "japanpost");
        var hintForAnotherCarrier = detector.detect("444413758703", new DetectionHints("ups", null, List.of("dpd")));
        assertThat(hintForAnotherCarrier.carriers()).containsExactly("yamato", "sagawa", "japanpost");
    }

    @Test
    void candidatesCarryRuleCheckDigitConfidenceAndTheOfficialLink() {
        var d = detector.detect("4444-1375-8703");
        assertThat(d.normalized()).isEqualTo("444413758703");
        var yamato = d.candidates().getFirst();
        assertThat(yamato.rule()).isEqualTo("JP12");
        assertThat(yamato.checkDigit()).isEqualTo("mod 7");
        assertThat(yamato.checkDigitResult()).isEqualTo(CheckDigitResult.VALID);
        assertThat(yamato.confidence()).isEqualTo("HIGH");
        assertThat(yamato.trackingUrl()).isEqualTo("https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=444413758703");

        var amazon = detector.detect("TBA321677302718").candidates().getFirst();
        assertThat(amazon.checkDigitResult()).isEqualTo(CheckDigitResult.NO_CHECK_DIGIT);

        var s10 = detector.detect("ef 719 215 461 jp").candidates().getFirst();
        assertThat(s10.trackingUrl()).endsWith("reqCodeNo1=EF719215461JP").startsWith("https://trackings.post.japanpost.jp/");
        assertThat(detector.detect("UK000000005YP").candidates().getFirst().trackingUrl()).isNull();
    }

    @Test
    void aRuleIdNamesItsCarriersSoThePageCanSayWhoseCheckDigitFailed() {
        assertThat(TrackingNumberDetector.carriersOfRule("JP12")).containsExactly("yamato", "sagawa", "japanpost");
        assertThat(TrackingNumberDetector.carriersOfRule("FX12")).containsExactly("fedex");
        assertThat(TrackingNumberDetector.carriersOfRule("NOPE")).isEmpty();
    }

    @Test
    void aWrongCheckDigitIsReportedSoThePageCanSayADigitMayBeMistyped() {
        var d = detector.detect("4444-1375-8704");
        assertThat(d.candidates()).isEmpty();
        assertThat(d.failedChecks()).containsExactly("JP12", "FX12");
        assertThat(detector.detect("hello").failedChecks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "-", "ー", "😀", "📦1234-5678-9013", "1234\u00005678\u00019013",
            "'; DROP TABLE shipments; --", "1' OR '1'='1", "<script>alert(1)</script>", "\uD800", "\uFFFF\uFFFE",
            "١٢٣٤٥٦٧٨٩٠١٣", "ß", "ǆ"})
    void nastyInputGivesNoCandidatesAndNeverThrows(String input) {
        assertThatCode(() -> detector.detect(input)).doesNotThrowAnyException();
        assertThat(detector.detect(input).candidates()).isEmpty();
    }

    @Test
    void nullAndHugeInputGiveNoCandidates() {
        assertThat(detector.detect(null).candidates()).isEmpty();
        String tenKb = "4".repeat(10 * 1024);
        var huge = detector.detect(tenKb);
        assertThat(huge.candidates()).isEmpty();
        assertThat(huge.input()).isEqualTo(tenKb);
        assertThat(huge.normalized()).isNull();
        assertThat(detector.detect("1234-5678-9013 ".repeat(700)).candidates()).isEmpty();
        assertThat(detector.detect("444413758703", null).carriers()).hasSize(3);
    }
}
