package io.otodoke.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer secrets (API keys, device tokens, share-link tokens): 256 bits from a secure random
 * source, kept only as their SHA-256 digest. A slow password hash would add nothing against a
 * guess of 256 random bits, and a digest can be looked up by equality.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret: the prefix, then 43 URL-safe characters (256 bits). */
    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What people see of a secret to tell it apart: its first characters. */
    static String shown(String secret) {
        return secret.substring(0, Math.min(secret.length(), 12)) + "…";
    }
}
