package io.otodoke.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live map's assets reach a visitor who is not signed in, the tracking page's audience. */
@OtodokeTest
class MapAssetsTest {

    @LocalServerPort
    int port;
    @Autowired
    SpringTemplateEngine templates;
    @Autowired
    MapProperties map;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void leafletTheComponentAndItsStylesAreServedToAnyone() throws Exception {
        for (String path : new String[] {"/webjars/leaflet/1.9.4/dist/leaflet.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.css", "/js/live-map.js", "/css/live-map.css"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotBlank();
        }
        assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").body()).contains("1.9.4");
        assertThat(get("/js/live-map.js").body()).contains("OtodokeMap");
    }

    @Test
    void theOfflineOutlineIsGeoJsonOfJapan() throws Exception {
        HttpResponse<String> response = get("/map/japan-outline.geojson");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length()).as("small enough for a phone").isLessThan(50_000);
        JsonNode outline = JsonMapper.builder().build().readTree(response.body());
        assertThat(outline.path("type").asString()).isEqualTo("FeatureCollection");
        JsonNode geometry = outline.path("features").path(0).path("geometry");
        assertThat(geometry.path("type").asString()).isEqualTo("MultiPolygon");
        double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
        int points = 0;
        for (JsonNode polygon : geometry.path("coordinates")) {
            for (JsonNode ring : polygon) {
                assertThat(ring.get(0)).as("a closed ring").isEqualTo(ring.get(ring.size() - 1));
                for (JsonNode p : ring) {
                    minLon = Math.min(minLon, p.get(0).asDouble());
                    maxLon = Math.max(maxLon, p.get(0).asDouble());
                    minLat = Math.min(minLat, p.get(1).asDouble());
                    maxLat = Math.max(maxLat, p.get(1).asDouble());
                    points++;
                }
            }
        }
        assertThat(points).isGreaterThan(500);
        // Japan: Yonaguni to Minamitorishima, Okinotorishima to Hokkaido's north cape
        assertThat(minLon).isBetween(122.0, 154.0);
        assertThat(maxLon).isBetween(122.0, 154.0);
        assertThat(minLat).isBetween(20.0, 46.0);
        assertThat(maxLat).isBetween(20.0, 46.0);
        assertThat(maxLon - minLon).as("from Kyushu to Hokkaido at least").isGreaterThan(15);
    }

    @Test
    void theFragmentGivesTheComponentItsSettingsAndLoadsItsScripts() {
        var request = new MockHttpServletRequest(new MockServletContext(), "GET", "/");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        var context = new WebContext(exchange, Locale.JAPANESE, Map.of("map", map));
        String html = templates.process("fragments/map", Set.of("live-map"), context);
        assertThat(html).contains("class=\"live-map\"",
                "data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"",
                "data-attribution=\"© OpenStreetMap contributors\"",
                "data-attribution-url=\"https://www.openstreetmap.org/copyright\"",
                "data-outline-url=\"/map/japan-outline.geojson\"",
                "data-offline-note=\"地図タイルを読み込めないため、簡易地図を表示しています\"",
                "data-label-van=\"配達車\"", "data-label-home=\"お届け先\"",
                "src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"", "src=\"/js/live-map.js\"",
                "href=\"/webjars/leaflet/1.9.4/dist/leaflet.css\"", "href=\"/css/live-map.css\"");
    }
}
