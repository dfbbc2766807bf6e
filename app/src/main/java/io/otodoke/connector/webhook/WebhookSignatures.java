package io.otodoke.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three ways a webhook sender proves it knows the shared secret (docs/api.md, "Webhooks").
 * Every comparison is of bytes in constant time ({@link MessageDigest#isEqual}), so the time an
 * answer takes says nothing about how much of a forged signature was right.
 */
final class WebhookSignatures {

    /** Our own signatures older (or further in the future) than this are refused as replays. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignatures() {
    }

    /** Whether a signature holds, and if not, why (said to the sender: it holds nothing secret). */
    record Verdict(boolean valid, String reason) {
        static final Verdict VALID = new Verdict(true, null);

        static Verdict invalid(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * 17TRACK: header {@code sign} = lower-case hex SHA-256 of the raw body, "/", and the security
     * key. Verified against design/carriers.md §6.1: the header name {@code sign} and that it is a
     * SHA-256 signature. [unverified] the exact input (body + "/" + key): it is how public 17TRACK
     * receivers build it, but no source available to us quotes 17TRACK's documentation on it.
     */
    static Verdict seventeenTrack(byte[] body, String key, String sign) {
        if (sign == null || sign.isBlank()) {
            return Verdict.invalid("The 'sign' header is missing.");
        }
        byte[] given = hex(sign.trim());
        if (given == null) {
            return Verdict.invalid("The 'sign' header is not a hex SHA-256 digest.");
        }
        byte[] expected = sha256(concat(body, ("/" + key).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID
                : Verdict.invalid("The 'sign' header does not match the body and the configured key.");
    }

    /**
     * AfterShip: header {@code aftership-hmac-sha256} = base64 of HMAC-SHA256(secret, raw body)
     * (AfterShip "Webhook Specifications"; the header name is marked unverified in
     * design/carriers.md §6.2).
     */
    static Verdict afterShip(byte[] body, String secret, String header) {
        if (header == null || header.isBlank()) {
            return Verdict.invalid("The 'aftership-hmac-sha256' header is missing.");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.invalid("The 'aftership-hmac-sha256' header is not base64.");
        }
        return MessageDigest.isEqual(hmac(secret, body), given) ? Verdict.VALID
                : Verdict.invalid("The 'aftership-hmac-sha256' header does not match the body and the configured secret.");
    }

    /**
     * Ours, for {@code generic}, {@code epcis} and {@code csv}: header
     * {@code Otodoke-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}.
     * The time is signed with the body, so a captured delivery cannot be replayed after
     * {@link #TOLERANCE}; several {@code v1} entries may be sent while a secret is being rotated.
     */
    static Verdict otodoke(byte[] body, String secret, String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Verdict.invalid("The 'Otodoke-Signature' header is missing.");
        }
        String t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                t = value;
            } else if (name.equals("v1")) {
                byte[] v = hex(value);
                if (v != null) {
                    signatures.add(v);
                }
            }
        }
        if (t == null || !t.matches("[0-9]{1,12}")) {
            return Verdict.invalid("The 'Otodoke-Signature' header needs t=<unix seconds>.");
        }
        if (signatures.isEmpty()) {
            return Verdict.invalid("The 'Otodoke-Signature' header needs v1=<hex HMAC-SHA256>.");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return Verdict.invalid("The signature's time t=" + t + " is more than " + TOLERANCE.toMinutes()
                    + " minutes from ours; sign each delivery when you send it.");
        }
        byte[] expected = hmac(secret, concat((t + ".").getBytes(StandardCharsets.UTF_8), body));
        boolean match = false;
        for (byte[] v : signatures) {
            match |= MessageDigest.isEqual(expected, v); // no early exit: every candidate costs the same
        }
        return match ? Verdict.VALID
                : Verdict.invalid("The 'Otodoke-Signature' header does not match the body and the configured secret.");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String s) {
        if (s.length() != 64) {
            return null; // a SHA-256 digest and nothing else
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
