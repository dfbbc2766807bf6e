package io.otodoke.notify;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Web Push channel ({@code otodoke.notify.webpush.*}, docs/configuration.md).
 *
 * @param publicKey     the VAPID public key, base64url of the uncompressed P-256 point (65 bytes), as
 *                      {@code npx web-push generate-vapid-keys} prints it; empty: a key pair made once per
 *                      installation and kept in the database
 * @param privateKey    the VAPID private key, base64url of the 32-byte scalar; set together with the public key
 * @param subject       the contact the push services may write to about our traffic (RFC 8292 {@code sub}):
 *                      {@code mailto:…} or {@code https://…}; default {@code mailto:} and the address of
 *                      {@code otodoke.notify.mail.from}
 * @param ttl           how long a push service keeps a message for a browser that is offline (default 24 h);
 *                      "stops away" and "arriving soon" are kept one hour at most, they are stale after that
 * @param endpointHosts the push services we send to: a subscription's endpoint host must be one of these or
 *                      end with "." and one of these; empty: any host. The default names the services of
 *                      Chrome, Edge, Firefox and Safari, so a made-up endpoint cannot make this server post
 *                      to an address of the attacker's choosing
 * @param allowHttp     accept {@code http:} endpoints (tests with a local push service); default false:
 *                      push services are HTTPS only (RFC 8030 section 8)
 */
@ConfigurationProperties("otodoke.notify.webpush")
public record WebPushProperties(String publicKey, String privateKey, String subject, Duration ttl,
                                List<String> endpointHosts, Boolean allowHttp) {

    static final List<String> KNOWN_PUSH_SERVICES = List.of("fcm.googleapis.com", "push.services.mozilla.com",
            "notify.windows.com", "push.apple.com");

    public WebPushProperties {
        publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey.strip();
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey.strip();
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        endpointHosts = endpointHosts == null ? KNOWN_PUSH_SERVICES : List.copyOf(endpointHosts);
        allowHttp = allowHttp != null && allowHttp;
    }
}
