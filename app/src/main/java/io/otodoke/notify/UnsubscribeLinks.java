package io.otodoke.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of every message: {@code /unsubscribe/<id>.<HMAC-SHA256 of the id>}. A link
 * needs no stored token and works for as long as the subscription exists; it can end only that one
 * subscription. The key is {@code otodoke.notify.signing-key}, or one made once per installation
 * and kept in the database, so links in mails sent before a restart still work.
 */
@Component
public class UnsubscribeLinks {

    private final JdbcClient jdbc;
    private final NotifyProperties properties;
    private volatile byte[] key;

    UnsubscribeLinks(JdbcClient jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public String url(long subscriptionId) {
        return properties.baseUrl() + "/unsubscribe/" + token(subscriptionId);
    }

    String token(long subscriptionId) {
        return subscriptionId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(subscriptionId));
    }

    /** The subscription a token names, when its signature holds. */
    public Optional<Long> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(token.substring(0, dot));
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(id)) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(long subscriptionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + subscriptionId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String configured = properties.signingKey();
            if (configured != null && !configured.isBlank()) {
                k = configured.getBytes(StandardCharsets.UTF_8);
            } else {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                // Two nodes starting at once both insert; the first wins and both read it.
                jdbc.sql("insert into notify_keys (name, secret) values ('unsubscribe', ?) on conflict do nothing")
                        .param(fresh).update();
                k = jdbc.sql("select secret from notify_keys where name = 'unsubscribe'").query(byte[].class).single();
            }
            key = k;
        }
        return k;
    }
}
