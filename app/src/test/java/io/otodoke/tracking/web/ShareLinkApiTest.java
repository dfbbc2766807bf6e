package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Share links through the API: unguessable, shown once, stored as digests, expiring, revocable. */
@OtodokeTest
class ShareLinkApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String body, boolean key) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key) {
            b.header("Authorization", "Bearer " + OtodokeTest.API_KEY);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long shipment() throws Exception {
        String number = "7" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000L);
        var r = call("POST", "/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"SL-%s","totalYen":5000,
                 "items":[{"name":"内緒の品","quantity":1,"unitPriceYen":5000}]},
                 "recipient":{"name":"受取 花子","postalCode":"150-0001","prefecture":"東京都","city":"渋谷区",
                              "addressLine":"神宮前1-2-3","phone":"090-0000-1111"}}
                """.formatted(number, UUID.randomUUID()), true);
        assertThat(r.statusCode()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    @Test
    void aLinkIsShownOnceStoredAsADigestAndStopsWorkingWhenRevoked() throws Exception {
        long id = shipment();
        var created = call("POST", "/api/v1/shipments/" + id + "/share-links", "{\"validHours\":72}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode link = json.readTree(created.body());
        String url = link.get("url").asString();
        String token = url.substring(url.lastIndexOf("/s/") + 3);
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits
        assertThat(link.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from share_links where token_sha256 = sha256(convert_to(?, 'UTF8'))",
                Integer.class, token)).isEqualTo(1);
        assertThat(jdbc.queryForList("select encode(token_sha256, 'escape') from share_links", String.class))
                .noneMatch(stored -> stored.contains(token));

        var listed = call("GET", "/api/v1/shipments/" + id + "/share-links", null, true).body();
        assertThat(listed).contains("\"state\":\"ACTIVE\"").doesNotContain(token);

        assertThat(call("GET", url, null, false).statusCode()).isEqualTo(200);
        var revoked = call("DELETE", "/api/v1/shipments/" + id + "/share-links/" + link.get("id").asLong(), null, true);
        assertThat(json.readTree(revoked.body()).get("state").asString()).isEqualTo("REVOKED");
        assertThat(call("GET", url, null, false).statusCode()).isEqualTo(410);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SHARE_LINK_REVOKED' and target = ?",
                Integer.class, "shipment:" + id + " share-link:" + link.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsGoneAndAnUnknownOneWasNeverThere() throws Exception {
        long id = shipment();
        String url = json.readTree(call("POST", "/api/v1/shipments/" + id + "/share-links", null, true).body())
                .get("url").asString();
        jdbc.update("update share_links set expires_at = now() - interval '1 second' where shipment_id = ?", id);
        assertThat(call("GET", url, null, false).statusCode()).isEqualTo(410);
        assertThat(call("GET", "/api/v1/shipments/" + id + "/share-links", null, true).body()).contains("\"state\":\"EXPIRED\"");
        String forged = url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A");
        assertThat(call("GET", forged, null, false).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/s/short", null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void validityOutsideTheAllowedRangeIsRefused() throws Exception {
        long id = shipment();
        for (String body : new String[] {"{\"validHours\":0}", "{\"validHours\":-5}", "{\"validHours\":100000}"}) {
            var r = call("POST", "/api/v1/shipments/" + id + "/share-links", body, true);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).contains("urn:otodoke:problem:invalid-validhours");
        }
        assertThat(call("POST", "/api/v1/shipments/987654321/share-links", "{}", true).statusCode()).isEqualTo(404);
    }
}
