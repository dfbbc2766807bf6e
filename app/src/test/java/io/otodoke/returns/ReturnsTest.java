package io.otodoke.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.TrackingIngest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Returns end to end over HTTP on the real database: authorisation, the return leg as a shipment
 * of its own, refunds by the shop's policy when the leg's carrier events arrive, photos without
 * metadata, expiring labels, and one shop never reaching another's returns.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Tenants tenants;
    @Autowired
    Credentials credentials;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReturnStore store;
    @Autowired
    TrackingIngest ingest;
    @Autowired
    TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String opA;
    String opB;
    String opC;
    int orders;

    @BeforeAll
    void shops() {
        Shop a = tenants.create(SYSTEM_ADMIN, "rt-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "rt-b-" + run, "Shop B", false);
        Shop c = tenants.create(SYSTEM_ADMIN, "rt-c-" + run, "Shop C", false);
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
        opC = credentials.issueApiKey(SYSTEM_ADMIN, "op c", Role.OPERATOR, c.id(), null).secret();
    }

    // ---- helpers ----

    /** A Yamato number with a valid check digit (the first 11 digits mod 7). */
    static String yamato(long seed) {
        String body = String.format("%011d", 30_000_000_000L + Math.abs(seed) % 9_999_999_999L);
        return body + (Long.parseLong(body) % 7);
    }

    /** An order of two lines, its outbound parcel delivered; {orderId, outbound shipment id}. */
    long[] deliveredOrder(String key) throws Exception {
        String number = yamato(UUID.randomUUID().getMostSignificantBits());
        JsonNode s = ok(call("POST", "/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"RT-%s-%d","customerEmail":"buyer@example.jp",
                 "items":[{"name":"緑茶 100g","quantity":2,"unitPriceYen":980},{"name":"急須","quantity":1,"unitPriceYen":3300}],
                 "totalYen":5260}}""".formatted(number, run, ++orders), key));
        event("yamato", number, "DELIVERED", key);
        return new long[] {s.get("orderId").asLong(), s.get("id").asLong()};
    }

    void event(String carrier, String number, String status, String key) throws Exception {
        JsonNode r = ok(call("POST", "/api/v1/events", """
                [{"carrier":"%s","trackingNumber":"%s","source":"%s","status":"%s","occurredAt":"%s"}]
                """.formatted(carrier, number, carrier.equals("own_fleet") ? "fleet" : carrier, status,
                Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS)), key));
        assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(1);
    }

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return json.readTree(r.body());
    }

    HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ask(long orderId, String items, String key) throws Exception {
        return ok(call("POST", "/api/v1/orders/" + orderId + "/returns",
                "{\"reason\":\"DAMAGED\",\"comment\":\"箱がつぶれていました\",\"items\":" + items + "}", key));
    }

    JsonNode await(long returnId, String key, Predicate<JsonNode> until) throws Exception {
        Instant end = Instant.now().plusSeconds(20);
        JsonNode r;
        do {
            r = ok(call("GET", "/api/v1/returns/" + returnId, null, key));
            if (until.test(r)) {
                return r;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(end));
        return r;
    }

    static String problemType(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return r.body().replaceAll("(?s).*\"type\"\\s*:\\s*\"urn:otodoke:problem:([^\"]+)\".*", "$1");
    }

    // ---- the rules ----

    @Test
    void aReturnsRefundIsIssuedWhenTheReturnLegsCarrierEventArrives() throws Exception {
        long[] o = deliveredOrder(opA);
        JsonNode asked = ask(o[0], "[{\"name\":\"緑茶 100g\",\"quantity\":1}]", opA);
        assertThat(asked.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(asked.get("refundYen").asLong()).isEqualTo(980);
        assertThat(asked.get("refundState").asString()).isEqualTo("NOT_DUE");
        long id = asked.get("id").asLong();

        JsonNode approved = ok(call("POST", "/api/v1/returns/" + id + "/approve", "{\"note\":\"お送りください\"}", opA));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("refundTrigger").asString()).as("the default policy").isEqualTo("ON_ARRIVAL");
        assertThat(approved.get("refundState").asString()).isEqualTo("PENDING");

        String number = yamato(id * 7919 + 17);
        JsonNode withLeg = ok(call("POST", "/api/v1/returns/" + id + "/shipment",
                "{\"carrier\":\"yamato\",\"trackingNumber\":\"" + number + "\"}", opA));
        long leg = withLeg.get("shipmentId").asLong();
        assertThat(leg).isNotEqualTo(o[1]);
        JsonNode legShipment = ok(call("GET", "/api/v1/shipments/" + leg, null, opA));
        assertThat(legShipment.get("leg").asString()).isEqualTo("RETURN");
        assertThat(legShipment.get("orderId").asLong()).isEqualTo(o[0]);

        event("yamato", number, "PICKED_UP", opA);
        JsonNode moving = await(id, opA, r -> r.get("state").asString().equals("ON_ITS_WAY"));
        assertThat(moving.get("state").asString()).isEqualTo("ON_ITS_WAY");
        assertThat(moving.get("refundState").asString()).as("ON_ARRIVAL: not at pickup").isEqualTo("PENDING");

        event("yamato", number, "DELIVERED", opA);
        JsonNode received = await(id, opA, r -> r.get("refundState").asString().equals("ISSUED"));
        assertThat(received.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(received.get("refundState").asString()).isEqualTo("ISSUED");
        assertThat(received.has("refundIssuedAt")).isTrue();
        assertThat(ok(call("GET", "/api/v1/shipments/" + o[1], null, opA)).get("status").asString())
                .as("the outbound leg is never mixed with the return").isEqualTo("DELIVERED");
    }

    @Test
    void atPickupTheOwnFleetsLabelTriggersTheRefundAndTheSubscriberIsTold() throws Exception {
        ok(call("PUT", "/api/v1/return-policy", "{\"refundTrigger\":\"AT_PICKUP\"}", opC));
        assertThat(ok(call("GET", "/api/v1/return-policy", null, opC)).get("refundTrigger").asString()).isEqualTo("AT_PICKUP");
        long[] o = deliveredOrder(opC);
        ok(call("POST", "/api/v1/subscriptions", "{\"orderId\":" + o[0] + ",\"address\":\"buyer-" + run
                + "@example.jp\"}", opC));
        long id = ask(o[0], "[{\"name\":\"急須\"}]", opC).get("id").asLong();

        Instant before = Instant.now();
        JsonNode approved = ok(call("POST", "/api/v1/returns/" + id + "/approve", "{\"label\":true}", opC));
        assertThat(approved.get("returnCarrier").asString()).isEqualTo("own_fleet");
        String label = approved.get("returnTrackingNumber").asString();
        assertThat(label).matches("RT\\d{10}");
        Instant expires = Instant.parse(approved.get("labelExpiresAt").asString());
        assertThat(expires).isBetween(before.plus(Duration.ofDays(14)).minusSeconds(5), Instant.now().plus(Duration.ofDays(14)));

        event("own_fleet", label, "PICKED_UP", opC);
        JsonNode refunded = await(id, opC, r -> r.get("refundState").asString().equals("ISSUED"));
        assertThat(refunded.get("refundState").asString()).isEqualTo("ISSUED");
        assertThat(refunded.get("state").asString()).isEqualTo("ON_ITS_WAY");
        long leg = refunded.get("shipmentId").asLong();
        Instant end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end) && jdbc.queryForObject(
                "select count(*) from notify_notifications where shipment_id = ? and milestone = 'REFUND_ISSUED'",
                Integer.class, leg) == 0) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select facts->>'refundYen' from notify_notifications where shipment_id = ? and "
                + "milestone = 'REFUND_ISSUED'", String.class, leg)).isEqualTo("3300");

        event("own_fleet", label, "DELIVERED", opC);
        await(id, opC, r -> r.get("state").asString().equals("RECEIVED"));
        end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end) && jdbc.queryForObject(
                "select count(*) from notify_notifications where shipment_id = ? and milestone = 'RETURN_RECEIVED'",
                Integer.class, leg) == 0) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select count(*) from notify_notifications where shipment_id = ? and milestone in "
                + "('RETURN_RECEIVED', 'REFUND_ISSUED')", Integer.class, leg)).as("refund told once, arrival once").isEqualTo(2);
    }

    @Test
    void badRequestsAreClearProblems() throws Exception {
        long[] o = deliveredOrder(opA);
        record Case(String method, String path, String body, int status, String type) {
        }
        String base = "/api/v1/orders/" + o[0] + "/returns";
        for (Case c : new Case[] {
                new Case("POST", base, "{\"items\":[{\"name\":\"急須\"}]}", 400, "invalid-reason"),
                new Case("POST", base, "{\"reason\":\"DAMAGED\",\"items\":[]}", 400, "invalid-items"),
                new Case("POST", base, "{\"reason\":\"DAMAGED\",\"items\":[{\"name\":\"湯呑み\"}]}", 400, "invalid-items[0].name"),
                new Case("POST", base, "{\"reason\":\"DAMAGED\",\"items\":[{\"name\":\"緑茶 100g\",\"quantity\":3}]}", 400,
                        "invalid-items[0].quantity"),
                new Case("POST", base, "{\"reason\":\"BORED\",\"items\":[{\"name\":\"急須\"}]}", 400, "malformed-json"),
                new Case("POST", "/api/v1/orders/99999999/returns", "{\"reason\":\"DAMAGED\",\"items\":[{\"name\":\"急須\"}]}",
                        404, "not-found"),
                new Case("PUT", "/api/v1/return-policy", "{\"refundTrigger\":\"SOMETIME\"}", 400, "malformed-json"),
                new Case("PUT", "/api/v1/return-policy", "{}", 400, "invalid-refundtrigger")}) {
            HttpResponse<String> r = call(c.method(), c.path(), c.body(), opA);
            assertThat(r.statusCode()).as(c.body() + " → " + r.body()).isEqualTo(c.status());
            assertThat(problemType(r)).as(c.body()).isEqualTo(c.type());
        }

        long first = ask(o[0], "[{\"name\":\"緑茶 100g\",\"quantity\":2}]", opA).get("id").asLong();
        HttpResponse<String> more = call("POST", base, "{\"reason\":\"DAMAGED\",\"items\":[{\"name\":\"緑茶 100g\"}]}", opA);
        assertThat(problemType(more)).as("both were asked for already").isEqualTo("invalid-items[0].quantity");
        assertThat(problemType(call("POST", "/api/v1/returns/" + first + "/reject", "{}", opA))).isEqualTo("invalid-note");
        assertThat(ok(call("POST", "/api/v1/returns/" + first + "/reject", "{\"note\":\"開封済みのため\"}", opA))
                .get("state").asString()).isEqualTo("REJECTED");
        HttpResponse<String> again = call("POST", "/api/v1/returns/" + first + "/approve", "{}", opA);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo("return-decided");
        assertThat(problemType(call("POST", "/api/v1/returns/" + first + "/shipment",
                "{\"carrier\":\"yamato\",\"trackingNumber\":\"" + yamato(1) + "\"}", opA))).isEqualTo("no-number-expected");
        // rejected items may be asked for again
        long second = ask(o[0], "[{\"name\":\"緑茶 100g\",\"quantity\":2}]", opA).get("id").asLong();
        ok(call("POST", "/api/v1/returns/" + second + "/approve", null, opA));
        String good = yamato(second * 31 + 5);
        String badDigit = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        for (String[] c : new String[][] {{"yamato", badDigit, "invalid-trackingnumber"},
                {"own_fleet", "RT0000000001", "invalid-carrier"}, {"nobody", good, "invalid-carrier"},
                {"yamato", "", "invalid-trackingnumber"}}) {
            HttpResponse<String> r = call("POST", "/api/v1/returns/" + second + "/shipment",
                    "{\"carrier\":\"" + c[0] + "\",\"trackingNumber\":\"" + c[1] + "\"}", opA);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(problemType(r)).isEqualTo(c[2]);
        }
    }

    @Test
    void anotherShopNeverReachesTheReturn() throws Exception {
        long[] o = deliveredOrder(opA);
        long id = ask(o[0], "[{\"name\":\"急須\"}]", opA).get("id").asLong();
        for (String[] c : new String[][] {{"GET", "/api/v1/returns/" + id, null},
                {"GET", "/api/v1/orders/" + o[0] + "/returns", null},
                {"POST", "/api/v1/returns/" + id + "/approve", "{\"label\":true}"},
                {"POST", "/api/v1/returns/" + id + "/reject", "{\"note\":\"x\"}"},
                {"GET", "/api/v1/returns/" + id + "/photos/1", null},
                {"POST", "/api/v1/orders/" + o[0] + "/returns", "{\"reason\":\"DAMAGED\",\"items\":[{\"name\":\"急須\"}]}"}}) {
            HttpResponse<String> r = call(c[0], c[1], c[2], opB);
            assertThat(r.statusCode()).as(c[0] + " " + c[1]).isEqualTo(404);
        }
        assertThat(call("GET", "/api/v1/returns", null, opB).body()).doesNotContain("\"orderId\":" + o[0] + ",");
        assertThat(ok(call("GET", "/api/v1/returns/" + id, null, opA)).get("state").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void photosAreStoredWithoutTheirMetadata() throws Exception {
        long[] o = deliveredOrder(opA);
        long id = ask(o[0], "[{\"name\":\"急須\"}]", opA).get("id").asLong();
        byte[] upload = withExif(jpeg());
        assertThat(contains(upload, "Exif")).isTrue();
        String boundary = "b" + run;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(upload);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/returns/"
                        + id + "/photos")).header("Authorization", "Bearer " + opA)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long photo = json.readTree(r.body()).get("photoIds").get(0).asLong();
        HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/returns/" + id + "/photos/" + photo)).header("Authorization", "Bearer " + opA).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored.body()))).isNotNull();
        assertThat(contains(stored.body(), "Exif")).isFalse();
        assertThat(call("GET", "/api/v1/returns/" + id + "/photos/" + photo, null, opB).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnusedLabelExpiresAfterItsValidityAndAUsedOneDoesNot() throws Exception {
        long[] o = deliveredOrder(opA);
        long unused = ask(o[0], "[{\"name\":\"急須\"}]", opA).get("id").asLong();
        long used = ask(o[0], "[{\"name\":\"緑茶 100g\"}]", opA).get("id").asLong();
        JsonNode u = ok(call("POST", "/api/v1/returns/" + unused + "/approve", "{\"label\":true}", opA));
        JsonNode v = ok(call("POST", "/api/v1/returns/" + used + "/approve", "{\"label\":true}", opA));
        event("own_fleet", v.get("returnTrackingNumber").asString(), "PICKED_UP", opA);
        await(used, opA, r -> r.get("state").asString().equals("ON_ITS_WAY"));
        // Both labels' validity ended an hour ago (a label is not valid for 14 days within a test), so
        // the fixed clocks below stay in the past, where the cancellation's time is accepted.
        jdbc.update("update returns set label_expires_at = now() - interval '1 hour' where id in (?, ?)", unused, used);
        Instant expires = jdbc.queryForObject("select label_expires_at from returns where id = ?",
                java.time.OffsetDateTime.class, unused).toInstant();

        ReturnLabelExpiry dayBefore = new ReturnLabelExpiry(store, ingest, transactions,
                Clock.fixed(expires.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        dayBefore.expire();
        assertThat(state(unused)).isEqualTo("APPROVED");

        ReturnLabelExpiry after = new ReturnLabelExpiry(store, ingest, transactions,
                Clock.fixed(expires.plusSeconds(1), ZoneOffset.UTC));
        assertThat(after.expire()).isGreaterThanOrEqualTo(1);
        assertThat(state(unused)).isEqualTo("LABEL_EXPIRED");
        assertThat(state(used)).isEqualTo("ON_ITS_WAY");
        long oldLeg = u.get("shipmentId").asLong();
        assertThat(ok(call("GET", "/api/v1/shipments/" + oldLeg, null, opA)).get("status").asString())
                .as("the void label cannot be picked up").isEqualTo("CANCELLED");
        assertThat(after.expire()).as("expiring again changes nothing").isZero();

        JsonNode renewed = ok(call("POST", "/api/v1/returns/" + unused + "/approve", "{\"label\":true}", opA));
        assertThat(renewed.get("state").asString()).isEqualTo("APPROVED");
        assertThat(renewed.get("shipmentId").asLong()).isNotEqualTo(oldLeg);
        assertThat(renewed.get("returnTrackingNumber").asString()).isNotEqualTo(u.get("returnTrackingNumber").asString());
    }

    String state(long id) {
        return jdbc.queryForObject("select state from returns where id = ?", String.class, id);
    }

    static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 Exif segment after SOI (a TIFF header and an empty IFD, enough to be read as Exif). */
    static byte[] withExif(byte[] jpeg) {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }
}
