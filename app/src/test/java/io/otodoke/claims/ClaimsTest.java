package io.otodoke.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.StatusReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Claims end to end over HTTP on the real database: evidence from tracking and from the own
 * fleet's proof of delivery, automatic approval from a far-away delivery scan, review, eligibility,
 * and one shop never reaching another's claims.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    /** The recipient's door in Chiyoda; 0.009° of latitude is about 1 km. */
    static final double LAT = 35.6812;
    static final double LON = 139.7671;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Tenants tenants;
    @Autowired
    Credentials credentials;
    @Autowired
    Depots depots;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Routes routes;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    Caller operator;
    String opA;
    String opB;
    String device;
    int numbers;

    @BeforeAll
    void shopsWithAFleet() throws Exception {
        Shop a = tenants.create(SYSTEM_ADMIN, "cl-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "cl-b-" + run, "Shop B", false);
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
        operator = new Caller(Role.OPERATOR, a.id(), null, null, null, "test");
        device = "van-" + run;
        vehicles.register(operator, "Van", device);
        depots.create(operator, new Depots.NewDepot("CL" + run, "江東デポ", "東京都江東区", LAT - 0.01, LON + 0.01));
        ok(call("PUT", "/api/v1/claim-rules", "{\"farScanMeters\":200}", opA));
    }

    // ---- helpers ----

    String number() {
        return "CL" + run.replaceAll("[^0-9a-f]", "0") + (++numbers);
    }

    long shipment(String carrier, String number, String createdAt) throws Exception {
        return ok(call("POST", "/api/v1/shipments", """
                {"carrier":"%s","trackingNumber":"%s","order":{"orderNumber":"CL-%s","customerEmail":"c@example.jp"}%s}
                """.formatted(carrier, number, number, createdAt == null ? "" : ",\"createdAt\":\"" + createdAt + "\""),
                opA)).get("id").asLong();
    }

    /** An own-fleet parcel delivered by the driver, whose phone was {@code metersNorth} north of the door. */
    long deliveredByTheFleet(double metersNorth) throws Exception {
        String n = number();
        long id = shipment("own_fleet", n, null);
        Route route = routes.create(operator, new Routes.NewRoute("R" + n, routes.today(), "CL" + run, device, null,
                List.of(new Routes.NewStop("東京都千代田区丸の内1-1", LAT, LON, null, null, List.of(n), null))));
        routes.start(operator, route.id());
        routes.delivered(operator, route.stops().getFirst().id(), StatusReason.SAFE_PLACE, "玄関前",
                LAT + metersNorth / 111_195.0, LON, null);
        return id;
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

    HttpResponse<String> claim(long shipment, String kind, String secret) throws Exception {
        return call("POST", "/api/v1/shipments/" + shipment + "/claims",
                "{\"kind\":\"" + kind + "\",\"description\":\"届いていません\"}", secret);
    }

    static String problemType(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return r.body().replaceAll("(?s).*\"type\"\\s*:\\s*\"urn:otodoke:problem:([^\"]+)\".*", "$1");
    }

    // ---- the rules ----

    @Test
    void aNotReceivedClaimIsApprovedAtOnceFromADeliveryScanFarFromTheAddress() throws Exception {
        long id = deliveredByTheFleet(1000);
        HttpResponse<String> r = claim(id, "NOT_RECEIVED", opA);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = json.readTree(r.body());
        assertThat(c.get("state").asString()).isEqualTo("APPROVED");
        assertThat(c.get("outcome").asString()).isEqualTo("RESHIP");
        assertThat(c.get("decidedBy").asString()).isEqualTo("rule");
        assertThat(c.get("decisionRule").asString()).isEqualTo("delivery scan 1000 m from the address > 200 m");
        JsonNode evidence = c.get("evidence");
        assertThat(evidence.get("scanDistanceMeters").asLong()).isEqualTo(1000);
        assertThat(evidence.get("deliveryPlace").asString()).isEqualTo("SAFE_PLACE");
        assertThat(evidence.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(evidence.has("deliveredAt")).isTrue();
        assertThat(evidence.get("lastEvents").toString()).contains("OUT_FOR_DELIVERY", "DELIVERED", "配達完了（置き配：玄関前）");
        // the rule's RESHIP sends the replacement at once: no carrier number was given, so an own-fleet label
        assertThat(c.get("replacementCarrier").asString()).isEqualTo("own_fleet");
        assertThat(c.get("replacementTrackingNumber").asString()).matches("RS\\d{10}");
    }

    /** A Yamato number with a valid check digit (the first 11 digits mod 7). */
    static String yamato(long seed) {
        String body = String.format("%011d", 30_000_000_000L + Math.abs(seed) % 9_999_999_999L);
        return body + (Long.parseLong(body) % 7);
    }

    @Test
    void aReshipSendsAReplacementParcelForTheSameOrderWithTheShopsCarrierNumber() throws Exception {
        long id = deliveredByTheFleet(40);
        long claim = ok(claim(id, "NOT_RECEIVED", opA)).get("id").asLong();
        String good = yamato(UUID.randomUUID().getMostSignificantBits());
        String typo = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);

        HttpResponse<String> refundWithNumber = call("POST", "/api/v1/claims/" + claim + "/approve",
                "{\"outcome\":\"REFUND\",\"carrier\":\"yamato\",\"trackingNumber\":\"" + good + "\"}", opA);
        assertThat(refundWithNumber.statusCode()).isEqualTo(400);
        assertThat(problemType(refundWithNumber)).isEqualTo("invalid-trackingnumber");
        HttpResponse<String> bad = call("POST", "/api/v1/claims/" + claim + "/approve",
                "{\"outcome\":\"RESHIP\",\"carrier\":\"yamato\",\"trackingNumber\":\"" + typo + "\"}", opA);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problemType(bad)).isEqualTo("invalid-trackingnumber");
        assertThat(problemType(call("POST", "/api/v1/claims/" + claim + "/approve",
                "{\"outcome\":\"RESHIP\",\"carrier\":\"nowhere\",\"trackingNumber\":\"1\"}", opA)))
                .isEqualTo("invalid-carrier");
        assertThat(ok(call("GET", "/api/v1/claims/" + claim, null, opA)).get("state").asString())
                .as("a refused number decides nothing").isEqualTo("UNDER_REVIEW");

        JsonNode approved = ok(call("POST", "/api/v1/claims/" + claim + "/approve",
                "{\"outcome\":\"RESHIP\",\"carrier\":\"yamato\",\"trackingNumber\":\"" + good + "\"}", opA));
        assertThat(approved.get("outcome").asString()).isEqualTo("RESHIP");
        assertThat(approved.get("replacementCarrier").asString()).isEqualTo("yamato");
        assertThat(approved.get("replacementTrackingNumber").asString()).isEqualTo(good);
        long replacement = approved.get("replacementShipmentId").asLong();

        JsonNode original = ok(call("GET", "/api/v1/shipments/" + id, null, opA));
        JsonNode sent = ok(call("GET", "/api/v1/shipments/" + replacement, null, opA));
        assertThat(sent.get("orderId").asLong()).as("the same order").isEqualTo(original.get("orderId").asLong());
        assertThat(sent.get("leg").asString()).isEqualTo("OUTBOUND");
        assertThat(sent.get("status").asString()).isEqualTo("LABEL_CREATED");
        assertThat(sent.get("timeline").toString()).contains("再送：お申し出 #" + claim, "otodoke.reship");
        assertThat(original.get("timeline").toString()).contains("代わりのお荷物を再送します（追跡番号 " + good + "）");
        assertThat(original.get("status").asString()).as("a note moves nothing").isEqualTo("DELIVERED");
        assertThat(call("GET", "/api/v1/shipments/" + replacement, null, opB).statusCode()).isEqualTo(404);

        long second = ok(claim(deliveredByTheFleet(50), "DAMAGED", opA)).get("id").asLong();
        HttpResponse<String> inUse = call("POST", "/api/v1/claims/" + second + "/approve",
                "{\"outcome\":\"RESHIP\",\"carrier\":\"yamato\",\"trackingNumber\":\"" + good + "\"}", opA);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(problemType(inUse)).isEqualTo("number-in-use");
    }

    @Test
    void theCustomerIsToldOfTheDecision() throws Exception {
        long id = deliveredByTheFleet(500);
        ok(call("POST", "/api/v1/subscriptions", "{\"shipmentId\":" + id + ",\"address\":\"claimant-" + run
                + "@example.jp\"}", opA));
        long claim = ok(claim(id, "NOT_RECEIVED", opA)).get("id").asLong();
        Instant end = Instant.now().plusSeconds(20);
        String facts = null;
        while (facts == null && Instant.now().isBefore(end)) {
            facts = jdbc.query("select facts::text from notify_notifications where shipment_id = ? and milestone = 'CLAIM_DECIDED'",
                    rs -> rs.next() ? rs.getString(1) : null, id);
            Thread.sleep(100);
        }
        assertThat(facts).as("claim " + claim).contains("\"claimState\": \"APPROVED\"", "\"claimOutcome\": \"RESHIP\"",
                "\"replacementCarrier\": \"own_fleet\"", "\"replacementTrackingNumber\": \"RS");
    }

    @Test
    void aScanAtTheDoorLeavesTheClaimToAPersonWhoDecidesTheOutcome() throws Exception {
        long id = deliveredByTheFleet(40);
        JsonNode c = ok(claim(id, "NOT_RECEIVED", opA));
        assertThat(c.get("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(c.get("evidence").get("scanDistanceMeters").asLong()).isEqualTo(40);
        long claim = c.get("id").asLong();
        HttpResponse<String> noOutcome = call("POST", "/api/v1/claims/" + claim + "/approve", "{}", opA);
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(problemType(noOutcome)).isEqualTo("invalid-outcome");
        JsonNode approved = ok(call("POST", "/api/v1/claims/" + claim + "/approve",
                "{\"outcome\":\"REFUND\",\"note\":\"置き配の写真に荷物が写っていません\"}", opA));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("outcome").asString()).isEqualTo("REFUND");
        assertThat(approved.get("decidedBy").asString()).contains("api-key");
        HttpResponse<String> again = call("POST", "/api/v1/claims/" + claim + "/reject", "{\"note\":\"x\"}", opA);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo("claim-decided");
        assertThat(problemType(claim(id, "NOT_RECEIVED", opA))).as("one open claim of a kind").isEqualTo("claim-exists");
    }

    @Test
    void aClaimMustFitTheParcelsState() throws Exception {
        long fresh = shipment("yamato", "3" + String.format("%011d", Math.abs(run.hashCode() % 1_000_000) * 10L + 1), null);
        for (String kind : List.of("NOT_RECEIVED", "DAMAGED", "LOST")) {
            HttpResponse<String> r = claim(fresh, kind, opA);
            assertThat(r.statusCode()).as(kind + " " + r.body()).isEqualTo(422);
            assertThat(problemType(r)).isEqualTo("claim-not-eligible");
        }
        assertThat(problemType(call("POST", "/api/v1/shipments/" + fresh + "/claims", "{}", opA))).isEqualTo("invalid-kind");
        assertThat(problemType(call("POST", "/api/v1/shipments/" + fresh + "/claims", "{\"kind\":\"STOLEN\"}", opA)))
                .isEqualTo("malformed-json");

        // ten days without news: a lost claim may be made, and a person reviews it
        String old = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        long quiet = shipment("yamato", "3" + String.format("%011d", Math.abs(run.hashCode() % 1_000_000) * 10L + 2), old);
        JsonNode lost = ok(claim(quiet, "LOST", opA));
        assertThat(lost.get("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(lost.get("evidence").get("daysWithoutNews").asLong()).isEqualTo(10);
        assertThat(problemType(call("POST", "/api/v1/claims/" + lost.get("id").asLong() + "/reject", "{}", opA)))
                .isEqualTo("invalid-note");
        assertThat(ok(call("POST", "/api/v1/claims/" + lost.get("id").asLong() + "/reject",
                "{\"note\":\"配送業者が所在を確認しました\"}", opA)).get("state").asString()).isEqualTo("REJECTED");
        assertThat(claim(quiet, "LOST", opA).statusCode()).as("after a rejection a new claim may be made").isEqualTo(201);
    }

    @Test
    void theShopsRulesAreItsOwnAndChecked() throws Exception {
        assertThat(ok(call("GET", "/api/v1/claim-rules", null, opA)).get("farScanMeters").asInt()).isEqualTo(200);
        assertThat(ok(call("GET", "/api/v1/claim-rules", null, opB)).has("farScanMeters")).isFalse();
        HttpResponse<String> bad = call("PUT", "/api/v1/claim-rules", "{\"farScanMeters\":0}", opB);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problemType(bad)).isEqualTo("invalid-farscanmeters");
        assertThat(problemType(call("PUT", "/api/v1/claim-rules", "{\"lostAfterDays\":365}", opB)))
                .isEqualTo("invalid-lostafterdays");
    }

    @Test
    void anotherShopNeverReachesTheClaim() throws Exception {
        long id = deliveredByTheFleet(30);
        long claim = ok(claim(id, "DAMAGED", opA)).get("id").asLong();
        assertThat(call("GET", "/api/v1/claims/" + claim, null, opB).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/claims/" + claim + "/approve", "{\"outcome\":\"REFUND\"}", opB).statusCode())
                .isEqualTo(404);
        assertThat(claim(id, "LOST", opB).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/claims", null, opB).body()).doesNotContain("\"shipmentId\":" + id + ",");
        assertThat(call("GET", "/api/v1/claims", null, opA).body()).contains("\"shipmentId\":" + id + ",");
        assertThat(ok(call("GET", "/api/v1/claims/" + claim, null, opA)).get("state").asString()).isEqualTo("UNDER_REVIEW");
    }
}
