package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Positions from drivers' phones over real HTTP: the OsmAnd protocol on the main port and on its
 * own port, and our JSON batch. Request forms from traccar/traccar OsmAndProtocolDecoderTest.
 */
@OtodokeTest
class PositionApiTest {

    static final String OSMAND = "/api/v1/positions/osmand";

    @LocalServerPort
    int port;
    @Autowired
    OsmAndPort osmAndPort;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Positions positions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void queryFormPostAndJsonBodyAreStored() throws Exception {
        String device = vehicle();
        long now = Instant.now().getEpochSecond();
        assertThat(get(port, OSMAND + "?id=" + device + "&timestamp=" + (now - 300)
                + "&lat=35.6812&lon=139.7671&speed=40&bearing=90&altitude=40&accuracy=5&batt=87&ignition=true"))
                .extracting(HttpResponse::statusCode, HttpResponse::body).containsExactly(200, "");
        assertThat(form(port, OSMAND, "id=" + device + "&timestamp=" + (now - 200) * 1000 + "&location=35.6813,139.7672"
                + "&speed=0").statusCode()).isEqualTo(200);
        assertThat(postJson(port, OSMAND, """
                {"location":{"timestamp":"%s","coords":{"latitude":35.6814,"longitude":139.7673,"accuracy":3.8,
                "speed":5.5,"heading":63,"altitude":35.7},"battery":{"level":0.79,"is_charging":false},"extras":{}},
                "device_id":"%s"}""".formatted(Instant.ofEpochSecond(now - 100), device)).statusCode()).isEqualTo(200);
        assertThat(get(port, OSMAND + "?id=" + device + "&timestamp=" + java.net.URLEncoder.encode(
                Instant.ofEpochSecond(now - 50).toString(), "UTF-8") + "&lat=35.6815&lon=139.7674").statusCode())
                .isEqualTo(200);

        var track = positions.track(vehicleId(device));
        assertThat(track).hasSize(4);
        assertThat(track.get(0).speed()).isCloseTo(20.577, org.assertj.core.api.Assertions.within(0.001)); // 40 knots
        assertThat(track.get(0).heading()).isEqualTo(90.0);
        assertThat(track.get(0).battery()).isEqualTo(87.0);
        assertThat(track.get(1).time()).isEqualTo(Instant.ofEpochSecond(now - 200)); // milliseconds
        assertThat(track.get(1).latitude()).isEqualTo(35.6813); // location=lat,lon
        assertThat(track.get(2).speed()).isEqualTo(5.5); // the JSON body's speed is m/s already
        assertThat(track.get(2).battery()).isCloseTo(79.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(track.get(3).time()).isEqualTo(Instant.ofEpochSecond(now - 50)); // ISO-8601
        JsonNode current = current(device);
        assertThat(current.get("latitude").asDouble()).isEqualTo(35.6815);
        assertThat(jdbc.sql("select attributes->>'ignition' from positions where vehicle_id = ? order by device_time limit 1")
                .param(vehicleId(device)).query(String.class).single()).isEqualTo("true");
    }

    @Test
    void aLatePositionIsInTheTrackButNotCurrentAndADuplicateChangesNothing() throws Exception {
        String device = vehicle();
        long now = Instant.now().getEpochSecond();
        assertThat(get(port, OSMAND + "?id=" + device + "&timestamp=" + (now - 60) + "&lat=35.1&lon=139.1").statusCode())
                .isEqualTo(200);
        assertThat(get(port, OSMAND + "?id=" + device + "&timestamp=" + (now - 600) + "&lat=35.0&lon=139.0").statusCode())
                .isEqualTo(200);
        assertThat(get(port, OSMAND + "?id=" + device + "&timestamp=" + (now - 60) + "&lat=35.9&lon=139.9").statusCode())
                .isEqualTo(200);
        assertThat(positions.track(vehicleId(device))).hasSize(3);
        JsonNode current = current(device);
        assertThat(current.get("latitude").asDouble()).isEqualTo(35.1);
        assertThat(Instant.parse(current.get("time").asString())).isEqualTo(Instant.ofEpochSecond(now - 60));
    }

    @Test
    void malformedRequestsAre400AndStoreNothing() throws Exception {
        String device = vehicle();
        long future = Instant.now().plus(10, ChronoUnit.MINUTES).getEpochSecond();
        for (String query : new String[] {"?lat=35&lon=139", "?id=" + device + "&lat=91&lon=139",
                "?id=" + device + "&lat=35&lon=east", "?id=" + device + "&lat=35&lon=139&timestamp=" + future,
                "?id=" + device + "&lat=35&lon=139&speed=500", "?id=" + device + "&lat=35"}) {
            HttpResponse<String> r = get(port, OSMAND + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(r.body()).get("type").asString()).isEqualTo("urn:otodoke:problem:invalid-position");
        }
        assertThat(postJson(port, OSMAND, "{\"device_id\":").statusCode()).isEqualTo(400);
        assertThat(positions.track(vehicleId(device))).isEmpty();
    }

    @Test
    void anUnknownDeviceIs400() throws Exception {
        String unknown = "never-registered-" + UUID.randomUUID();
        HttpResponse<String> r = get(port, OSMAND + "?id=" + unknown + "&lat=35&lon=139");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("type").asString()).isEqualTo("urn:otodoke:problem:unknown-device");
        assertThat(jdbc.sql("select count(*) from vehicles where device_id = ?").param(unknown).query(Long.class).single())
                .isZero();
    }

