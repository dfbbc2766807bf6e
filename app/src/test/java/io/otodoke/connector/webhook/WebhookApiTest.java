package io.otodoke.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.connector.Parsers;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhooks end to end: real HTTP, real PostgreSQL. The signatures here are made with javax.crypto
 * for convenience; that the schemes are the documented ones is pinned by WebhookSignaturesTest's
 * openssl vectors.
 */
@OtodokeTest
class WebhookApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    Parsers parsers;
    @Autowired
    WebhookDrain drain;
    @Autowired
    Credentials credentials;
    final HttpClient http = HttpClient.newHttpClient();

    // --- the three ways to sign -------------------------------------------------------------

    static String ours(String body, long t) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(OtodokeTest.WEBHOOK_SECRET, t + "." + body));
    }

    static String ours(String body) {
        return ours(body, Instant.now().getEpochSecond());
    }

    static String afterShip(String body) {
        return Base64.getEncoder().encodeToString(hmac(OtodokeTest.AFTERSHIP_SECRET, body));
    }

    static String seventeenTrack(String body) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((body + "/" + OtodokeTest.SEVENTEENTRACK_KEY).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer post(String source, HttpRequest.BodyPublisher body, Map<String, String> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks/" + source))
                .header("Content-Type", "application/json").POST(body);
        headers.forEach(builder::header);
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.body().isEmpty() ? null : json.readTree(r.body()));
    }

    Answer post(String source, String body, Map<String, String> headers) throws Exception {
        return post(source, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    long rows(String source) {
        return jdbc.sql("select count(*) from webhook_inbox where source = ?").param(source).query(Long.class).single();
    }

    record Row(String outcome, String detail, int attempts) {
    }

    /** The delivery's outcome once the drain has processed it. */
    Row processed(long id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            var row = jdbc.sql("select outcome, detail, attempts from webhook_inbox where id = ? and processed_at is not null")
                    .param(id).query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
            if (row.isPresent()) {
                return row.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("delivery " + id + " was not processed within 20 s");
    }

    static String number() {
        return "WH" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    long register(String carrier, String number) {
        List<RegistrationOutcome> out = registry.register(1, List.of(
                new ShipmentRegistration(carrier, number, null, null, null, false, Instant.parse("2026-11-20T00:00:00Z"))));
        return out.getFirst().shipmentId();
    }

    List<TimelineEntry> timeline(long shipmentId) {
        return registry.shipment(1, shipmentId).orElseThrow().timeline();
    }

    static void assertProblem(Answer a, int status, String type) {
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asString()).isEqualTo("urn:otodoke:problem:" + type);
    }

    // --- the specification --------------------------------------------------------------------

    @Test
    void aSignedGenericDeliveryIsAcceptedAndItsEventsReachTheShipment() throws Exception {
        String number = number();
        String untracked = number();
        long shipment = register("yamato", number);
        String body = """
                [{"carrier":"yamato","trackingNumber":"%s","status":"PICKED_UP","rawText":"荷物受付",
                  "occurredAt":"2026-11-20T09:12:00+09:00","sourceSequence":0},
                 {"carrier":"yamato","trackingNumber":"%s","status":"IN_TRANSIT","rawText":"輸送中",
                  "occurredAt":"2026-11-20T18:40:00+09:00","sourceSequence":1},
                 {"carrier":"yamato","trackingNumber":"%s","status":"IN_TRANSIT",
                  "occurredAt":"2026-11-20T18:40:00+09:00"}]
                """.formatted(number, number, untracked);

        Answer a = post("generic", body, Map.of("Otodoke-Signature", ours(body)));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(202);
        assertThat(a.body().get("status").asString()).isEqualTo("accepted");
        Row row = processed(a.body().get("id").asLong());
        assertThat(row.outcome()).isEqualTo("ingested");
        assertThat(row.detail()).startsWith("2 event(s) stored, 0 duplicate(s), 0 rejected, into 1 shipment(s); "
                + "1 untracked number(s) with 1 event(s) dropped");
        assertThat(timeline(shipment)).extracting(TimelineEntry::rawText).containsExactly("荷物受付", "輸送中");
        assertThat(registry.shipment(1, shipment).orElseThrow().status()).isEqualTo(TrackingStatus.IN_TRANSIT);

        // the sender retries, signing again: the same delivery, no second row, no second ingest
        long before = rows("generic");
        Answer again = post("generic", body, Map.of("Otodoke-Signature", ours(body, Instant.now().getEpochSecond() + 1)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asString()).isEqualTo("duplicate");
        assertThat(rows("generic")).isEqualTo(before);
        assertThat(timeline(shipment)).hasSize(2);
    }

    @Test
    void aPayloadThatCannotBeReadIsKeptWithItsReason() throws Exception {
        String body = "[{\"trackingNumber\":\"" + number() + "\",\"status\":\"ON_THE_MOON\",\"occurredAt\":\"2026-11-20T09:12:00+09:00\"}]";
        Answer a = post("generic", body, Map.of("Otodoke-Signature", ours(body)));
        assertThat(a.status()).isEqualTo(202);
        Row row = processed(a.body().get("id").asLong());
        assertThat(row.outcome()).isEqualTo("rejected");
        assertThat(row.detail()).startsWith("MALFORMED: 1 of 1 events are invalid").contains("unknown status 'ON_THE_MOON'");
        assertThat(row.attempts()).as("not tried again").isEqualTo(1);
        assertThat(jdbc.sql("select body from webhook_inbox where id = ?").param(a.body().get("id").asLong())
                .query(byte[].class).single()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badMissingOrStaleSignaturesAreRefusedAndNothingIsStored() throws Exception {
        String body = "[{\"carrier\":\"yamato\",\"trackingNumber\":\"" + number() + "\",\"status\":\"IN_TRANSIT\","
                + "\"occurredAt\":\"2026-11-20T09:12:00+09:00\"}]";
        long generic = rows("generic"), seventeen = rows("seventeentrack"), aftership = rows("aftership"),
                epcis = rows("epcis"), csv = rows("csv");
        long now = Instant.now().getEpochSecond();

        assertProblem(post("generic", body, Map.of()), 401, "invalid-signature");
        assertProblem(post("generic", body, Map.of("Otodoke-Signature", ours(body + " "))), 401, "invalid-signature");
        assertProblem(post("generic", body, Map.of("Otodoke-Signature", ours(body, now - 360))), 401, "invalid-signature");
        assertProblem(post("generic", body, Map.of("Otodoke-Signature", ours(body, now + 360))), 401, "invalid-signature");
        assertProblem(post("generic", body, Map.of("Otodoke-Signature",
                ours(body, now).replaceFirst("t=\\d+", "t=" + (now + 1)))), 401, "invalid-signature");
        assertProblem(post("epcis", body, Map.of("Otodoke-Signature", "t=" + now + ",v1=" + "ab".repeat(32))), 401,
                "invalid-signature");
        assertProblem(post("csv", body, Map.of()), 401, "invalid-signature");
        assertProblem(post("seventeentrack", body, Map.of()), 401, "invalid-signature");
        assertProblem(post("seventeentrack", body, Map.of("sign", seventeenTrack(body + "x"))), 401, "invalid-signature");
        assertProblem(post("aftership", body, Map.of()), 401, "invalid-signature");
        assertProblem(post("aftership", body, Map.of("aftership-hmac-sha256", afterShip("{}"))), 401, "invalid-signature");
        // a signature of another scheme is no signature
        assertProblem(post("aftership", body, Map.of("Otodoke-Signature", ours(body))), 401, "invalid-signature");

        assertThat(List.of(rows("generic"), rows("seventeentrack"), rows("aftership"), rows("epcis"), rows("csv")))
                .containsExactly(generic, seventeen, aftership, epcis, csv);
    }

    @Test
    void seventeenTrackDeliveriesAreStoredOnceAndHandedToItsParser() throws Exception {
        String body = """
                {"event":"TRACKING_UPDATED","data":{"number":"%s","carrier":3011,"tag":null,
                 "track_info":{"latest_status":{"status":"InTransit","sub_status":"InTransit_Other"}}}}
                """.formatted(number());
        long before = rows("seventeentrack");
        Answer a = post("seventeentrack", body, Map.of("sign", seventeenTrack(body)));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(202);
        assertThat(rows("seventeentrack")).isEqualTo(before + 1);
        assertHandedToParser("seventeentrack", processed(a.body().get("id").asLong()));

        Answer again = post("seventeentrack", body, Map.of("sign", seventeenTrack(body)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(rows("seventeentrack")).isEqualTo(before + 1);
    }

    @Test
    void afterShipDeliveriesAreOneDeliveryPerEventId() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body = """
                {"ts":%d,"event":"tracking_update","event_id":"%s","is_tracking_first_tag":false,
                 "msg":{"tracking_number":"%s","slug":"fedex","tag":"InTransit","checkpoints":[]}}
                """;
        String first = body.formatted(1764400000, eventId, number());
        long before = rows("aftership");
        Answer a = post("aftership", first, Map.of("aftership-hmac-sha256", afterShip(first)));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(202);
        assertHandedToParser("aftership", processed(a.body().get("id").asLong()));

        // AfterShip's retry carries the same event_id, whatever else changed
        String retry = body.formatted(1764400060, eventId, number());
        Answer again = post("aftership", retry, Map.of("aftership-hmac-sha256", afterShip(retry)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asString()).isEqualTo("duplicate");
        assertThat(rows("aftership")).isEqualTo(before + 1);
    }

    @Test
    void epcisAndCsvDeliveriesTakeOurSignature() throws Exception {
        String epcis = """
                {"type":"EPCISDocument","schemaVersion":"2.0","epcisBody":{"eventList":[{"type":"ObjectEvent",
                 "action":"OBSERVE","bizStep":"shipping","disposition":"in_transit","epcList":["%s"],
                 "eventTime":"2026-11-20T09:12:00Z","eventTimeZoneOffset":"+09:00"}]}}
                """.formatted(number());
        Answer e = post("epcis", epcis, Map.of("Otodoke-Signature", ours(epcis)));
        assertThat(e.status()).as(String.valueOf(e.body())).isEqualTo(202);
        assertHandedToParser("epcis", processed(e.body().get("id").asLong()));

        String csv = "carrier,trackingNumber,status,occurredAt\nyamato," + number() + ",IN_TRANSIT,2026-11-20T09:12:00+09:00\n";
        Answer c = post("csv", HttpRequest.BodyPublishers.ofString(csv),
                Map.of("Otodoke-Signature", ours(csv), "Content-Type", "text/csv"));
        assertThat(c.status()).as(String.valueOf(c.body())).isEqualTo(202);
        assertHandedToParser("csv", processed(c.body().get("id").asLong()));
    }

    /** The row went through Parsers: without the source's parser in this build it is kept, saying so. */
    void assertHandedToParser(String source, Row row) {
        if (parsers.knows(source)) {
            assertThat(row.outcome()).isIn("ingested", "rejected");
        } else {
            assertThat(row.outcome()).isEqualTo("failed");
            assertThat(row.detail()).startsWith("no parser for source '" + source + "' in this build")
                    .endsWith("the payload is kept");
        }
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeItIsStored() throws Exception {
        byte[] big = new byte[WebhookApi.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        long before = rows("generic");
        assertProblem(post("generic", HttpRequest.BodyPublishers.ofByteArray(big), Map.of("Otodoke-Signature", "t=1,v1=00")),
                413, "body-too-large");
        // without a Content-Length (chunked), counted while read
        assertProblem(post("generic", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                Map.of("Otodoke-Signature", "t=1,v1=00")), 413, "body-too-large");
        assertThat(rows("generic")).isEqualTo(before);
    }

    @Test
    void administratorsSeeWhatBecameOfTheDeliveriesOperatorsDoNot() throws Exception {
        jdbc.sql("""
                insert into webhook_inbox (source, received_at, body, dedupe_key, processed_at, outcome, detail)
                values ('csv', now(), ?, ?, now(), 'rejected', 'line 2: unknown column')
                """).params("x".getBytes(java.nio.charset.StandardCharsets.UTF_8), "summary-" + System.nanoTime()).update();
        String admin = credentials.issueApiKey(new Caller(Role.ADMIN, null, null, null, null, "test"),
                "webhook summary test", Role.ADMIN, null, null).secret();
        var asAdmin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/connectors"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode webhooks = json.readTree(asAdmin.body()).get("webhooks");
        assertThat(webhooks).isNotNull();
        JsonNode csv = StreamSupport.stream(webhooks.spliterator(), false)
                .filter(w -> w.get("source").asString().equals("csv")).findFirst().orElseThrow();
        assertThat(csv.get("rejected").asLong()).isPositive();
        assertThat(csv.get("lastError").asString()).isEqualTo("line 2: unknown column");
        var asOperator = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/connectors"))
                .header("Authorization", "Bearer " + OtodokeTest.API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(asOperator.body()).has("webhooks")).isFalse();
    }

    @Test
    void processedDeliveriesAreForgottenAfterTheRetention() {
        long old = jdbc.sql("""
                insert into webhook_inbox (source, received_at, body, dedupe_key, processed_at, outcome)
                values ('generic', now() - interval '31 days', ?, ?, now() - interval '31 days', 'ingested') returning id
                """).params("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "old-" + System.nanoTime())
                .query(Long.class).single();
        long recent = jdbc.sql("""
                insert into webhook_inbox (source, received_at, body, dedupe_key, processed_at, outcome)
                values ('generic', now() - interval '2 days', ?, ?, now() - interval '2 days', 'ingested') returning id
                """).params("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "recent-" + System.nanoTime())
                .query(Long.class).single();
        drain.drain();
        assertThat(jdbc.sql("select count(*) from webhook_inbox where id = ?").param(old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from webhook_inbox where id = ?").param(recent).query(Long.class).single()).isOne();
    }

    @Test
    void anUnknownSourceIsNotFound() throws Exception {
        assertProblem(post("yamato", "[]", Map.of("Otodoke-Signature", ours("[]"))), 404, "unknown-webhook-source");
        assertThat(jdbc.sql("select count(*) from webhook_inbox where source = 'yamato'").query(Long.class).single()).isZero();
    }

    @Test
    void onlyPostIsAWebhook() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/webhooks/generic")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(401, 405);
    }

}
