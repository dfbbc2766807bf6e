package io.otodoke.claims;

/**
 * A shop's claim rules.
 *
 * @param farScanMeters   a NOT_RECEIVED claim is approved at once when the delivery was recorded farther than
 *                        this from the address (e.g. 200); null: never automatically
 * @param lostAfterDays   a LOST claim may be made after this many days without news (default 7)
 * @param autoApproveLost a LOST claim (which the days already back) is approved at once (default false)
 * @param autoOutcome     what an automatic approval does (default RESHIP)
 */
public record ClaimRules(Integer farScanMeters, Integer lostAfterDays, Boolean autoApproveLost, ClaimOutcome autoOutcome) {

    public static final ClaimRules DEFAULTS = new ClaimRules(null, null, null, null);

    public ClaimRules {
        lostAfterDays = lostAfterDays == null ? 7 : lostAfterDays;
        autoApproveLost = autoApproveLost != null && autoApproveLost;
        autoOutcome = autoOutcome == null ? ClaimOutcome.RESHIP : autoOutcome;
    }
}
