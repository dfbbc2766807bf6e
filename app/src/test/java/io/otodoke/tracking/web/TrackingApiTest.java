package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The REST API end to end: real HTTP, real PostgreSQL. */
@OtodokeTest
class TrackingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer call(String method, String path, String body, boolean authenticated) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (authenticated) {
            builder.header("Authorization", "Bearer " + OtodokeTest.API_KEY);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = r.body().isEmpty() ? null : json.readTree(r.body());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), node);
    }

    Answer post(String path, String body) throws Exception {
        return call("POST", path, body, true);
    }

    Answer get(String path) throws Exception {
        return call("GET", path, null, true);
    }

    @Test
    void registersAShipmentOnceAndShowsItsTimelinePublicly() throws Exception {
        String shipment = """
                {"carrier":"yamato","trackingNumber":"４９１２－３４５６－７８９０",
                 "order":{"orderNumber":"A-1001","customerEmail":"taro@example.jp","customerName":"山田 太郎",
                          "items":[{"name":"緑茶 100g","quantity":2,"unitPriceYen":980}],"totalYen":1960},
                 "recipient":{"name":"山田 太郎","postalCode":"100-0001","prefecture":"東京都","city":"千代田区",
                              "addressLine":"千代田1-1","phone":"03-0000-0000"}}
                """;
        Answer first = post("/api/v1/shipments", shipment);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        assertThat(first.body().get("trackingNumber").asString()).isEqualTo("491234567890");
        long id = first.body().get("id").asLong();

        Answer again = post("/api/v1/shipments", shipment);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(id);

        Answer events = post("/api/v1/events", """
                [{"carrier":"yamato","trackingNumber":"4912-3456-7890","source":"yamato","status":"PICKED_UP",
                  "rawText":"荷物受付","occurredLocal":"2026-11-20T09:12","zone":"Asia/Tokyo",
                  "location":{"name":"東京中央支店"},"sourceSequence":0},
                 {"shipmentId":%d,"source":"yamato","status":"IN_TRANSIT","rawText":"輸送中",
                  "occurredAt":"2026-11-20T18:40:00+09:00","sourceSequence":1}]
                """.formatted(id));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body().get("accepted").asInt()).isEqualTo(2);

        Answer lookup = call("GET", "/api/v1/track?numbers=491234567890,000000000000", null, false);
        assertThat(lookup.status()).isEqualTo(200);
        JsonNode result = lookup.body().get("results").get(0);
        assertThat(result.get("shipments").get(0).get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(result.get("shipments").get(0).get("timeline")).hasSize(2);
        assertThat(lookup.body().get("results").get(1).get("shipments")).isEmpty();
        String text = lookup.body().toString();
        assertThat(text).doesNotContain("山田", "千代田", "03-0000-0000", "緑茶", "taro@example.jp");

        Answer order = get("/api/v1/orders/" + first.body().get("orderId").asLong());
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.body().get("shipments").get(0).get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(order.body().get("items").get(0).get("name").asString()).isEqualTo("緑茶 100g");
    }

    @Test
    void ingestingTheSameEventTwiceChangesNothing() throws Exception {
        post("/api/v1/shipments", "{\"carrier\":\"sagawa\",\"trackingNumber\":\"360000000012\"}");
        String event = """
                [{"carrier":"sagawa","trackingNumber":"360000000012","source":"sagawa","status":"OUT_FOR_DELIVERY",
                  "rawText":"配達中","occurredAt":"2026-11-21T08:30:00+09:00"}]""";
        assertThat(post("/api/v1/events", event).body().get("accepted").asInt()).isEqualTo(1);
        Answer second = post("/api/v1/events", event);
        assertThat(second.body().get("accepted").asInt()).isZero();
        assertThat(second.body().get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void badItemsAreReportedWhileGoodItemsAreKept() throws Exception {
        post("/api/v1/shipments", "{\"carrier\":\"japanpost\",\"trackingNumber\":\"123456789012\"}");
        Answer r = post("/api/v1/events", """
                [{"carrier":"japanpost","trackingNumber":"123456789012","status":"PICKED_UP","rawText":"引受",
                  "occurredAt":"2026-11-21T10:00:00+09:00"},
                 {"carrier":"japanpost","trackingNumber":"123456789012","status":"TELEPORTED","occurredAt":"2026-11-21T10:00:00+09:00"},
                 {"carrier":"japanpost","trackingNumber":"123456789012","status":"IN_TRANSIT","occurredAt":"2999-01-01T00:00:00+09:00"},
                 {"carrier":"japanpost","trackingNumber":"123456789012","status":"IN_TRANSIT","occurredAt":"yesterday"},
                 {"carrier":"japanpost","trackingNumber":"999999999999","status":"IN_TRANSIT","occurredAt":"2026-11-21T10:00:00+09:00"}]
                """);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(1);
        List<String> codes = r.body().get("errors").valueStream().map(e -> e.get("code").asString()).toList();
        assertThat(codes).containsExactly("unknown-status", "future-timestamp", "invalid-timestamp", "unknown-shipment");
        assertThat(r.body().get("errors").get(0).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void malformedInputGetsProblemResponsesNeverA500() throws Exception {
        Answer malformed = post("/api/v1/events", "[{\"status\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().get("type").asString()).isEqualTo("urn:otodoke:problem:malformed-json");

        Answer noneValid = post("/api/v1/events", "[{\"status\":\"NOPE\"}]");
        assertThat(noneValid.status()).isEqualTo(422);
        assertThat(noneValid.body().get("errors")).hasSize(1);

        String tooMany = "?numbers=" + String.join(",", java.util.Collections.nCopies(10_000, "123456789012"));
        Answer lookup = call("GET", "/api/v1/track" + tooMany, null, false);
        assertThat(lookup.status()).isEqualTo(400);
        assertThat(lookup.body().get("type").asString()).isEqualTo("urn:otodoke:problem:too-many-numbers");

        Answer unknownCarrier = post("/api/v1/shipments", "{\"carrier\":\"pigeon\",\"trackingNumber\":\"1\"}");
        assertThat(unknownCarrier.status()).isEqualTo(422);
        assertThat(unknownCarrier.body().get("type").asString()).isEqualTo("urn:otodoke:problem:unknown-carrier");

        assertThat(get("/api/v1/shipments/987654321").status()).isEqualTo(404);
        Answer unknownPath = get("/api/v1/no-such-thing");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith("application/problem+json");
        Answer wrongMethod = call("PUT", "/api/v1/events", "[]", true);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/v1/events", "[]", false).status()).isEqualTo(401);
    }

    @Test
    void aHundredMegabyteBodyIsRefusedWithoutBeingRead() throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + OtodokeTest.API_KEY + "\r\nContent-Length: " + (100L * 1024 * 1024)
                    + "\r\n\r\n[").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String response = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/problem+json", "urn:otodoke:problem:body-too-large");
        }
    }

    @Test
    void openApiAndHealthAreServed() throws Exception {
        Answer docs = call("GET", "/v3/api-docs", null, false);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/events")).isTrue();
        Answer health = call("GET", "/actuator/health", null, false);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theSameNumberLookedUpTooOftenGets429WithRetryAfter() throws Exception {
        String number = "RATE" + System.nanoTime();
        int status = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 61 && status != 429; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/track?numbers=" + number))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = last.statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(last.body()).get("type").asString()).isEqualTo("urn:otodoke:problem:rate-limited");
    }
}
