package io.otodoke.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Multi-channel orders over HTTP, in MCF's shape: an order made twice is one order, a conflicting
 * repeat is refused, a bad tracking number is refused with its reason, tracking comes back in MCF's
 * codes once the carrier's events arrive, and one shop never reaches another's orders or packages.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfillmentApiTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Tenants tenants;
    @Autowired
    Credentials credentials;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String opA;
    String opB;
    int orders;

    @BeforeAll
    void twoShops() {
        Shop a = tenants.create(SYSTEM_ADMIN, "ff-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "ff-b-" + run, "Shop B", false);
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
    }

    static String order(String id, String comment) {
        return """
                {"sellerFulfillmentOrderId":"%s","displayableOrderId":"WEB-%s","displayableOrderDate":"2026-11-28T10:15:00+09:00",
                 "displayableOrderComment":"%s","shippingSpeedCategory":"Standard",
                 "destinationAddress":{"name":"山田 花子","addressLine1":"丸の内1-1","city":"千代田区","stateOrRegion":"東京都",
                   "postalCode":"100-0005","countryCode":"JP","phone":"03-0000-0000"},
                 "items":[{"sellerSku":"TEA-100","sellerFulfillmentOrderItemId":"1","quantity":2},
                          {"sellerSku":"POT-1","sellerFulfillmentOrderItemId":"2","quantity":1}],
                 "notificationEmails":["hanako@example.jp"]}
                """.formatted(id, id, comment);
    }

    String newOrder() throws Exception {
        String id = "MC-" + run + "-" + (++orders);
        assertThat(call("POST", "/api/v1/fulfillment/orders", order(id, "ご注文ありがとうございます"), opA).statusCode())
                .isEqualTo(201);
        return id;
    }

    static String yamato(long seed) {
        String body = String.format("%011d", 30_000_000_000L + Math.abs(seed) % 9_999_999_999L);
        return body + (Long.parseLong(body) % 7);
    }

    HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return json.readTree(r.body());
    }

    static String problemType(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return r.body().replaceAll("(?s).*\"type\"\\s*:\\s*\"urn:otodoke:problem:([^\"]+)\".*", "$1");
    }

    @Test
    void anOrderMadeTwiceIsOneOrderAndAConflictingRepeatIsRefused() throws Exception {
        String id = "MC-" + run + "-twice";
        HttpResponse<String> first = call("POST", "/api/v1/fulfillment/orders", order(id, "ギフト包装"), opA);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = json.readTree(first.body()).get("payload");
        assertThat(created.get("fulfillmentOrder").get("fulfillmentOrderStatus").asString()).isEqualTo("Received");
        assertThat(created.get("fulfillmentOrderItems")).hasSize(2);
        assertThat(created.get("fulfillmentShipments")).isEmpty();

        HttpResponse<String> again = call("POST", "/api/v1/fulfillment/orders", order(id, "ギフト包装"), opA);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("payload").get("fulfillmentOrder").get("receivedDate"))
                .isEqualTo(created.get("fulfillmentOrder").get("receivedDate"));

        HttpResponse<String> other = call("POST", "/api/v1/fulfillment/orders", order(id, "別の内容"), opA);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(problemType(other)).isEqualTo("fulfillment-order-conflict");

        assertThat(call("POST", "/api/v1/fulfillment/orders", order(id, "別の店"), opB).statusCode())
                .as("the same id in another shop is that shop's own order").isEqualTo(201);
        JsonNode listed = ok(call("GET", "/api/v1/fulfillment/orders?queryStartDate=2026-01-01T00:00:00Z", null, opA));
        assertThat(listed.get("payload").get("fulfillmentOrders").toString()).contains(id).doesNotContain("別の店");
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> noItems = call("POST", "/api/v1/fulfillment/orders",
                order("MC-" + run + "-bad", "x").replaceAll("(?s)\"items\":\\[.*?\\]\\s*,", "\"items\":[],"), opA);
        assertThat(noItems.statusCode()).isEqualTo(400);
        assertThat(problemType(noItems)).isEqualTo("invalid-items");
        HttpResponse<String> speed = call("POST", "/api/v1/fulfillment/orders",
                order("MC-" + run + "-bad2", "x").replace("Standard", "Teleport"), opA);
        assertThat(problemType(speed)).isEqualTo("invalid-shippingspeedcategory");
        HttpResponse<String> date = call("POST", "/api/v1/fulfillment/orders",
                order("MC-" + run + "-bad3", "x").replace("2026-11-28T10:15:00+09:00", "yesterday"), opA);
        assertThat(problemType(date)).isEqualTo("invalid-displayableorderdate");
        assertThat(problemType(call("POST", "/api/v1/fulfillment/orders", "{", opA))).isEqualTo("malformed-json");
        HttpResponse<String> amazonFields = call("POST", "/api/v1/fulfillment/orders", order("MC-" + run + "-amzn", "x")
                .replaceFirst("\\{", "{\"marketplaceId\":\"A1VC38T7YXB528\",\"fulfillmentAction\":\"Ship\","), opA);
        assertThat(amazonFields.statusCode()).as("Amazon-only fields are not read, not refused: " + amazonFields.body())
                .isEqualTo(201);
        assertThat(problemType(call("GET", "/api/v1/fulfillment/orders?queryStartDate=soon", null, opA)))
                .isEqualTo("invalid-querystartdate");
        assertThat(problemType(call("GET", "/api/v1/fulfillment/tracking?packageNumber=abc", null, opA)))
                .isEqualTo("invalid-packagenumber");
    }

    @Test
    void aPackageWithAnInvalidNumberIsRefusedWithItsReason() throws Exception {
        String id = newOrder();
        String good = yamato(UUID.randomUUID().getLeastSignificantBits());
        String badDigit = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 7);
        HttpResponse<String> r = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + badDigit + "\"}", opA);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(problemType(r)).isEqualTo("invalid-tracking-number");
        assertThat(json.readTree(r.body()).get("reason").asString()).contains("check digit");
        HttpResponse<String> shape = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"ABC\"}", opA);
        assertThat(shape.statusCode()).isEqualTo(422);
        assertThat(json.readTree(shape.body()).get("reason").asString()).contains("shape");
        HttpResponse<String> unknown = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"pigeon\",\"trackingNumber\":\"" + good + "\"}", opA);
        assertThat(problemType(unknown)).isEqualTo("unknown-carrier");
        assertThat(call("POST", "/api/v1/fulfillment/orders/nope-" + run + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + good + "\"}", opA).statusCode()).isEqualTo(404);
    }

    @Test
    void trackingComesBackInMcfCodesOnceTheCarriersEventsArrive() throws Exception {
        String id = newOrder();
        String number = yamato(UUID.randomUUID().getMostSignificantBits());
        HttpResponse<String> attached = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + number + "\",\"fulfillmentCenterId\":\"TOKYO-1\"}", opA);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        long pkg = json.readTree(attached.body()).get("payload").get("packageNumber").asLong();
        assertThat(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + number + "\"}", opA).statusCode())
                .as("the same package again").isEqualTo(200);
        String other = newOrder();
        HttpResponse<String> inUse = call("POST", "/api/v1/fulfillment/orders/" + other + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + number + "\"}", opA);
        assertThat(problemType(inUse)).isEqualTo("package-in-use");

        ok(call("POST", "/api/v1/events", """
                [{"carrier":"yamato","trackingNumber":"%1$s","source":"test","status":"PICKED_UP","rawText":"荷物受付",
                  "occurredAt":"2026-11-28T18:00:00+09:00","location":{"name":"羽田クロノゲート","prefecture":"東京都","country":"JP"}},
                 {"carrier":"yamato","trackingNumber":"%1$s","source":"test","status":"DELIVERY_ATTEMPTED","reason":"ABSENT",
                  "rawText":"ご不在のため持ち戻り","occurredAt":"2026-11-29T14:10:00+09:00"},
                 {"carrier":"yamato","trackingNumber":"%1$s","source":"test","status":"DELIVERED","reason":"SAFE_PLACE",
                  "rawText":"配達完了（置き配）","occurredAt":"2026-11-30T19:20:00+09:00","location":{"name":"千代田センター"}}]
                """.formatted(number), opA));

        JsonNode t = ok(call("GET", "/api/v1/fulfillment/tracking?packageNumber=" + pkg, null, opA)).get("payload");
        assertThat(t.get("packageNumber").asLong()).isEqualTo(pkg);
        assertThat(t.get("trackingNumber").asString()).isEqualTo(number);
        assertThat(t.get("carrierCode").asString()).isEqualTo("yamato");
        assertThat(t.get("carrierURL").asString()).contains(number);
        assertThat(t.get("currentStatus").asString()).isEqualTo("DELIVERED");
        assertThat(t.get("additionalLocationInfo").asString()).isEqualTo("FRONT_DOOR");
        assertThat(t.get("shipToAddress").get("city").asString()).isEqualTo("千代田区");
        assertThat(t.get("shipToAddress").get("country").asString()).isEqualTo("JP");
        assertThat(t.get("shipDate").asString()).startsWith("2026-11-28T18:00");
        JsonNode events = t.get("trackingEvents");
        assertThat(events.get(0).get("eventCode").asString()).as("newest first").isEqualTo("EVENT_301");
        assertThat(events.get(0).get("eventDescription").asString()).isEqualTo("配達完了（置き配）");
        assertThat(events.get(0).get("eventDate").asString()).isEqualTo("2026-11-30T19:20:00+09:00");
        assertThat(events.toString()).contains("EVENT_304", "EVENT_102", "羽田クロノゲート", "東京都");

        JsonNode o = ok(call("GET", "/api/v1/fulfillment/orders/" + id, null, opA)).get("payload");
        assertThat(o.get("fulfillmentOrder").get("fulfillmentOrderStatus").asString()).isEqualTo("Complete");
        JsonNode shipment = o.get("fulfillmentShipments").get(0);
        assertThat(shipment.get("fulfillmentShipmentStatus").asString()).isEqualTo("SHIPPED");
        assertThat(shipment.get("fulfillmentCenterId").asString()).isEqualTo("TOKYO-1");
        assertThat(shipment.get("fulfillmentShipmentPackage").get(0).get("trackingNumber").asString()).isEqualTo(number);
    }

    @Test
    void theOwnFleetGetsAGeneratedNumberAndAPendingShipment() throws Exception {
        String id = newOrder();
        JsonNode p = ok(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages", "{\"carrierCode\":\"own_fleet\"}", opA))
                .get("payload");
        assertThat(p.get("trackingNumber").asString()).startsWith("MCF");
        JsonNode o = ok(call("GET", "/api/v1/fulfillment/orders/" + id, null, opA)).get("payload");
        assertThat(o.get("fulfillmentOrder").get("fulfillmentOrderStatus").asString()).isEqualTo("Processing");
        assertThat(o.get("fulfillmentShipments").get(0).get("fulfillmentShipmentStatus").asString()).isEqualTo("PENDING");
    }

    // ---- cancel and update (MCF cancelFulfillmentOrder, updateFulfillmentOrder) ----

    @Test
    void anOrderNotYetShippedIsCancelledWithItsLabelledPackageAndCancellingAgainAnswersTheSame() throws Exception {
        String id = newOrder();
        long pkg = ok(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages", "{\"carrierCode\":\"own_fleet\"}", opA))
                .get("payload").get("packageNumber").asLong();
        JsonNode cancelled = ok(call("PUT", "/api/v1/fulfillment/orders/" + id + "/cancel", null, opA)).get("payload");
        assertThat(cancelled.get("fulfillmentOrder").get("fulfillmentOrderStatus").asString()).isEqualTo("Cancelled");
        assertThat(cancelled.get("fulfillmentOrderItems").get(0).get("cancelledQuantity").asInt()).isEqualTo(2);
        assertThat(cancelled.get("fulfillmentShipments").get(0).get("fulfillmentShipmentStatus").asString())
                .as("the labelled package is called off too").isEqualTo("CANCELLED_BY_SELLER");
        JsonNode tracking = ok(call("GET", "/api/v1/fulfillment/tracking?packageNumber=" + pkg, null, opA)).get("payload");
        assertThat(tracking.get("currentStatusDescription").asString()).isEqualTo("CANCELLED");

        HttpResponse<String> again = call("PUT", "/api/v1/fulfillment/orders/" + id + "/cancel", null, opA);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        HttpResponse<String> update = call("PUT", "/api/v1/fulfillment/orders/" + id,
                "{\"displayableOrderComment\":\"x\"}", opA);
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(problemType(update)).isEqualTo("fulfillment-order-cancelled");
        HttpResponse<String> attach = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"own_fleet\"}", opA);
        assertThat(attach.statusCode()).isEqualTo(409);
        assertThat(problemType(attach)).isEqualTo("fulfillment-order-cancelled");
    }

    @Test
    void anOrderWhosePackageLeftWithTheCarrierCannotBeCancelledOrUpdated() throws Exception {
        String id = newOrder();
        String number = yamato(UUID.randomUUID().getMostSignificantBits());
        ok(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages",
                "{\"carrierCode\":\"yamato\",\"trackingNumber\":\"" + number + "\"}", opA));
        ok(call("POST", "/api/v1/events", """
                [{"carrier":"yamato","trackingNumber":"%s","source":"test","status":"PICKED_UP","rawText":"荷物受付",
                  "occurredAt":"2026-11-28T18:00:00+09:00"}]""".formatted(number), opA));
        HttpResponse<String> cancel = call("PUT", "/api/v1/fulfillment/orders/" + id + "/cancel", null, opA);
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(problemType(cancel)).isEqualTo("fulfillment-order-shipped");
        assertThat(cancel.body()).contains("has left with its carrier");
        HttpResponse<String> update = call("PUT", "/api/v1/fulfillment/orders/" + id,
                "{\"shippingSpeedCategory\":\"Priority\"}", opA);
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(problemType(update)).isEqualTo("fulfillment-order-shipped");
        assertThat(ok(call("GET", "/api/v1/fulfillment/orders/" + id, null, opA)).get("payload").get("fulfillmentOrder")
                .get("fulfillmentOrderStatus").asString()).isEqualTo("Complete");
    }

    @Test
    void anUpdateChangesTheGivenFieldsCheckedAsOnCreationAndKeepsTheRest() throws Exception {
        String id = newOrder();
        JsonNode updated = ok(call("PUT", "/api/v1/fulfillment/orders/" + id, """
                {"displayableOrderComment":"置き配希望","shippingSpeedCategory":"Expedited",
                 "destinationAddress":{"name":"山田 花子","addressLine1":"大手町2-2","city":"千代田区","postalCode":"100-0004",
                   "countryCode":"jp"},"marketplaceId":"A1VC38T7YXB528"}""", opA)).get("payload").get("fulfillmentOrder");
        assertThat(updated.get("displayableOrderComment").asString()).isEqualTo("置き配希望");
        assertThat(updated.get("shippingSpeedCategory").asString()).isEqualTo("Expedited");
        assertThat(updated.get("destinationAddress").get("addressLine1").asString()).isEqualTo("大手町2-2");
        assertThat(updated.get("destinationAddress").get("countryCode").asString()).isEqualTo("JP");
        assertThat(updated.get("displayableOrderId").asString()).as("not given: kept").isEqualTo("WEB-" + id);
        assertThat(updated.get("notificationEmails").get(0).asString()).isEqualTo("hanako@example.jp");

        // the package gets the new address; then the address is fixed, the comment still not
        JsonNode p = ok(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages", "{\"carrierCode\":\"own_fleet\"}", opA))
                .get("payload");
        assertThat(ok(call("GET", "/api/v1/fulfillment/tracking?packageNumber=" + p.get("packageNumber").asLong(), null, opA))
                .get("payload").get("shipToAddress").get("city").asString()).isEqualTo("千代田区");
        HttpResponse<String> moved = call("PUT", "/api/v1/fulfillment/orders/" + id,
                "{\"destinationAddress\":{\"name\":\"別人\",\"addressLine1\":\"x\",\"postalCode\":\"1\",\"countryCode\":\"JP\"}}", opA);
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(problemType(moved)).isEqualTo("package-labelled");
        assertThat(ok(call("PUT", "/api/v1/fulfillment/orders/" + id, "{\"displayableOrderComment\":\"午前中希望\"}", opA))
                .get("payload").get("fulfillmentOrder").get("displayableOrderComment").asString()).isEqualTo("午前中希望");

        HttpResponse<String> speed = call("PUT", "/api/v1/fulfillment/orders/" + id, "{\"shippingSpeedCategory\":\"Teleport\"}", opA);
        assertThat(speed.statusCode()).isEqualTo(400);
        assertThat(problemType(speed)).isEqualTo("invalid-shippingspeedcategory");
        assertThat(problemType(call("PUT", "/api/v1/fulfillment/orders/" + id,
                "{\"items\":[{\"sellerSku\":\"X\",\"sellerFulfillmentOrderItemId\":\"9\",\"quantity\":1}]}", opA)))
                .isEqualTo("invalid-items");
        assertThat(problemType(call("PUT", "/api/v1/fulfillment/orders/" + id, "{", opA))).isEqualTo("malformed-json");
        assertThat(problemType(call("PUT", "/api/v1/fulfillment/orders/" + id, "{\"displayableOrderDate\":\"soon\"}", opA)))
                .isEqualTo("invalid-displayableorderdate");

        HttpResponse<String> repeat = call("POST", "/api/v1/fulfillment/orders", order(id, "ご注文ありがとうございます"), opA);
        assertThat(repeat.statusCode()).as("a repeat of the create, after an update, is still that order")
                .isEqualTo(200);
        assertThat(json.readTree(repeat.body()).get("payload").get("fulfillmentOrder").get("displayableOrderComment")
                .asString()).isEqualTo("午前中希望");
        assertThat(call("GET", "/api/v1/fulfillment/orders/nothing-" + run, null, opA).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/fulfillment/orders/nothing-" + run + "/cancel", null, opA).statusCode())
                .isEqualTo(404);
    }

    @Test
    void oneShopNeverReachesAnothersOrdersOrPackages() throws Exception {
        String id = newOrder();
        JsonNode p = ok(call("POST", "/api/v1/fulfillment/orders/" + id + "/packages", "{\"carrierCode\":\"own_fleet\"}", opA))
                .get("payload");
        String enc = URLEncoder.encode(id, StandardCharsets.UTF_8);
        assertThat(call("GET", "/api/v1/fulfillment/orders/" + enc, null, opB).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/fulfillment/tracking?packageNumber=" + p.get("packageNumber").asLong(), null, opB)
                .statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/fulfillment/orders/" + enc + "/packages", "{\"carrierCode\":\"own_fleet\"}", opB)
                .statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/api/v1/fulfillment/orders?queryStartDate=2026-01-01T00:00:00Z", null, opB)).toString())
                .doesNotContain(id);
        HttpResponse<String> cancel = call("PUT", "/api/v1/fulfillment/orders/" + enc + "/cancel", null, opB);
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(problemType(cancel)).isEqualTo("not-found");
        assertThat(call("PUT", "/api/v1/fulfillment/orders/" + enc, "{\"displayableOrderComment\":\"x\"}", opB)
                .statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/api/v1/fulfillment/orders/" + enc, null, opA)).get("payload").get("fulfillmentOrder")
                .get("fulfillmentOrderStatus").asString()).as("untouched").isEqualTo("Processing");
    }
}
