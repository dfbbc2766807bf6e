package io.otodoke.safety;

import static io.otodoke.safety.Severity.HIGH;
import static io.otodoke.safety.Severity.INFO;
import static io.otodoke.safety.Severity.LOW;
import static io.otodoke.safety.Severity.MEDIUM;
import static io.otodoke.safety.Severity.MEDIUM_HIGH;

/**
 * The reason codes of design/safety.md §4, with their default severity. The codes are stable: the
 * API returns them and the message bundles explain each as {@code safety.reason.<CODE>}.
 */
public enum Signal {
    // A. allowlist and the carriers' own rules (§4.1)
    NON_OFFICIAL_DOMAIN_FOR_BRAND(HIGH),
    CARRIER_SENDS_NO_SMS(HIGH),
    CARRIER_FORBIDDEN_TLD(HIGH),
    IP_LINK_FOR_BRAND(HIGH),
    ATTACHMENT_FROM_CARRIER(HIGH),
    CREDENTIAL_REQUEST_FOR_BRAND(HIGH),
    SENDER_AUTH_FAIL(HIGH),
    // B. the user's shipments (§4.2)
    UNKNOWN_SHIPMENT(MEDIUM_HIGH),
    TRACKING_NUMBER_INVALID(LOW),
    // C. lexical URL signals (§4.3), only for links off the allowlist
    IP_HOST(MEDIUM),
    URL_SHORTENER(MEDIUM),
    FREE_HOSTING(MEDIUM),
    IDN_HOST(LOW),
    MIXED_SCRIPT_HOST(MEDIUM),
    BRAND_TOKEN_OUTSIDE_OFFICIAL(MEDIUM),
    OFFICIAL_DOMAIN_AS_SUBDOMAIN(MEDIUM),
    CO_JP_IMITATION(MEDIUM),
    INVISIBLE_CHARACTERS(MEDIUM),
    RANDOM_LABEL(LOW),
    BRAND_IN_PATH_ONLY(LOW),
    REDIRECT_PARAMETER(LOW),
    KIT_MARKER(LOW),
    CREDENTIAL_KEYWORD_IN_URL(LOW),
    CHEAP_TLD(LOW),
    PLAIN_HTTP(LOW),
    // D. text (§4.4)
    CREDENTIAL_OR_PAYMENT_REQUEST(MEDIUM),
    URGENCY(LOW),
    ADDRESS_PROBLEM_LURE(LOW),
    APP_INSTALL_LURE(MEDIUM),
    QR_INSTEAD_OF_LINK(MEDIUM),
    SUSPICIOUS_ATTACHMENT(MEDIUM),
    EMAIL_AS_ADDRESSEE(LOW),
    UNNATURAL_JAPANESE(LOW),
    HOMOGLYPH_IN_TEXT(LOW),
    ABSENCE_LURE(INFO),
    /**
     * [design, Otodoke's addition to §4.4] an SMS about an absence, redelivery or a returned parcel
     * that names no carrier or shop. The carriers that deliver almost all parcels in Japan say they
     * send no such SMS (§2), and a genuine notice says who sends it.
     */
    UNNAMED_SENDER_DELIVERY_SMS(MEDIUM),
    /**
     * [design, Otodoke's addition] a link checked on its own, without a message around it
     * ({@code check-url}, a bare link pasted on {@code /check}), whose registrable domain is not an
     * official domain of any brand Otodoke knows (nor a neutral tracker): a delivery link should
     * lead to the carrier's or the shop's own site. Low: a link with nothing else found is
     * SUSPICIOUS, never PHISHING by this alone. Not used for links inside a message, where the
     * brand the message claims decides (§5 step 3).
     */
    LINK_NOT_ON_AN_OFFICIAL_DOMAIN(LOW),
    // E. sender (§4.5)
    SENDER_UNVERIFIED(INFO),
    SENDER_DOMAIN_NOT_OFFICIAL(MEDIUM),
    SMS_PERSONAL_NUMBER(MEDIUM);

    private final Severity severity;

    Signal(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