    @Test
    void theOwnPortAnswersAsTheMainPort() throws Exception {
        int own = osmAndPort.port();
        assertThat(own).isPositive().isNotEqualTo(FleetProperties.DEFAULT_OSMAND_PORT).isNotEqualTo(port);
        String device = vehicle();
        long now = Instant.now().getEpochSecond();
        // Traccar Client posts to the server's root with the parameters in the query
        assertThat(postEmpty(own, "/?id=" + device + "&timestamp=" + (now - 30) + "&lat=35.2&lon=139.2&speed=10"))
                .extracting(HttpResponse::statusCode, HttpResponse::body).containsExactly(200, "");
        assertThat(get(own, "/?id=" + device + "&timestamp=" + (now - 20) + "&lat=35.3&lon=139.3").statusCode())
                .isEqualTo(200);
        assertThat(form(own, "/", "id=" + device + "&timestamp=" + (now - 10) + "&lat=35.4&lon=139.4").statusCode())
                .isEqualTo(200);
        assertThat(postJson(own, "/", """
                {"device_id":"%s","location":{"timestamp":"%s","coords":{"latitude":35.5,"longitude":139.5}}}"""
                .formatted(device, Instant.ofEpochSecond(now))).statusCode()).isEqualTo(200);
        assertThat(positions.track(vehicleId(device))).hasSize(4);
        assertThat(current(device).get("latitude").asDouble()).isEqualTo(35.5);

        for (String query : new String[] {"/?id=nobody-" + UUID.randomUUID() + "&lat=35&lon=139",
                "/?id=" + device + "&lat=91&lon=139", "/?lat=35&lon=139"}) {
            HttpResponse<String> ownAnswer = get(own, query);
            HttpResponse<String> mainAnswer = get(port, OSMAND + query.substring(1));
            assertThat(ownAnswer.statusCode()).as(query).isEqualTo(400).isEqualTo(mainAnswer.statusCode());
            assertThat(ownAnswer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(ownAnswer.body()).get("detail"))
                    .isEqualTo(json.readTree(mainAnswer.body()).get("detail"));
        }
        assertThat(postJson(own, "/", "not json").statusCode()).isEqualTo(400);
        assertThat(positions.track(vehicleId(device))).hasSize(4);
    }

