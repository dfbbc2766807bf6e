package io.otodoke.delivery;

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
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.StopState;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.EventTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivery changes end to end over HTTP on the real database: an outside carrier's redelivery is
 * recorded and handed to the carrier, the own fleet's route moves, bad requests are 4xx
 * problem+json, and one shop never reaches another's parcels.
 */
@OtodokeTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryChangesTest {

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
    Depots depots;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Routes routes;
    @Autowired
    DeliveryChanges changes;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    Shop shopA;
    String opA;
    String opB;
    int numbers;

    @BeforeAll
    void twoShops() {
        shopA = tenants.create(SYSTEM_ADMIN, "dc-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "dc-b-" + run, "Shop B", false);
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, shopA.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
    }

    // ---- helpers ----

    String number() {
        return "77" + run.replaceAll("[^0-9]", "1").substring(0, 6) + String.format("%04d", ++numbers);
    }

    /** A shipment of shop A with an order; its id. */
    long shipment(String carrier, String number, String handling) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/shipments", """
                {"carrier":"%s","trackingNumber":"%s","order":{"orderNumber":"DC-%s","customerEmail":"buyer@example.jp"},
                 "recipient":{"name":"受取 花子","prefecture":"東京都","city":"千代田区","addressLine":"丸の内1-1"}%s}
                """.formatted(carrier, number, number, handling == null ? "" : ",\"handling\":" + handling), opA, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    void event(String carrier, String number, String status, String text) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/events", """
                [{"carrier":"%s","trackingNumber":"%s","source":"%s","status":"%s","rawText":"%s","occurredAt":"%s"}]
                """.formatted(carrier, number, carrier, status, text,
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)), opA, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("accepted").asInt()).as(r.body()).isEqualTo(1);
    }

    JsonNode options(long shipment, String secret) throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/shipments/" + shipment + "/delivery-options", null, secret, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    HttpResponse<String> change(long shipment, String body, String key) throws Exception {
        return call("POST", "/api/v1/shipments/" + shipment + "/delivery-changes", body, opA, key);
    }

    HttpResponse<String> call(String method, String path, String body, String secret, String idempotencyKey)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String problemType(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return r.body().replaceAll("(?s).*\"type\"\\s*:\\s*\"urn:otodoke:problem:([^\"]+)\".*", "$1");
    }

    static String redelivery(String date, String slot) {
        return "{\"kind\":\"REDELIVERY\",\"date\":\"" + date + "\",\"slot\":\"" + slot + "\"}";
    }

    // ---- outside carriers ----

    @Test
    void anAttemptedYamatoParcelGetsAnEveningRedeliveryRecordedAndTheBuyerIsSentToYamatoWithTheNumber() throws Exception {
        String number = number();
        long id = shipment("yamato", number, null);
        event("yamato", number, "DELIVERY_ATTEMPTED", "持戻（ご不在）");

        JsonNode options = options(id, opA);
        assertThat(options.get("kinds").toString()).isEqualTo("[\"REDELIVERY\",\"CHANGE_PLACE\"]");
        assertThat(options.get("appliedByOtodoke").asBoolean()).isFalse();
        JsonNode lastDay = options.get("dates").get(options.get("dates").size() - 1);
        assertThat(lastDay.get("slots").toString()).contains("\"19-21\"");
        String date = lastDay.get("date").asString();

        HttpResponse<String> created = change(id, redelivery(date, "19-21"), "k-" + number);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = json.readTree(created.body());
        assertThat(result.get("change").get("outcome").asString()).isEqualTo("CARRIER_TO_CONFIRM");
        assertThat(result.get("carrierPage").get("url").asString())
                .isEqualTo("https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=" + number);
        assertThat(result.get("carrierPage").get("numberFilledIn").asBoolean()).isTrue();

        JsonNode shipment = json.readTree(call("GET", "/api/v1/shipments/" + id, null, opA, null).body());
        assertThat(shipment.get("status").asString()).as("a request moves no status").isEqualTo("DELIVERY_ATTEMPTED");
        List<String> notes = new ArrayList<>();
        shipment.get("timeline").forEach(e -> {
            if (e.get("sources").toString().contains("otodoke.delivery")) {
                notes.add(e.get("rawText").asString());
            }
        });
        LocalDate d = LocalDate.parse(date);
        assertThat(notes).containsExactly("再配達のご依頼：" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日 19時〜21時",
                "配送業者のページへご案内しました。変更は配送業者が確定します");

        JsonNode listed = json.readTree(call("GET", "/api/v1/shipments/" + id + "/delivery-changes", null, opA, null).body());
        assertThat(listed.get("changes")).hasSize(1);
        assertThat(listed.get("changes").get(0).get("slot").asString()).isEqualTo("19-21");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = ? and target = ?", Integer.class,
                DeliveryChanges.AUDIT_ACTION, "shipment:" + id)).isEqualTo(1);
    }

    @Test
    void japanPostsPageDoesNotTakeTheNumberSoItIsGivenToCopy() throws Exception {
        String number = number();
        long id = shipment("japanpost", number, null);
        event("japanpost", number, "HELD_FOR_PICKUP", "保管");
        JsonNode options = options(id, opA);
        String date = options.get("dates").get(1).get("date").asString();
        HttpResponse<String> r = change(id, redelivery(date, "AM"), "k-" + number);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode page = json.readTree(r.body()).get("carrierPage");
        assertThat(page.get("url").asString()).isEqualTo("https://trackings.post.japanpost.jp/delivery/deli/");
        assertThat(page.get("numberFilledIn").asBoolean()).isFalse();
        assertThat(page.get("trackingNumber").asString()).isEqualTo(number);
    }

    @Test
    void theSameKeyAnswersTheFirstResultAgainAndAnotherRequestWithItIsRefused() throws Exception {
        String number = number();
        long id = shipment("sagawa", number, null);
        event("sagawa", number, "IN_TRANSIT", "輸送中");
        String date = options(id, opA).get("dates").get(2).get("date").asString();
        String body = "{\"kind\":\"RESCHEDULE\",\"date\":\"" + date + "\",\"slot\":\"18-21\"}";

        HttpResponse<String> first = change(id, body, "same-" + number);
        HttpResponse<String> again = change(id, body, "same-" + number);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("replayed").asBoolean()).isTrue();
        assertThat(json.readTree(again.body()).get("change").get("id").asLong())
                .isEqualTo(json.readTree(first.body()).get("change").get("id").asLong());

        HttpResponse<String> other = change(id, body.replace("18-21", "19-21"), "same-" + number);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(problemType(other)).isEqualTo("idempotency-key-reused");
        assertThat(jdbc.queryForObject("select count(*) from delivery_changes where shipment_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(json.readTree(call("GET", "/api/v1/shipments/" + id, null, opA, null).body()).get("timeline"))
                .as("the replay wrote no second pair of notes").hasSize(3);
    }

    @Test
    void badRequestsAreClearProblemsAndChangeNothing() throws Exception {
        String number = number();
        long id = shipment("yamato", number, "{\"cashOnDelivery\":true}");
        event("yamato", number, "DELIVERY_ATTEMPTED", "持戻（ご不在）");
        String date = options(id, opA).get("dates").get(1).get("date").asString();

        record Case(String body, String key, int status, String type) {
        }
        List<Case> cases = List.of(
                new Case(redelivery(date, "19-21"), null, 400, "missing-idempotency-key"),
                new Case(redelivery(date, "19-21"), "x".repeat(101), 400, "invalid-idempotency-key"),
                new Case("{\"kind\":\"TELEPORT\"}", "k1", 400, "malformed-json"),
                new Case("{\"date\":\"" + date + "\",\"slot\":\"19-21\"}", "k2", 400, "invalid-kind"),
                new Case("{\"kind\":\"REDELIVERY\",\"slot\":\"19-21\"}", "k3", 400, "invalid-date"),
                new Case("{\"kind\":\"REDELIVERY\",\"date\":\"tomorrow\",\"slot\":\"19-21\"}", "k4", 400, "malformed-json"),
                new Case(redelivery(date, "12-14"), "k5", 422, "slot-not-offered"), // Yamato has no 12–14 slot
                new Case(redelivery(LocalDate.now().plusDays(30).toString(), "AM"), "k6", 422, "slot-not-offered"),
                new Case("{\"kind\":\"RESCHEDULE\",\"date\":\"" + date + "\",\"slot\":\"AM\"}", "k7", 422, "change-not-offered"),
                new Case("{\"kind\":\"CHANGE_PLACE\",\"place\":\"SAFE_PLACE\",\"safePlaceSpot\":\"FRONT_DOOR\"}", "k8", 422,
                        "place-not-offered"), // cash on delivery: nobody at the door to pay
                new Case("{\"kind\":\"CHANGE_PLACE\",\"place\":\"LOCKER\"}", "k9", 422, "place-not-offered"),
                new Case("{\"kind\":\"CHANGE_PLACE\",\"place\":\"BRANCH\",\"safePlaceSpot\":\"GARAGE\"}", "k10", 400,
                        "invalid-safeplacespot"),
                new Case("{\"kind\":\"CHANGE_PLACE\",\"place\":\"BRANCH\",\"pickupPoint\":\"" + "店".repeat(101) + "\"}",
                        "k11", 400, "invalid-pickuppoint"),
                new Case("{\"kind\":\"CHANGE_PLACE\",\"place\":\"BRANCH\",\"date\":\"" + date + "\"}", "k12", 400,
                        "invalid-date"),
                new Case("[1,2]", "k13", 400, "malformed-json"));
        for (Case c : cases) {
            HttpResponse<String> r = change(id, c.body(), c.key());
            assertThat(r.statusCode()).as(c.body() + " → " + r.body()).isEqualTo(c.status());
            assertThat(problemType(r)).as(c.body()).isEqualTo(c.type());
        }
        assertThat(jdbc.queryForObject("select count(*) from delivery_changes where shipment_id = ?", Integer.class, id))
                .isZero();

        HttpResponse<String> branch = change(id, "{\"kind\":\"CHANGE_PLACE\",\"place\":\"BRANCH\",\"pickupPoint\":\"丸の内センター\"}",
                "ok-" + number);
        assertThat(branch.statusCode()).as(branch.body()).isEqualTo(201);
        assertThat(call("GET", "/api/v1/shipments/abc/delivery-options", null, opA, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/shipments/99999999/delivery-options", null, opA, null).statusCode()).isEqualTo(404);
    }

    @Test
    void afterDeliveryNothingMayBeChanged() throws Exception {
        String number = number();
        long id = shipment("yamato", number, null);
        event("yamato", number, "DELIVERED", "配達完了");
        JsonNode options = options(id, opA);
        assertThat(options.get("kinds")).isEmpty();
        assertThat(options.get("unavailable").asString()).isEqualTo("FINISHED");
        HttpResponse<String> r = change(id, redelivery(LocalDate.now(EventTime.TOKYO).plusDays(1).toString(), "AM"), "k");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(problemType(r)).isEqualTo("nothing-to-change");
    }

    @Test
    void anotherShopNeitherSeesNorChangesTheParcel() throws Exception {
        String number = number();
        long id = shipment("yamato", number, null);
        event("yamato", number, "DELIVERY_ATTEMPTED", "持戻（ご不在）");
        String date = options(id, opA).get("dates").get(1).get("date").asString();
        assertThat(call("GET", "/api/v1/shipments/" + id + "/delivery-options", null, opB, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/shipments/" + id + "/delivery-changes", null, opB, null).statusCode()).isEqualTo(404);
        HttpResponse<String> r = call("POST", "/api/v1/shipments/" + id + "/delivery-changes", redelivery(date, "AM"), opB,
                "b-" + number);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(problemType(r)).isEqualTo("not-found");
        assertThat(jdbc.queryForObject("select count(*) from delivery_changes where shipment_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void aRecordedRequestIsPublishedForTheOtherModules(ApplicationEvents events) throws Exception {
        String number = number();
        long id = shipment("yamato", number, null);
        event("yamato", number, "ARRIVED_AT_DELIVERY_BASE", "配達店到着");
        Caller operator = new Caller(Role.OPERATOR, shopA.id(), null, null, null, "test");
        LocalDate date = changes.options(operator, id).dates().get(1).date();
        DeliveryChanges.Result r = changes.request(operator, id, new ChangeRequest(ChangeKind.RESCHEDULE, date, "16-18",
                null, null, null), "event-" + number);
        assertThat(events.stream(DeliveryChangeRequested.class)).singleElement().satisfies(e -> {
            assertThat(e.changeId()).isEqualTo(r.change().id());
            assertThat(e.shipmentId()).isEqualTo(id);
            assertThat(e.kind()).isEqualTo(ChangeKind.RESCHEDULE);
            assertThat(e.slot()).isEqualTo("16-18");
            assertThat(e.outcome()).isEqualTo(Outcome.CARRIER_TO_CONFIRM);
        });
    }

    // ---- the own fleet ----

    @Test
    void onTheOwnFleetTheStopMovesToTheChosenWindowThenLeavesTheRouteForAnotherDay() throws Exception {
        Caller operator = new Caller(Role.OPERATOR, shopA.id(), null, null, null, "test");
        String n1 = number(), n2 = number(), n3 = number();
        long s1 = shipment("own_fleet", n1, null);
        long s2 = shipment("own_fleet", n2, null);
        long s3 = shipment("own_fleet", n3, null);
        JsonNode options = options(s1, opA);
        assertThat(options.get("appliedByOtodoke").asBoolean()).isTrue();
        JsonNode firstDay = options.get("dates").get(0);
        LocalDate day = LocalDate.parse(firstDay.get("date").asString());
        JsonNode lastSlot = firstDay.get("slots").get(firstDay.get("slots").size() - 1);

        String device = "van-" + number();
        vehicles.register(operator, "Van", device);
        depots.create(operator, new Depots.NewDepot("DC" + n1, "江東デポ", "東京都江東区", 35.67, 139.78));
        // s1 alone at the first stop; s2 and s3 share the second (one building)
        Route route = routes.create(operator, new Routes.NewRoute("DC-" + n1, day, "DC" + n1, device, null, List.of(
                new Routes.NewStop("東京都千代田区丸の内1-1", 35.68, 139.76, null, null, List.of(n1), null),
                new Routes.NewStop("東京都千代田区丸の内2-1", 35.684, 139.76, null, null, List.of(n2, n3), null))));

        HttpResponse<String> moved = change(s1, "{\"kind\":\"RESCHEDULE\",\"date\":\"" + day + "\",\"slot\":\""
                + lastSlot.get("code").asString() + "\"}", "own-1-" + n1);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertThat(json.readTree(moved.body()).get("change").get("outcome").asString()).isEqualTo("ROUTE_UPDATED");
        assertThat(json.readTree(moved.body()).has("carrierPage")).as("the own fleet needs no carrier page").isFalse();
        Stop first = routes.route(operator, route.id()).orElseThrow().stops().getFirst();
        assertThat(first.windowStart()).isEqualTo(day.atTime(java.time.LocalTime.parse(lastSlot.get("start").asString()))
                .atZone(EventTime.TOKYO).toInstant());
        assertThat(first.windowEnd()).isEqualTo(day.atTime(java.time.LocalTime.parse(lastSlot.get("end").asString()))
                .atZone(EventTime.TOKYO).toInstant());
        JsonNode live = json.readTree(call("GET", "/api/v1/shipments/" + s1 + "/live", null, opA, null).body());
        assertThat(Instant.parse(live.get("estimatedArrivalWindow").get("start").asString()))
                .as("the recipient sees the new window").isEqualTo(first.windowStart());

        // s3 shares its stop with s2: it gets a stop of its own with the new window, s2 keeps the old one
        HttpResponse<String> split = change(s3, "{\"kind\":\"RESCHEDULE\",\"date\":\"" + day + "\",\"slot\":\""
                + lastSlot.get("code").asString() + "\"}", "own-3-" + n3);
        assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
        List<Stop> stops = routes.route(operator, route.id()).orElseThrow().stops();
        assertThat(stops).hasSize(3);
        assertThat(stops.get(1).shipmentIds()).containsExactly(s2);
        assertThat(stops.get(1).windowStart()).isNull();
        assertThat(stops.get(2).shipmentIds()).containsExactly(s3);
        assertThat(stops.get(2).address()).isEqualTo(stops.get(1).address());
        assertThat(stops.get(2).windowStart()).isEqualTo(first.windowStart());

        HttpResponse<String> place = change(s2, "{\"kind\":\"CHANGE_PLACE\",\"place\":\"SAFE_PLACE\",\"safePlaceSpot\":\"METER_BOX\"}",
                "own-2-" + n2);
        assertThat(place.statusCode()).as(place.body()).isEqualTo(201);
        assertThat(routes.instructions(route)).containsEntry(stops.get(1).id(), "置き配（メーターボックス）");

        LocalDate nextDay = LocalDate.parse(options.get("dates").get(1).get("date").asString());
        HttpResponse<String> away = change(s1, "{\"kind\":\"RESCHEDULE\",\"date\":\"" + nextDay + "\",\"slot\":\"AM\"}",
                "own-4-" + n1);
        assertThat(away.statusCode()).as(away.body()).isEqualTo(201);
        assertThat(json.readTree(away.body()).get("change").get("outcome").asString()).isEqualTo("LEFT_ROUTE");
        Stop left = routes.route(operator, route.id()).orElseThrow().stops().getFirst();
        assertThat(left.state()).isEqualTo(StopState.SKIPPED);
        assertThat(left.shipmentIds()).isEmpty();
        assertThat(json.readTree(call("GET", "/api/v1/shipments/" + s1 + "/live", null, opA, null).body())
                .get("state").asString()).isEqualTo("NOT_SCHEDULED");

        // Not on any route now: the change is kept for the dispatcher
        HttpResponse<String> later = change(s1, "{\"kind\":\"RESCHEDULE\",\"date\":\"" + nextDay + "\",\"slot\":\"19-21\"}",
                "own-5-" + n1);
        assertThat(json.readTree(later.body()).get("change").get("outcome").asString()).isEqualTo("AWAITING_ROUTE");
        List<String> notes = new ArrayList<>();
        json.readTree(call("GET", "/api/v1/shipments/" + s1, null, opA, null).body()).get("timeline")
                .forEach(e -> notes.add(e.get("rawCode").asString()));
        assertThat(notes).containsExactly("REQUESTED", "ROUTE_UPDATED", "REQUESTED", "LEFT_ROUTE", "REQUESTED",
                "AWAITING_ROUTE");
    }
}
