package io.otodoke.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.carrier.ScanDetection.Symbology;
import org.junit.jupiter.api.Test;

/** The scan path of tracking-numbers.md §7, and that typed input never takes it. */
public class ScanDetectionTest {

    final TrackingNumberDetector detector = new TrackingNumberDetector(new CarrierDirectory());

    /** A 12-digit number of the 7DR family: the last digit is the first eleven mod 7 (§3.1). */
    public static String sevenDr(String eleven) {
        return eleven + Long.parseLong(eleven) % 7;
    }

    @Test
    void codabarStartAndStopCharactersAreDroppedOnScansOnly() {
        String number = sevenDr("43210987654");
        ScanDetection scan = detector.detectScan("A" + number + "A", Symbology.CODABAR, DetectionHints.NONE);
        assertThat(scan.detection().carriers()).containsExactlyInAnyOrder("yamato", "sagawa", "japanpost");
        assertThat(detector.detect("A" + number + "A").carriers()).isEmpty();
    }

    @Test
    void codabarRanksTheJapaneseCarriersFirstAndRemovesNothing() {
        String number = sevenDr("43210987654");
        var plain = detector.detectScan(number, Symbology.CODE128, new DetectionHints(null, null, java.util.List.of()));
        var codabar = detector.detectScan(number, Symbology.CODABAR, DetectionHints.NONE);
        assertThat(codabar.detection().carriers()).containsExactlyInAnyOrderElementsOf(plain.detection().carriers());
        assertThat(codabar.detection().carriers().getFirst()).isIn("yamato", "sagawa", "japanpost");
    }

    @Test
    void theUspsRoutingPrefixIsDroppedForUspsRulesOnly() {
        String impb = "9400111206206406260787";
        ScanDetection five = detector.detectScan("42010001" + impb, Symbology.CODE128, DetectionHints.NONE);
        assertThat(five.detection().carriers()).contains("usps");
        ScanDetection nine = detector.detectScan("420100011234" + impb, Symbology.CODE128, DetectionHints.NONE);
        assertThat(nine.detection().carriers()).contains("usps");
        assertThat(detector.detect("42010001" + impb).carriers()).doesNotContain("usps");
    }

    @Test
    void barcodeOnlyPayloadsAreNamedNotMatched() {
        ScanDetection fedex34 = detector.detectScan("1001901781000000000000000000000000", Symbology.CODE128, DetectionHints.NONE);
        assertThat(fedex34.detection().candidates()).isEmpty();
        assertThat(fedex34.barcodeOnlyKind()).isEqualTo("FedEx 34-digit barcode");
        ScanDetection sscc = detector.detectScan("340123456789012340", Symbology.CODE128, DetectionHints.NONE);
        assertThat(sscc.detection().candidates()).isEmpty();
        assertThat(sscc.barcodeOnlyKind()).isEqualTo("SSCC-18 logistics unit code");
    }

    @Test
    void anyPayloadGivesAResultNeverAnException() {
        for (String junk : new String[] {null, "", "A", "AA", "A1B", "🚚📦", "x".repeat(10_000), "'; drop table shipments; --",
                "\u0000\u0007\u001b"}) {
            ScanDetection scan = detector.detectScan(junk, Symbology.CODABAR, null);
            assertThat(scan.detection().candidates()).isEmpty();
        }
    }
}
