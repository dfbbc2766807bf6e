package io.otodoke.safety;

import java.util.List;

/**
 * What is checked (design/safety.md, "Input").
 *
 * @param text        the message as pasted (may be empty when only URLs are given)
 * @param channel     SMS, e-mail, or null when unknown (bare links)
 * @param sender      phone number, alphanumeric sender ID or From address ("Name &lt;a@b&gt;"), or null
 * @param headers     raw e-mail headers (Authentication-Results, Content-Type…), or null
 * @param attachments names of the e-mail's attachments, if known
 * @param urls        links given separately from the text
 */
public record MessageInput(String text, Channel channel, String sender, String headers, List<String> attachments,
                           List<String> urls) {

    /** Longest text read; the rest is ignored (a delivery lure is short; this bounds the work per request). */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_URLS = 100;

    public MessageInput {
        text = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        sender = sender == null || sender.isBlank() ? null : sender.strip();
        headers = headers == null || headers.isBlank() ? null
                : headers.length() > MAX_TEXT ? headers.substring(0, MAX_TEXT) : headers;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        urls = urls == null ? List.of() : List.copyOf(urls.size() > MAX_URLS ? urls.subList(0, MAX_URLS) : urls);
    }

    public static MessageInput message(String text, Channel channel, String sender) {
        return new MessageInput(text, channel, sender, null, List.of(), List.of());
    }

    public static MessageInput url(String url) {
        return new MessageInput("", null, null, null, List.of(), List.of(url));
    }
}
