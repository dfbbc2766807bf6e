package io.otodoke.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The authorisation matrix of the API: every endpoint × every kind of caller × own and other
 * tenant (and own and other seller), each cell asserted over real HTTP. Tenant A is a marketplace
 * with sellers S1 and S2; tenant B is another marketplace with seller T1.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    Credentials credentials;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger unique = new AtomicInteger();
    /** The callers, in the order of the matrix's columns; ANON sends no credential. */
    final Map<String, String> secrets = new LinkedHashMap<>();
    /** Values of the placeholders in the matrix's paths and bodies. */
    final Map<String, Object> ids = new HashMap<>();

    @BeforeAll
    void twoTenantsWithSellersDriversShoppersAndShipments() throws Exception {
        Shop a = tenants.create(SYSTEM_ADMIN, "a-" + run, "Shop A", true);
        Shop b = tenants.create(SYSTEM_ADMIN, "b-" + run, "Shop B", true);
        Seller s1 = tenants.createSeller(SYSTEM_ADMIN, a.id(), "s1", "Seller 1");
        Seller s2 = tenants.createSeller(SYSTEM_ADMIN, a.id(), "s2", "Seller 2");
        Seller t1 = tenants.createSeller(SYSTEM_ADMIN, b.id(), "t1", "Seller T1");
        secrets.put("ANON", null);
        secrets.put("OP_A", credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret());
        secrets.put("OP_B", credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret());
        secrets.put("SELLER_S1", credentials.issueApiKey(SYSTEM_ADMIN, "s1", Role.SELLER, a.id(), s1.id()).secret());
        UserAccount driverA = user(a, Role.DRIVER, null);
        UserAccount driverB = user(b, Role.DRIVER, null);
        secrets.put("DRIVER_A", credentials.issueDeviceToken(SYSTEM_ADMIN, driverA.id(), "phone").secret());
        secrets.put("ADMIN", credentials.issueApiKey(SYSTEM_ADMIN, "admin", Role.ADMIN, null, null).secret());
        ids.put("tenantA", a.id());
        ids.put("driverA", driverA.id());
        ids.put("driverB", driverB.id());
        ids.put("shopperB", user(b, Role.SHOPPER, null).id());
        ids.put("keyB", credentials.issueApiKey(SYSTEM_ADMIN, "another of b", Role.OPERATOR, b.id(), null)
                .credential().id());

        JsonNode shA = register("OP_A", "s1");
        JsonNode shA2 = register("OP_A", "s2");
        JsonNode shB = register("OP_B", "t1");
        ids.put("shA", shA.get("id").asLong());
        ids.put("oA", shA.get("orderId").asLong());
        ids.put("numberA", shA.get("trackingNumber").asString());
        ids.put("shA2", shA2.get("id").asLong());
        ids.put("shB", shB.get("id").asLong());
        ids.put("oB", shB.get("orderId").asLong());
        // marketplace sellers (seller module): the order numbers of A's orders of s1 and s2
        ids.put("orderA", orderNumber(shA.get("orderId").asLong()));
        ids.put("orderA2", orderNumber(shA2.get("orderId").asLong()));
        ids.put("retA", returnOf("OP_A", shA.get("orderId").asLong()));
        ids.put("retA2", returnOf("OP_A", shA2.get("orderId").asLong()));
        ids.put("sellerS1", "s1");
        ids.put("run", run);
        ids.put("deviceA", vehicle("OP_A"));
        ids.put("deviceB", vehicle("OP_B"));
        HttpResponse<String> subB = call("POST", "/api/v1/subscriptions", "{\"shipmentId\":" + shB.get("id").asLong()
                + ",\"address\":\"buyer@example.jp\"}", secrets.get("OP_B"));
        assertThat(subB.statusCode()).as(subB.body()).isEqualTo(201);
        ids.put("subB", json.readTree(subB.body()).get("id").asLong());
        routes(driverA);
        fulfillment();
    }

    /** A's MCF-shaped fulfilment order with one own-fleet package. */
    private void fulfillment() throws Exception {
        HttpResponse<String> o = call("POST", "/api/v1/fulfillment/orders", body("mcfOrder", "OP_A"), secrets.get("OP_A"));
        assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
        String id = json.readTree(o.body()).get("payload").get("fulfillmentOrder").get("sellerFulfillmentOrderId").asString();
        ids.put("mcfA", id);
        HttpResponse<String> p = call("POST", "/api/v1/fulfillment/orders/" + id + "/packages", body("mcfPackage", "OP_A"),
                secrets.get("OP_A"));
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        ids.put("pkgA", json.readTree(p.body()).get("payload").get("packageNumber").asLong());
        // a second order, without packages, for the cancellation (cancelling again answers the same)
        HttpResponse<String> o2 = call("POST", "/api/v1/fulfillment/orders", body("mcfOrder", "OP_A"), secrets.get("OP_A"));
        assertThat(o2.statusCode()).as(o2.body()).isEqualTo(201);
        ids.put("mcfA2", json.readTree(o2.body()).get("payload").get("fulfillmentOrder").get("sellerFulfillmentOrderId").asString());
    }

    /**
     * A's depot and own-fleet shipments, and two routes of A: routeA driven by DRIVER_A, routeA2 by no one.
     * The shipments ofA1 and ofA2 stay free for the matrix's POST /api/v1/routes and its CSV import.
     */
    private void routes(UserAccount driverA) throws Exception {
        HttpResponse<String> depot = call("POST", "/api/v1/depots", """
                {"code":"DEPOT-%s","name":"Depot A","latitude":35.67,"longitude":139.79}""".formatted(run),
                secrets.get("OP_A"));
        assertThat(depot.statusCode()).as(depot.body()).isEqualTo(201);
        for (String n : List.of("ofA0", "ofA1", "ofA2", "ofA3")) {
            HttpResponse<String> r = call("POST", "/api/v1/shipments", "{\"carrier\":\"own_fleet\",\"trackingNumber\":\""
                    + n.toUpperCase() + "-" + run + "\"}", secrets.get("OP_A"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            ids.put(n, n.toUpperCase() + "-" + run);
        }
        ids.put("routeA", route("A-" + run, driverA.email(), "ofA0"));
        ids.put("routeA2", route("A2-" + run, null, "ofA3"));
    }

    private long route(String code, String driver, String shipment) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/routes", """
                {"code":"%s","serviceDate":"2026-12-01","depot":"DEPOT-%s","vehicle":"%s",%s
                 "stops":[{"address":"東京都千代田区1-1","latitude":35.68,"longitude":139.76,"trackingNumbers":["%s"]}]}
                """.formatted(code, run, ids.get("deviceA"), driver == null ? "" : "\"driver\":\"" + driver + "\",",
                ids.get(shipment)), secrets.get("OP_A"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    /**
     * Expected status per caller: ANON, OP_A (operator of A), OP_B (operator of B), SELLER_S1 (a
     * seller of A), DRIVER_A (a driver's device token in A), ADMIN. {x} are placeholders; {new}
     * is a fresh number for each call. A webhook takes no credential but a signature of its body:
     * without one, every caller gets 401, whatever its role (LINE's webhook: 404 on a server where
     * LINE is not set up, as here). The OsmAnd protocol takes no credential
     * either, the device id names the vehicle: an unknown one is 400 for every caller. Positions and
     * vehicles are written by the tenant's operator only; B's operator naming A's device gets an item
     * error (422 when it is the only item), never a position in A.
     */
    static final String MATRIX = """
            GET    /api/v1/me                                   | 401 200 200 200 200 200
            GET    /api/v1/track?numbers={numberA}              | 200 200 200 200 200 200
            GET    /api/v1/shipments/{shA}                      | 401 200 404 200 403 200
            GET    /api/v1/shipments/{shA2}                     | 401 200 404 404 403 200
            GET    /api/v1/shipments/{shB}                      | 401 404 200 404 403 200
            GET    /api/v1/orders/{oA}                          | 401 200 404 200 403 200
            GET    /api/v1/orders/{oB}                          | 401 404 200 404 403 200
            GET    /api/v1/shipments                            | 401 200 200 200 403 200
            GET    /api/v1/shipments/{shA}/inquiry              | 401 200 404 200 403 200
            GET    /api/v1/shipments/{shA2}/inquiry             | 401 200 404 404 403 200
            GET    /api/v1/shipments/{shB}/inquiry              | 401 404 200 404 403 200
            GET    /api/v1/shipments/attention                  | 401 200 200 200 403 200
            POST   /api/v1/shipments          shipment          | 401 201 422 201 403 403
            POST   /api/v1/events             event             | 401 200 422 403 403 403
            POST   /api/v1/shipments/{shA}/share-links {}       | 401 201 404 201 403 201
            GET    /api/v1/shipments/{shA}/share-links          | 401 200 404 200 403 200
            POST   /api/v1/shipments/{shB}/share-links {}       | 401 404 201 404 403 201
            GET    /api/v1/api-keys                             | 401 200 200 200 403 200
            DELETE /api/v1/api-keys/{keyB}                      | 401 404 200 404 403 200
            GET    /api/v1/users                                | 401 200 200 403 403 200
            POST   /api/v1/users              user              | 401 201 201 403 403 201
            PUT    /api/v1/users/{shopperB}/role role           | 401 403 403 403 403 200
            POST   /api/v1/users/{driverA}/device-tokens token  | 401 201 404 403 403 201
            POST   /api/v1/users/{driverB}/device-tokens token  | 401 404 201 403 403 201
            GET    /api/v1/sellers?tenantId={tenantA}           | 401 200 200 403 403 200
            POST   /api/v1/sellers            seller            | 401 201 201 403 403 201
            GET    /api/v1/tenants                              | 401 403 403 403 403 200
            POST   /api/v1/tenants            tenant            | 401 403 403 403 403 201
            GET    /api/v1/audit                                | 401 403 403 403 403 200
            GET    /api/v1/connectors                           | 401 200 200 403 403 200
            POST   /api/v1/webhooks/generic   {}                | 401 401 401 401 401 401
            POST   /api/v1/line/webhook       {}                | 404 404 404 404 404 404
            GET    /api/v1/positions/osmand?id=unknown-{run}&lat=35.68&lon=139.76 | 400 400 400 400 400 400
            POST   /api/v1/positions/osmand   osmand            | 400 400 400 400 400 400
            POST   /api/v1/positions          position          | 401 200 422 403 403 403
            POST   /api/v1/vehicles           vehicle           | 401 201 201 403 403 403
            GET    /api/v1/vehicles                             | 401 200 200 403 403 200
            GET    /api/v1/depots                               | 401 200 200 403 403 200
            POST   /api/v1/depots             depot             | 401 201 201 403 403 403
            GET    /api/v1/routes?date=2026-12-01               | 401 200 200 403 200 200
            POST   /api/v1/routes             route             | 401 201 400 403 403 403
            GET    /api/v1/routes/{routeA}                      | 401 200 404 403 200 200
            GET    /api/v1/routes/{routeA2}                     | 401 200 404 403 404 200
            POST   /api/v1/routes/import      csv               | 401 200 422 403 403 403
            POST   /api/v1/routing/plans      plan              | 401 200 400 403 403 403
            POST   /api/v1/routing/recommendations recommend    | 401 200 409 403 403 403
            GET    /api/v1/shipments/{shA}/live                 | 401 200 404 200 403 200
            POST   /api/v1/subscriptions      subscription      | 401 201 404 403 403 403
            GET    /api/v1/subscriptions?shipmentId={shA}       | 401 200 200 403 403 403
            DELETE /api/v1/subscriptions/{subB}                 | 401 404 204 403 403 403
            GET    /api/v1/push/vapid-public-key                | 200 200 200 200 200 200
            POST   /api/v1/safety/check       safety            | 200 200 200 200 200 200
            GET    /api/v1/shipments/{shA}/delivery-options     | 401 200 404 200 403 200
            GET    /api/v1/shipments/{shA2}/delivery-options    | 401 200 404 404 403 200
            GET    /api/v1/shipments/{shB}/delivery-options     | 401 404 200 404 403 200
            POST   /api/v1/shipments/{shA}/delivery-changes change | 401 201 404 201 403 403
            POST   /api/v1/shipments/{shA2}/delivery-changes change | 401 201 404 404 403 403
            GET    /api/v1/shipments/{shA}/delivery-changes     | 401 200 404 200 403 200
            POST   /api/v1/orders/{oA}/returns returnRequest    | 401 201 404 201 403 403
            GET    /api/v1/orders/{oA}/returns                  | 401 200 404 200 403 200
            GET    /api/v1/returns                              | 401 200 200 200 403 200
            GET    /api/v1/returns/{retA}                       | 401 200 404 200 403 200
            GET    /api/v1/returns/{retA2}                      | 401 200 404 404 403 200
            POST   /api/v1/returns/{retA2}/approve {}           | 401 200 404 404 403 403
            GET    /api/v1/return-policy                        | 401 200 200 403 403 403
            PUT    /api/v1/return-policy      policy            | 401 200 200 403 403 403
            POST   /api/v1/shipments/{shA}/claims claim         | 401 422 404 422 403 403
            GET    /api/v1/claims                               | 401 200 200 200 403 200
            GET    /api/v1/claim-rules                          | 401 200 200 403 403 403
            PUT    /api/v1/claim-rules        rules             | 401 200 200 403 403 403
            POST   /api/v1/seller/shipments   sellerShipment    | 401 201 404 201 403 403
            POST   /api/v1/seller/shipments   sellerShipmentA2  | 401 201 404 404 403 403
            POST   /api/v1/seller/shipments/import sellerCsv    | 401 200 200 200 403 403
            GET    /api/v1/seller/orders                        | 401 200 200 200 403 403
            POST   /api/v1/seller/orders      sellerOrder       | 401 201 422 403 403 403
            POST   /api/v1/fulfillment/orders mcfOrder          | 401 201 201 403 403 403
            GET    /api/v1/fulfillment/orders                   | 401 200 200 403 403 403
            GET    /api/v1/fulfillment/orders/{mcfA}            | 401 200 404 403 403 403
            POST   /api/v1/fulfillment/orders/{mcfA}/packages mcfPackage | 401 201 404 403 403 403
            GET    /api/v1/fulfillment/tracking?packageNumber={pkgA} | 401 200 404 403 403 403
            PUT    /api/v1/fulfillment/orders/{mcfA} mcfUpdate | 401 200 404 403 403 403
            PUT    /api/v1/fulfillment/orders/{mcfA2}/cancel    | 401 200 404 403 403 403
            GET    /api/v1/insights/delivery                    | 401 200 200 403 403 200
            """;

    @Test
    void everyCellOfTheMatrixHolds() throws Exception {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String line : MATRIX.strip().split("\n")) {
            String[] sides = line.split("\\|");
            String[] request = sides[0].trim().split("\\s+");
            String[] expected = sides[1].trim().split("\\s+");
            List<String> callers = List.copyOf(secrets.keySet());
            assertThat(expected).as(line).hasSize(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                String caller = callers.get(i);
                String body = request.length > 2 ? body(request[2], caller) : null;
                HttpResponse<String> r = call(request[0], fill(request[1]), body, secrets.get(caller));
                cells++;
                if (r.statusCode() != Integer.parseInt(expected[i])) {
                    failures.add(request[0] + " " + request[1] + " as " + caller + ": expected " + expected[i] + ", got "
                            + r.statusCode() + " " + r.body());
                }
                if (r.statusCode() >= 400) {
                    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(line + " " + caller)
                            .startsWith("application/problem+json");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cells).isEqualTo(83 * 6);
    }

    @Test
    void listsHoldOnlyWhatTheCallerMaySee() throws Exception {
        assertThat(listedShipments("OP_A")).contains(ids.get("shA"), ids.get("shA2")).doesNotContain(ids.get("shB"));
        assertThat(listedShipments("SELLER_S1")).contains(ids.get("shA")).doesNotContain(ids.get("shA2"), ids.get("shB"));
        assertThat(listedShipments("OP_B")).contains(ids.get("shB")).doesNotContain(ids.get("shA"), ids.get("shA2"));
        assertThat(listedShipments("ADMIN")).contains(ids.get("shA"), ids.get("shA2"), ids.get("shB"));

        JsonNode keysOfA = json.readTree(call("GET", "/api/v1/api-keys", null, secrets.get("OP_A")).body());
        keysOfA.get("credentials").forEach(c -> assertThat(c.get("tenantId").asLong()).isEqualTo(ids.get("tenantA")));
        assertThat(keysOfA.toString()).doesNotContain(secrets.get("OP_A")).contains("\"shown\":\"otd_");
        JsonNode usersOfB = json.readTree(call("GET", "/api/v1/users", null, secrets.get("OP_B")).body());
        usersOfB.get("users").forEach(u -> assertThat(u.get("tenantId").asLong()).isNotEqualTo(ids.get("tenantA")));
        assertThat(usersOfB.toString()).doesNotContain("password");
        assertThat(call("GET", "/api/v1/vehicles", null, secrets.get("OP_A")).body())
                .contains((String) ids.get("deviceA")).doesNotContain((String) ids.get("deviceB"));
        assertThat(call("GET", "/api/v1/vehicles", null, secrets.get("ADMIN")).body())
                .contains((String) ids.get("deviceA"), (String) ids.get("deviceB"));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnceAndItsLastUseIsKept() throws Exception {
        var issued = credentials.issueApiKey(SYSTEM_ADMIN, "short-lived", Role.OPERATOR, (Long) ids.get("tenantA"), null);
        assertThat(call("GET", "/api/v1/me", null, issued.secret()).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = call("DELETE", "/api/v1/api-keys/" + issued.credential().id(), null, secrets.get("OP_A"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("lastUsedAt").isNull()).isFalse();
        assertThat(call("GET", "/api/v1/me", null, issued.secret()).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", null, issued.secret() + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void aSellerCannotAttachShipmentsToAnotherSellersOrder() throws Exception {
        String body = """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"%s"}}
                """.formatted(number(), "order-" + run + "-s2");
        register("OP_A", "s2", "order-" + run + "-s2");
        HttpResponse<String> r = call("POST", "/api/v1/shipments", body, secrets.get("SELLER_S1"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("order-of-another-seller");
        HttpResponse<String> noOrder = call("POST", "/api/v1/shipments",
                "{\"carrier\":\"yamato\",\"trackingNumber\":\"" + number() + "\"}", secrets.get("SELLER_S1"));
        assertThat(noOrder.body()).contains("missing-order");
    }

    private List<Object> listedShipments(String caller) throws Exception {
        List<Object> out = new ArrayList<>();
        json.readTree(call("GET", "/api/v1/shipments?limit=500", null, secrets.get(caller)).body()).get("shipments")
                .forEach(s -> out.add(s.get("id").asLong()));
        return out;
    }

    private String body(String kind, String caller) {
        return switch (kind) {
            case "{}" -> "{}";
            case "safety" -> "{\"text\":\"ヤマト運輸 不在のため持ち帰りました https://parcel.example.test/\",\"channel\":\"sms\"}";
            // OP_B names seller s1, which is not B's: 422, never a shipment in A
            case "shipment" -> """
                    {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"o-%s","seller":"s1"}}
                    """.formatted(number(), run + "-" + unique.incrementAndGet());
            // OP_B sends A's number: B has no such shipment, so nothing of A is touched (422)
            case "event" -> """
                    [{"carrier":"yamato","trackingNumber":"%s","source":"test","status":"IN_TRANSIT",
                      "occurredAt":"2026-11-20T18:40:00+09:00"}]
                    """.formatted(ids.get("numberA"));
            case "user" -> """
                    {"email":"u%d-%s@example.jp","displayName":"Test","role":"SHOPPER","tenantId":%s,
                     "password":"correct horse battery"}
                    """.formatted(unique.incrementAndGet(), run, ids.get("tenantA"));
            case "role" -> "{\"role\":\"SHOPPER\"}";
            case "token" -> "{\"name\":\"phone " + caller + "\"}";
            case "seller" -> "{\"code\":\"x" + unique.incrementAndGet() + "\",\"name\":\"New seller\",\"tenantId\":"
                    + ids.get("tenantA") + "}";
            case "osmand" -> """
                    {"device_id":"unknown-%s","location":{"coords":{"latitude":35.68,"longitude":139.76}}}
                    """.formatted(run);
            // A's device: B's operator may not write into A's track
            case "position" -> """
                    [{"deviceId":"%s","time":"%s","latitude":35.68,"longitude":139.76}]
                    """.formatted(ids.get("deviceA"), java.time.Instant.now());
            case "depot" -> "{\"code\":\"D" + unique.incrementAndGet() + "\",\"name\":\"Depot\",\"latitude\":35.6,"
                    + "\"longitude\":139.7}";
            // A's depot, van and shipment: B's operator has no depot of that code (400), nothing of A is touched
            case "route" -> """
                    {"code":"R%d-%s","serviceDate":"2026-12-01","depot":"DEPOT-%s","vehicle":"%s",
                     "stops":[{"address":"東京都","latitude":35.68,"longitude":139.76,"trackingNumbers":["%s"]}]}
                    """.formatted(unique.incrementAndGet(), run, run, ids.get("deviceA"), ids.get("ofA1"));
            // the same as CSV: B's only route fails, so nothing is created (422)
            case "csv" -> """
                    route,service_date,depot,vehicle,sequence,address,latitude,longitude,tracking_numbers
                    C%d-%s,2026-12-01,DEPOT-%s,%s,1,東京都,35.68,139.76,%s
                    """.formatted(unique.incrementAndGet(), run, run, ids.get("deviceA"), ids.get("ofA2"));
            case "vehicle" -> "{\"name\":\"Van\",\"deviceId\":\"d" + unique.incrementAndGet() + "-" + run + "\"}";
            // routing: A's depot and van, solved for a second, not published; B has no such depot (400)
            case "plan" -> """
                    {"serviceDate":"2026-12-01","depot":"DEPOT-%s","seconds":1,"vans":[{"vehicle":"%s"}],
                     "stops":[{"address":"東京都","latitude":35.68,"longitude":139.76}]}
                    """.formatted(run, ids.get("deviceA"));
            // A's routes of that day take the stop; B has no open route that day (409), never A's
            case "recommend" -> "{\"serviceDate\":\"2026-12-01\",\"stop\":{\"latitude\":35.681,\"longitude\":139.767}}";
            // A's shipment: B's operator gets 404, as for a shipment that does not exist
            case "subscription" -> "{\"shipmentId\":" + ids.get("shA") + ",\"address\":\"r" + unique.incrementAndGet()
                    + "@example.jp\",\"language\":\"en\"}";
            case "tenant" -> "{\"code\":\"t" + unique.incrementAndGet() + "-" + run + "\",\"name\":\"New\"}";
            // a new slot two days ahead (always open) for A's Yamato parcel; each call has its own Idempotency-Key
            case "returnRequest" -> "{\"reason\":\"OTHER\",\"items\":[{\"name\":\"緑茶\",\"quantity\":1}]}";
            case "policy" -> "{\"refundTrigger\":\"ON_ARRIVAL\"}";
            // A's parcel has only a label: a claim is not eligible yet (422), which shows the caller got through
            case "claim" -> "{\"kind\":\"NOT_RECEIVED\"}";
            case "rules" -> "{\"farScanMeters\":200}";
            // a fresh MCF-shaped order each call; a package of the own fleet (its number generated)
            case "mcfOrder" -> """
                    {"sellerFulfillmentOrderId":"MCF-%s-%d","displayableOrderId":"W-1","displayableOrderDate":"2026-11-28T10:00:00+09:00",
                     "displayableOrderComment":"Thanks","shippingSpeedCategory":"Standard",
                     "destinationAddress":{"name":"受取 太郎","addressLine1":"千代田1-1","city":"千代田区","postalCode":"100-0001","countryCode":"JP"},
                     "items":[{"sellerSku":"TEA","sellerFulfillmentOrderItemId":"1","quantity":1}]}
                    """.formatted(run, unique.incrementAndGet());
            case "mcfPackage" -> "{\"carrierCode\":\"own_fleet\"}";
            case "mcfUpdate" -> "{\"displayableOrderComment\":\"Updated\"}";
            case "change" -> "{\"kind\":\"RESCHEDULE\",\"date\":\""
                    + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(2) + "\",\"slot\":\"19-21\"}";
            // a seller's number for A's order of s1 (or s2): a fresh valid Yamato number (mod 7) each call; B's
            // operator does not find A's order (404, or a refused row in the CSV); a seller only its own orders
            case "sellerShipment", "sellerShipmentA2" -> """
                    {"orderNumber":"%s","carrier":"yamato","trackingNumber":"%s"}
                    """.formatted(ids.get(kind.equals("sellerShipment") ? "orderA" : "orderA2"), checkedNumber());
            case "sellerCsv" -> "orderNumber,carrier,trackingNumber\n" + ids.get("orderA") + ",yamato," + checkedNumber() + "\n";
            // B's operator names seller s1, which is not B's: 422
            case "sellerOrder" -> "{\"orderNumber\":\"so-" + run + "-" + unique.incrementAndGet() + "\",\"seller\":\"s1\"}";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A return of one item of the order, asked by the caller; its id. */
    private long returnOf(String caller, long orderId) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/orders/" + orderId + "/returns", body("returnRequest", caller),
                secrets.get(caller));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    /** Registers a vehicle for the caller's tenant; its device id. */
    private String vehicle(String caller) throws Exception {
        String device = "phone-" + run + "-" + unique.incrementAndGet();
        HttpResponse<String> r = call("POST", "/api/v1/vehicles", "{\"name\":\"Van\",\"deviceId\":\"" + device + "\"}",
                secrets.get(caller));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return device;
    }

    private JsonNode register(String caller, String seller) throws Exception {
        return register(caller, seller, "o-" + run + "-" + unique.incrementAndGet());
    }

    private JsonNode register(String caller, String seller, String orderNumber) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"%s","seller":"%s",
                 "customerEmail":"buyer@example.jp","totalYen":1000,
                 "items":[{"name":"緑茶","quantity":5,"unitPriceYen":200}]},
                 "recipient":{"name":"受取 太郎","prefecture":"東京都","city":"千代田区","addressLine":"千代田1-1"}}
                """.formatted(number(), orderNumber, seller), secrets.get(caller));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    /** A 12-digit number whose last digit is the mod-7 check digit of the first eleven (Yamato's rule). */
    private String checkedNumber() {
        long eleven = 40_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000_000L);
        return eleven + String.valueOf(eleven % 7);
    }

    private String orderNumber(long orderId) throws Exception {
        return json.readTree(call("GET", "/api/v1/orders/" + orderId, null, secrets.get("OP_A")).body())
                .get("orderNumber").asString();
    }

    private String number() {
        return "9" + String.format("%011d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000L));
    }

    private UserAccount user(Shop tenant, Role role, Long seller) {
        return accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(role.name().toLowerCase() + unique.incrementAndGet() + "-"
                + run + "@example.jp", role + " of " + tenant.code(), role, tenant.id(), seller, "correct horse battery"));
    }

    private String fill(String path) {
        String out = path;
        for (var e : ids.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }

    private HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", body != null && (body.startsWith("route,") || body.startsWith("orderNumber,"))
                        ? "text/csv" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            builder.header("Authorization", "Bearer " + secret);
        }
        if (path.endsWith("/delivery-changes") && "POST".equals(method)) {
            builder.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