    @Test
    void theBatchKeepsGoodItemsAndReportsBadOnes() throws Exception {
        String device = vehicle();
        String other = otherTenantsVehicle();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> r = call("POST", "/api/v1/positions", """
                [{"deviceId":"%1$s","time":"%2$s","latitude":35.6,"longitude":139.6,"speed":8.5,"heading":180,
                  "accuracy":4,"altitude":12,"battery":55},
                 {"deviceId":"%1$s","time":"%2$s","latitude":95,"longitude":139.6},
                 {"deviceId":"%3$s","time":"%2$s","latitude":35.6,"longitude":139.6},
                 {"deviceId":"nobody","time":"%2$s","latitude":35.6,"longitude":139.6},
                 {"deviceId":"%1$s","time":"yesterday","latitude":35.6,"longitude":139.6},
                 {"deviceId":"%1$s","time":"%4$s","latitude":35.7,"longitude":139.7}]
                """.formatted(device, now.atOffset(java.time.ZoneOffset.ofHours(9)), other, now.minusSeconds(60)),
                OtodokeTest.API_KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(4);
        assertThat(body.get("errors").toString()).contains("\"index\":1", "\"field\":\"latitude\"", "\"index\":2",
                "unknown-device", "\"index\":3", "\"index\":4", "\"field\":\"time\"");
        assertThat(positions.track(vehicleId(device))).hasSize(2);
        assertThat(positions.track(vehicleId(other))).isEmpty();
        JsonNode current = current(device);
        assertThat(current.get("latitude").asDouble()).isEqualTo(35.6);
        assertThat(current.get("speed").asDouble()).isEqualTo(8.5);

        HttpResponse<String> allBad = call("POST", "/api/v1/positions",
                "[{\"deviceId\":\"" + other + "\",\"time\":\"" + now + "\",\"latitude\":1,\"longitude\":2}]",
                OtodokeTest.API_KEY);
        assertThat(allBad.statusCode()).isEqualTo(422);
        assertThat(allBad.body()).contains("no-valid-positions", "unknown-device");
    }

    @Test
    void aDeviceIdIsRegisteredOnce() throws Exception {
        String device = vehicle();
        HttpResponse<String> again = call("POST", "/api/v1/vehicles",
                "{\"name\":\"Again\",\"deviceId\":\"" + device + "\"}", OtodokeTest.API_KEY);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("urn:otodoke:problem:duplicate-device");
        assertThat(call("POST", "/api/v1/vehicles", "{\"name\":\"\",\"deviceId\":\"x\"}", OtodokeTest.API_KEY)
                .statusCode()).isEqualTo(400);
    }

    /** Registers a vehicle in the default tenant; its device id. */
    private String vehicle() throws Exception {
        String device = "phone-" + UUID.randomUUID();
        HttpResponse<String> r = call("POST", "/api/v1/vehicles", "{\"name\":\"Van 1\",\"deviceId\":\"" + device + "\"}",
                OtodokeTest.API_KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json.readTree(r.body()).get("deviceId").asString()).isEqualTo(device);
        return device;
    }

    private String otherTenantsVehicle() {
        long tenant = jdbc.sql("insert into tenants (code, name) values (?, 'Other shop') returning id")
                .param("other-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
        String device = "phone-" + UUID.randomUUID();
        jdbc.sql("insert into vehicles (tenant_id, device_id, name) values (?, ?, 'Their van')").params(tenant, device)
                .update();
        return device;
    }

    private long vehicleId(String device) {
        return jdbc.sql("select id from vehicles where device_id = ?").param(device).query(Long.class).single();
    }

    private JsonNode current(String device) throws Exception {
        JsonNode list = json.readTree(call("GET", "/api/v1/vehicles", null, OtodokeTest.API_KEY).body()).get("vehicles");
        for (JsonNode v : list) {
            if (v.get("deviceId").asString().equals(device)) {
                return v.get("currentPosition");
            }
        }
        throw new AssertionError("not listed: " + device);
    }

    private HttpResponse<String> get(int to, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path)).GET());
    }

    private HttpResponse<String> postEmpty(int to, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> form(int to, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> postJson(int to, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        builder.header("Authorization", "Bearer " + secret);
        return send(builder);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
