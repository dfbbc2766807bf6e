package io.otodoke.seller;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetection;
import io.otodoke.carrier.TrackingNumberDetector;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a seller's tracking number with the detector and its check digits
 * (design/tracking-numbers.md): the number must fit a rule of the carrier given, or, when no
 * carrier is given, of exactly one carrier. Each refusal says why, so that a seller can fix a
 * mistyped digit or a wrong carrier column.
 */
@Component
public class NumberCheck {

    private final TrackingNumberDetector detector;
    private final CarrierDirectory carriers;

    NumberCheck(TrackingNumberDetector detector, CarrierDirectory carriers) {
        this.detector = detector;
        this.carriers = carriers;
    }

    /** The carrier the number is stored under, or the reason it is refused. */
    public record Result(String carrier, String normalized, RowError error) {

        static Result ok(String carrier, String normalized) {
            return new Result(carrier, normalized, null);
        }

        static Result refused(String code, String field, String detail) {
            return new Result(null, null, new RowError(code, field, detail));
        }
    }

    public Result check(String carrier, String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Result.refused("missing-tracking-number", "trackingNumber", "trackingNumber is required");
        }
        boolean carrierGiven = carrier != null && !carrier.isBlank();
        if (carrierGiven && !carriers.isKnown(carrier)) {
            return Result.refused("unknown-carrier", "carrier", "unknown carrier '" + carrier
                    + "'; GET /api/v1/carriers lists the codes, or leave it empty to detect it from the number");
        }
        TrackingNumberDetection d = detector.detect(trackingNumber);
        if (d.normalized() == null || d.normalized().isEmpty() || d.normalized().length() > 64) {
            return Result.refused("invalid-tracking-number", "trackingNumber", "'" + trackingNumber
                    + "' is not a tracking number (letters and digits, at most 64)");
        }
        List<String> found = d.carriers();
        if (carrierGiven) {
            if (found.contains(carrier)) {
                return Result.ok(carrier, d.normalized());
            }
            List<String> failedForCarrier = failedRulesOf(d, carrier);
            if (!failedForCarrier.isEmpty()) {
                return Result.refused("invalid-check-digit", "trackingNumber", checkDigitExplanation(d, failedForCarrier));
            }
            if (!found.isEmpty()) {
                return Result.refused("wrong-carrier", "carrier", "'" + trackingNumber + "' is a valid number of "
                        + String.join(" or ", found) + ", not of " + carrier + "; check the carrier column");
            }
            if (TrackingNumberDetector.carriersOfAnyRule().contains(carrier)) {
                return Result.refused("invalid-tracking-number", "trackingNumber", "'" + trackingNumber
                        + "' does not have the shape of a " + carrier + " tracking number");
            }
            // a carrier without published number rules (design/tracking-numbers.md): its own number is taken as given
            return Result.ok(carrier, d.normalized());
        }
        if (found.size() == 1) {
            return Result.ok(found.getFirst(), d.normalized());
        }
        if (found.size() > 1) {
            return Result.refused("ambiguous-carrier", "carrier", "'" + trackingNumber + "' fits " + String.join(", ", found)
                    + "; say which carrier it is");
        }
        if (!d.failedChecks().isEmpty()) {
            return Result.refused("invalid-check-digit", "trackingNumber", checkDigitExplanation(d, d.failedChecks()));
        }
        return Result.refused("unknown-number", "trackingNumber", "'" + trackingNumber
                + "' fits no carrier's number format; give the carrier");
    }

    private static List<String> failedRulesOf(TrackingNumberDetection d, String carrier) {
        return d.failedChecks().stream().filter(r -> TrackingNumberDetector.carriersOfRule(r).contains(carrier)).toList();
    }

    /** Names the rules whose shape matched, their carriers and check-digit algorithm (e.g. JP12, mod 7). */
    private static String checkDigitExplanation(TrackingNumberDetection d, List<String> rules) {
        StringBuilder which = new StringBuilder();
        for (String rule : rules) {
            if (!which.isEmpty()) {
                which.append("; ");
            }
            which.append(rule).append(" of ").append(String.join(", ", TrackingNumberDetector.carriersOfRule(rule)))
                    .append(", check digit ").append(TrackingNumberDetector.checkDigitOfRule(rule).orElse("?"));
        }
        return "'" + d.input() + "' has the shape of a tracking number (" + which + ") but its check digit does not "
                + "match the other digits: a digit is probably mistyped";
    }
}
