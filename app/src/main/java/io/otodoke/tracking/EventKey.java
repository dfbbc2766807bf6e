package io.otodoke.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The identity of an event for idempotent ingest. A source's own event id identifies an event
 * when it has one; otherwise what the source said does: the same text at the same time and place
 * from the same source is the same event, however often a page is polled or a webhook retried.
 * The position in the source's list is left out on purpose: lists that put the newest event first
 * shift every position when a scan is added.
 */
final class EventKey {

    private EventKey() {
    }

    static UUID of(String sourceEventId, TrackingEvent e) {
        StringBuilder b = new StringBuilder(160).append(e.source()).append('\u001f');
        if (sourceEventId != null && !sourceEventId.isBlank()) {
            b.append("id\u001f").append(sourceEventId);
        } else {
            b.append(e.status()).append('\u001f').append(e.reason()).append('\u001f')
                    .append(e.rawCode()).append('\u001f').append(e.rawText()).append('\u001f')
                    .append(e.occurredAt().local()).append('\u001f').append(e.occurredAt().zone().getId())
                    .append('\u001f').append(e.occurredAt().precision()).append('\u001f')
                    .append(e.location().name()).append('\u001f').append(e.location().postalCode());
        }
        return nameUuid(b.toString());
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static UUID nameUuid(String name) {
        byte[] hash = SHA256.get().digest(name.getBytes(StandardCharsets.UTF_8));
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
