package io.otodoke.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service in this JVM (JDK HttpServer) and the browsers subscribed to it: each browser has
 * its own P-256 key pair and auth secret, as {@code PushManager.subscribe()} makes them, and its
 * endpoint {@code /push/<id>}. What arrives is decrypted here with JDK crypto alone, following
 * RFC 8291 (aes128gcm, RFC 8188), not with the library that encrypted it.
 */
final class FakePushService implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** One push request as received. */
    record Push(String browser, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    /** A browser's side of a push subscription. */
    record Browser(String id, String endpoint, KeyPair keys, byte[] auth) {

        byte[] publicKey() {
            return uncompressed((ECPublicKey) keys.getPublic());
        }

        /** What {@code JSON.stringify(pushSubscription)} sends. */
        String subscriptionJson() {
            return """
                    {"endpoint":"%s","expirationTime":null,"keys":{"p256dh":"%s","auth":"%s"}}"""
                    .formatted(endpoint, B64.encodeToString(publicKey()), B64.encodeToString(auth));
        }
    }

    private final HttpServer server;
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    FakePushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/push/", exchange -> {
            String browser = exchange.getRequestURI().getPath().substring("/push/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Push(browser, Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(answers.getOrDefault(browser, 201), -1);
            exchange.close();
        });
        server.start();
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    Browser browser() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String id = B64.encodeToString(SecureRandom.getSeed(12));
        return new Browser(id, origin() + "/push/" + id, g.generateKeyPair(), auth);
    }

    /** From now on, answer this browser's pushes with this status (404/410: it unsubscribed). */
    void answer(Browser b, int status) {
        answers.put(b.id(), status);
    }

    List<Push> to(Browser b) {
        return received.stream().filter(p -> p.browser().equals(b.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Checks the VAPID Authorization header (RFC 8292 section 3: {@code vapid t=<JWT>, k=<key>}):
     * the JWT is signed ES256 by the key in k, for this push service's origin, not expired. Returns
     * the JWT's claims and k.
     */
    static Map<String, String> verifyVapid(Push p, String audience) throws GeneralSecurityException {
        String header = p.header("Authorization");
        if (header == null || !header.startsWith("vapid ")) {
            throw new AssertionError("no VAPID Authorization: " + header);
        }
        String t = null, k = null;
        for (String part : header.substring("vapid ".length()).split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv[0].equals("t")) t = kv[1];
            if (kv[0].equals("k")) k = kv[1];
        }
        String[] jwt = t.split("\\.");
        String headerJson = new String(UNB64.decode(jwt[0]), StandardCharsets.UTF_8);
        String claims = new String(UNB64.decode(jwt[1]), StandardCharsets.UTF_8);
        if (!headerJson.replace(" ", "").contains("\"alg\":\"ES256\"")) {
            throw new AssertionError("not ES256: " + headerJson);
        }
        // JWS ES256 signatures are r || s, 64 bytes (RFC 7518 section 3.4), what Java calls P1363 format.
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(UNB64.decode(k), null));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(UNB64.decode(jwt[2]))) {
            throw new AssertionError("the VAPID JWT's signature does not hold for k");
        }
        if (!claims.replace(" ", "").contains("\"aud\":\"" + audience + "\"")) {
            throw new AssertionError("aud is not " + audience + ": " + claims);
        }
        return Map.of("claims", claims, "k", k);
    }

    /** Decrypts an aes128gcm body for this browser (RFC 8291 section 3.4, RFC 8188 section 2). */
    static String decrypt(Push p, Browser b) throws GeneralSecurityException {
        if (!"aes128gcm".equals(p.header("Content-Encoding"))) {
            throw new AssertionError("Content-Encoding " + p.header("Content-Encoding"));
        }
        ByteBuffer in = ByteBuffer.wrap(p.body());
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] serverKey = new byte[in.get() & 0xff];
        in.get(serverKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (serverKey.length != 65 || ciphertext.length > recordSize) {
            throw new AssertionError("one record with the server's 65-byte key expected");
        }

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(b.keys().getPrivate());
        ecdh.doPhase(publicKey(serverKey, ((ECPrivateKey) b.keys().getPrivate()).getParams()), true);
        byte[] ecdhSecret = ecdh.generateSecret();

        byte[] prkKey = hmac(b.auth(), ecdhSecret);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), b.publicKey(), serverKey, new byte[]{1});
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        // The last (here the only) record ends with the delimiter 2, then zero or more zeros of padding.
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new AssertionError("no last-record delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[]{4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
    }

    /** A P-256 public key from its 65-byte uncompressed form (0x04, x, y). */
    static ECPublicKey publicKey(byte[] point, ECParameterSpec params) throws GeneralSecurityException {
        if (params == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            params = ((ECPublicKey) g.generateKeyPair().getPublic()).getParams();
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
