package io.otodoke.notify;

import java.util.Map;

/**
 * A notification rendered in the subscriber's language from the templates under
 * {@code templates/notify/mail}. Each channel takes what suits it: e-mail the subject, text and
 * HTML; a push or a chat message the subject, text and link; a webhook the data.
 *
 * @param url  the page to open: the shipment's tracking page, or the redelivery page after an attempt
 * @param data the facts as plain values (milestone, carrier, trackingNumber, …) for machine receivers
 */
public record Message(String subject, String text, String html, String url, Map<String, String> data) {

    public Message {
        data = Map.copyOf(data);
    }
}
