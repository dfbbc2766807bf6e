package io.otodoke.connector.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sources that may push to {@code POST /api/v1/webhooks/{source}}, with the property that
 * holds each one's secret and the signature scheme it uses.
 */
enum WebhookSource {
    SEVENTEENTRACK("seventeentrack", "otodoke.connector.seventeentrack.webhook-key"),
    AFTERSHIP("aftership", "otodoke.connector.aftership.webhook-secret"),
    GENERIC("generic", "otodoke.webhooks.secret"),
    EPCIS("epcis", "otodoke.webhooks.secret"),
    CSV("csv", "otodoke.webhooks.secret");

    final String code;
    final String secretProperty;

    WebhookSource(String code, String secretProperty) {
        this.code = code;
        this.secretProperty = secretProperty;
    }

    static Optional<WebhookSource> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
