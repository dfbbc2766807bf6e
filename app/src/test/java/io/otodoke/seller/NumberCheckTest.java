package io.otodoke.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetector;
import org.junit.jupiter.api.Test;

/** A seller's number is checked with the detector and the check digits (design/tracking-numbers.md §2). */
class NumberCheckTest {

    final CarrierDirectory directory = new CarrierDirectory();
    final NumberCheck check = new NumberCheck(new TrackingNumberDetector(directory), directory);

    /** Eleven digits and their mod-7 check digit: the 12-digit numbers of Yamato, Sagawa and Japan Post. */
    static String mod7(String elevenDigits) {
        return elevenDigits + Long.parseLong(elevenDigits) % 7;
    }

    /** A digit off by one: the check digit no longer matches. */
    static String mistyped(String number) {
        int last = number.charAt(number.length() - 1) - '0';
        return number.substring(0, number.length() - 1) + (last + 1) % 7;
    }

    @Test
    void aValidNumberOfTheCarrierGivenIsKept() {
        NumberCheck.Result r = check.check("yamato", mod7("49123456789"));
        assertThat(r.error()).isNull();
        assertThat(r.carrier()).isEqualTo("yamato");
        assertThat(r.normalized()).isEqualTo(mod7("49123456789"));
    }

    @Test
    void aMistypedDigitIsExplainedWithTheCheckDigitRule() {
        NumberCheck.Result r = check.check("yamato", mistyped(mod7("49123456789")));
        assertThat(r.error().code()).isEqualTo("invalid-check-digit");
        assertThat(r.error().field()).isEqualTo("trackingNumber");
        assertThat(r.error().detail()).contains("check digit", "mod 7", "mistyped");
    }

    @Test
    void aNumberOfAnotherCarrierIsExplained() {
        // an international item number of the UPU S10 format (12345678 → check digit 5), carried by Japan Post
        NumberCheck.Result r = check.check("yamato", "EJ123456785JP");
        assertThat(r.error().code()).isEqualTo("wrong-carrier");
        assertThat(r.error().detail()).contains("upu_s10", "not of yamato");
    }

    @Test
    void withoutACarrierTheDetectorDecidesOrSaysItCannot() {
        assertThat(check.check(null, "EJ123456785JP").carrier()).isEqualTo("upu_s10");
        assertThat(check.check("", mod7("49123456789")).error().code()).isEqualTo("ambiguous-carrier");
        assertThat(check.check(null, "EJ123456784JP").error().code()).isEqualTo("invalid-check-digit");
    }

    @Test
    void anUnknownCarrierAndAMissingNumberAreRefused() {
        assertThat(check.check("kuroneko", mod7("49123456789")).error().code()).isEqualTo("unknown-carrier");
        assertThat(check.check("yamato", " ").error().code()).isEqualTo("missing-tracking-number");
        assertThat(check.check("yamato", "12").error().code()).isEqualTo("invalid-tracking-number");
    }
}
