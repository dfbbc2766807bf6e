package io.otodoke.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each scheme against a vector computed once outside Java, with openssl (commands beside each
 * vector), so that the production code is not checked against itself.
 */
class WebhookSignaturesTest {

    static final String SEVENTEEN_BODY = "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\",\"carrier\":3011}}";
    /** printf '%s/%s' "$SEVENTEEN_BODY" 'test-17track-key' | openssl dgst -sha256 -r */
    static final String SEVENTEEN_SIGN = "449b4c46397b071959e6a0e1eff6854b23ff8ed08efc80ee92dd28be1b723d1f";

    static final String AFTERSHIP_BODY = "{\"event\":\"tracking_update\",\"event_id\":\"6b3c2f4e-0d55-4f0a-9a6e-3f1e2d4c5b6a\","
            + "\"msg\":{\"tracking_number\":\"1Z999AA10123456784\"}}";
    /** printf '%s' "$AFTERSHIP_BODY" | openssl dgst -sha256 -hmac 'test-aftership-secret' -binary | base64 */
    static final String AFTERSHIP_SIGN = "AKjNosV2XypNGH5phD8x3fQ6tdMS6eftQNtwlBmQ4dE=";

    static final String OWN_BODY = "[{\"carrier\":\"yamato\",\"trackingNumber\":\"491234567890\",\"status\":\"IN_TRANSIT\"}]";
    static final long OWN_T = 1764400000L;
    /** printf '%s.%s' 1764400000 "$OWN_BODY" | openssl dgst -sha256 -hmac 'test-webhook-secret' -r */
    static final String OWN_V1 = "a87c54cc5c079b30f557c133670de820b5a532a929a516d1689c59cbbe526b7c";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void seventeenTrackSignsBodySlashKeyWithSha256() {
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY), "test-17track-key", SEVENTEEN_SIGN).valid()).isTrue();
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY), "test-17track-key", SEVENTEEN_SIGN.toUpperCase()).valid())
                .as("hex case does not matter").isTrue();
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY), "another-key", SEVENTEEN_SIGN).valid()).isFalse();
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY + " "), "test-17track-key", SEVENTEEN_SIGN).valid()).isFalse();
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY), "test-17track-key", null).reason()).contains("missing");
        assertThat(WebhookSignatures.seventeenTrack(bytes(SEVENTEEN_BODY), "test-17track-key", "zz").valid()).isFalse();
    }

    @Test
    void afterShipSignsTheBodyWithBase64HmacSha256() {
        assertThat(WebhookSignatures.afterShip(bytes(AFTERSHIP_BODY), "test-aftership-secret", AFTERSHIP_SIGN).valid()).isTrue();
        assertThat(WebhookSignatures.afterShip(bytes(AFTERSHIP_BODY), "wrong-secret", AFTERSHIP_SIGN).valid()).isFalse();
        assertThat(WebhookSignatures.afterShip(bytes(AFTERSHIP_BODY.replace("1Z", "2Z")), "test-aftership-secret",
                AFTERSHIP_SIGN).valid()).isFalse();
        assertThat(WebhookSignatures.afterShip(bytes(AFTERSHIP_BODY), "test-aftership-secret", "not base64!").valid()).isFalse();
        assertThat(WebhookSignatures.afterShip(bytes(AFTERSHIP_BODY), "test-aftership-secret", "").reason()).contains("missing");
    }

    @Test
    void ourSignatureCoversTimeAndBodyAndExpiresAfterFiveMinutes() {
        String header = "t=" + OWN_T + ",v1=" + OWN_V1;
        Instant soon = Instant.ofEpochSecond(OWN_T + 60);
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", header, soon).valid()).isTrue();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", "v1=" + OWN_V1 + ", t=" + OWN_T, soon).valid())
                .as("order and spaces do not matter").isTrue();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret",
                "t=" + OWN_T + ",v1=" + "0".repeat(64) + ",v1=" + OWN_V1, soon).valid())
                .as("one of several v1 (secret rotation)").isTrue();

        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", header,
                Instant.ofEpochSecond(OWN_T + 301)).reason()).contains("more than 5 minutes");
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", header,
                Instant.ofEpochSecond(OWN_T - 301)).valid()).as("from the future").isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret",
                "t=" + (OWN_T + 1) + ",v1=" + OWN_V1, soon).valid()).as("the time is signed").isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "other-secret", header, soon).valid()).isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY + " "), "test-webhook-secret", header, soon).valid()).isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", "v1=" + OWN_V1, soon).valid()).isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", "t=" + OWN_T, soon).valid()).isFalse();
        assertThat(WebhookSignatures.otodoke(bytes(OWN_BODY), "test-webhook-secret", null, soon).reason()).contains("missing");
    }
}
