package io.otodoke.notify;

import com.interaso.webpush.CryptoKt;
import com.interaso.webpush.VapidKeys;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's VAPID key pair (RFC 8292): browsers subscribe with its public key, and every
 * push request is signed with its private key. Configured ({@code otodoke.notify.webpush.public-key}
 * and {@code private-key}), or made once and kept in {@code notify_keys}: a new pair would orphan
 * every browser subscribed with the old one, because a push service accepts only the key the
 * subscription was made with. The private key never leaves this class but inside a signature, and
 * nothing here logs it.
 */
@Component
public class PushKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final WebPushProperties properties;
    private volatile VapidKeys keys;

    PushKeys(JdbcClient jdbc, WebPushProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): base64url of the 65-byte point. */
    public String publicKey() {
        return BASE64URL.encodeToString(keys().getApplicationServerKey());
    }

    VapidKeys keys() {
        VapidKeys k = keys;
        if (k == null) {
            if (properties.publicKey() != null || properties.privateKey() != null) {
                if (properties.publicKey() == null || properties.privateKey() == null) {
                    throw new IllegalStateException("Set both otodoke.notify.webpush.public-key and private-key, or neither");
                }
                k = VapidKeys.fromUncompressedBytes(properties.publicKey(), properties.privateKey());
                // a mismatch would only show as every push refused; the message names no key
                if (!CryptoKt.areKeysValidPair(k.getPrivateKey(), k.getPublicKey())) {
                    throw new IllegalStateException("otodoke.notify.webpush.public-key and private-key are not a pair");
                }
            } else {
                k = stored();
            }
            keys = k;
        }
        return k;
    }

    /**
     * One row holds both halves (65 bytes of public point, then 32 of private scalar): two nodes
     * starting at once both insert, the first wins, and both read the same pair.
     */
    private VapidKeys stored() {
        VapidKeys fresh = VapidKeys.generate();
        byte[] pair = concat(fresh.getApplicationServerKey(), scalar(fresh));
        jdbc.sql("insert into notify_keys (name, secret) values ('vapid', ?) on conflict do nothing").param(pair).update();
        byte[] kept = jdbc.sql("select secret from notify_keys where name = 'vapid'").query(byte[].class).single();
        return VapidKeys.fromUncompressedBytes(BASE64URL.encodeToString(Arrays.copyOf(kept, 65)),
                BASE64URL.encodeToString(Arrays.copyOfRange(kept, 65, kept.length)));
    }

    /** The private scalar as exactly 32 bytes (BigInteger may add a sign byte or drop leading zeros). */
    private static byte[] scalar(VapidKeys k) {
        byte[] s = k.getPrivateKey().getS().toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(s.length, 32);
        System.arraycopy(s, s.length - n, out, 32 - n, n);
        assert new BigInteger(1, out).equals(k.getPrivateKey().getS());
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
