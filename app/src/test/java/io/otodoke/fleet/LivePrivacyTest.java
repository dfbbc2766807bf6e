package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.StatusReason;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live last mile over real HTTP, as each viewer gets it (design/last-mile.md, visibility and
 * privacy rules): the recipient's link never carries another stop, the van is left out while far
 * or stale, a gift's giver sees neither the place nor the van nor the photo, and a dead link or a
 * stranger gets nothing.
 */
@OtodokeTest
class LivePrivacyTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ShareLinks links;
    @Autowired
    Routes routes;
    @Autowired
    JdbcClient jdbc;

    FleetWorld world;

    @BeforeEach
    void world() {
        world = new FleetWorld(context);
    }

    @Test
    void theRecipientsLinkNeverCarriesAnotherStop() throws Exception {
        FleetWorld.Fleet f = world.fleet(4);
        String token = link(f, 2);
        routes.start(f.driverCaller(), f.route().id());
        position(f, FleetWorld.LAT - 0.001, Instant.now());

        String live = get("/s/" + token + "/live").body();
        assertThat(live).contains("\"state\":\"EN_ROUTE\"", "\"remainingStopCount\":3", "\"vehicleLocation\"",
                "\"destination\":{\"latitude\":" + (FleetWorld.LAT + 0.004 * 2));
        for (int other : new int[] {0, 1, 3}) {
            assertThat(live).doesNotContain(latitude(other), "丸の内" + (other + 1) + "-1");
        }
        assertThat(live).doesNotContain("丸の内", "stops\"");
        String stream = firstEvent("/s/" + token + "/live/stream");
        assertThat(stream).contains("event:live", "\"remainingStopCount\":3");
        for (int other : new int[] {0, 1, 3}) {
            assertThat(stream).doesNotContain(latitude(other), "丸の内" + (other + 1) + "-1");
        }
        assertThat(get("/s/" + token).body()).doesNotContain("丸の内", latitude(0), latitude(1), latitude(3));
    }

    @Test
    void theVanIsLeftOutWhenMoreThanTenStopsAwayAndWhenItsPositionIsStale() throws Exception {
        FleetWorld.Fleet far = world.fleet(12);
        String farToken = link(far, 11);
        routes.start(far.driverCaller(), far.route().id());
        position(far, FleetWorld.LAT, Instant.now());
        String farLive = get("/s/" + farToken + "/live").body();
        assertThat(farLive).contains("\"vehicleHidden\":\"TOO_MANY_STOPS\"", "\"estimatedArrival\"")
                .doesNotContain("vehicleLocation", "remainingStopCount");

        FleetWorld.Fleet stale = world.fleet(2);
        String staleToken = link(stale, 1);
        routes.start(stale.driverCaller(), stale.route().id());
        position(stale, FleetWorld.LAT, Instant.now().minusSeconds(6 * 60));
        assertThat(get("/s/" + staleToken + "/live").body()).contains("\"vehicleHidden\":\"POSITION_STALE\"")
                .doesNotContain("vehicleLocation", "remainingStopCount");
    }

    @Test
    void aGiftsGiverSeesNeitherThePlaceNorTheVanNorThePhoto() throws Exception {
        String giver = "giver-" + UUID.randomUUID() + "@example.jp";
        FleetWorld.Fleet f = world.fleet(2, 1, giver);
        routes.start(f.driverCaller(), f.route().id());
        position(f, FleetWorld.LAT, Instant.now());
        String base = "/orders/" + f.giftOrder() + "/shipments/" + f.shipments().get(1);
        Session session = signIn(giver);

        HttpResponse<String> enRoute = session.get(base + "/live");
        assertThat(enRoute.statusCode()).isEqualTo(200);
        assertThat(enRoute.body()).contains("\"state\":\"EN_ROUTE\"", "\"vehicleHidden\":\"NOT_FOR_VIEWER\"")
                .doesNotContain("vehicleLocation", "destination", "latitude");
        assertThat(session.get("/orders/" + f.giftOrder()).body()).contains("class=\"panel live-panel\"",
                "data-live-url=\"" + base + "/live\"");

        routes.delivered(f.driverCaller(), f.route().stops().get(0).id(), StatusReason.HANDED_OVER, null, null, null, null);
        long own = f.route().stops().get(1).id();
        routes.delivered(f.driverCaller(), own, StatusReason.SAFE_PLACE, "玄関前", null, null,
                DeliveryPhotos.clean(RoutesTest.jpeg()));
        HttpResponse<String> delivered = session.get(base + "/live");
        assertThat(delivered.body()).contains("\"state\":\"DELIVERED\"", "SAFE_PLACE")
                .doesNotContain("photo", "destination", "玄関前", "latitude");
        assertThat(session.get(base + "/photo").statusCode()).isEqualTo(404);

        // The recipient, by the link the giver made, does see the photo.
        String token = link(f, 1);
        assertThat(get("/s/" + token + "/live").body()).contains("\"photoUrl\":\"/s/" + token + "/photo\"");
        HttpResponse<String> photo = get("/s/" + token + "/photo");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void anExpiredOrRevokedLinkAndAnotherShopperGetNothing() throws Exception {
        String giver = "giver-" + UUID.randomUUID() + "@example.jp";
        FleetWorld.Fleet f = world.fleet(1, 0, giver);
        routes.start(f.driverCaller(), f.route().id());
        routes.delivered(f.driverCaller(), f.route().stops().get(0).id(), StatusReason.SAFE_PLACE, null, null, null,
                DeliveryPhotos.clean(RoutesTest.jpeg()));

        var revoked = links.create(f.operator(), f.shop().id(), f.shipments().get(0), Duration.ofDays(1));
        assertThat(get("/s/" + revoked.token() + "/photo").statusCode()).isEqualTo(200);
        links.revoke(f.operator(), f.shipments().get(0), revoked.link().id());
        var expired = links.create(f.operator(), f.shop().id(), f.shipments().get(0), Duration.ofDays(1));
        jdbc.sql("update share_links set expires_at = created_at - interval '1 hour' where id = ?")
                .param(expired.link().id()).update();
        for (String token : new String[] {revoked.token(), expired.token()}) {
            for (String path : new String[] {"/live", "/live/stream", "/photo"}) {
                assertThat(get("/s/" + token + path).statusCode()).as(path).isEqualTo(404);
            }
        }

        String stranger = "stranger-" + UUID.randomUUID() + "@example.jp";
        world.accounts.create(FleetWorld.SYSTEM_ADMIN, new io.otodoke.account.Accounts.NewUser(stranger, "他人",
                io.otodoke.account.Role.SHOPPER, f.shop().id(), null, FleetWorld.PASSWORD));
        Session other = signIn(stranger);
        String base = "/orders/" + f.giftOrder() + "/shipments/" + f.shipments().get(0);
        for (String path : new String[] {"/live", "/live/stream", "/photo"}) {
            assertThat(other.get(base + path).statusCode()).as(path).isEqualTo(404);
        }
    }

    // ---- helpers ----

    private String link(FleetWorld.Fleet f, int stop) {
        return links.create(f.operator(), f.shop().id(), f.shipments().get(stop), Duration.ofDays(1)).token();
    }

    /** The van's phone reports through the real OsmAnd endpoint, as Traccar Client does. */
    private void position(FleetWorld.Fleet f, double lat, Instant time) throws Exception {
        HttpResponse<String> r = get("/api/v1/positions/osmand?id=" + f.vehicle().deviceId() + "&lat=" + lat + "&lon="
                + FleetWorld.LON + "&timestamp=" + time.getEpochSecond());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static String latitude(int stop) {
        // as the stop was planned, and as JSON would print it at four decimals
        return String.format(java.util.Locale.ROOT, "%.4f", FleetWorld.LAT + 0.004 * stop);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new Session(port).get(path);
    }

    /** Reads a stream until its first event is complete: the stream itself stays open. */
    private String firstEvent(String path) throws Exception {
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        StringBuilder event = new StringBuilder();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !(line.isEmpty() && !event.isEmpty())) {
                event.append(line).append('\n');
            }
        }
        return event.toString();
    }

    private Session signIn(String email) throws Exception {
        Session s = new Session(port);
        String login = s.get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(FleetWorld.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> r = s.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location")).as("signed in").hasValueSatisfying(l -> assertThat(l).endsWith("/orders"));
        return s;
    }

    /** A browser's cookies without a browser. */
    static final class Session {
        final int port;
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws Exception {
            boolean stream = path.endsWith("/stream");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", stream ? "text/event-stream" : path.endsWith("/live") ? "application/json" : "text/html,*/*");
            if (stream) {
                // a stream that answers stays open: only its status is wanted here
                HttpResponse<java.io.InputStream> r = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                r.body().close();
                return new Status(r);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** The status and headers of a response whose body was not read. */
    private record Status(HttpResponse<java.io.InputStream> r) implements HttpResponse<String> {
        public int statusCode() { return r.statusCode(); }
        public HttpRequest request() { return r.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return r.headers(); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return r.sslSession(); }
        public URI uri() { return r.uri(); }
        public HttpClient.Version version() { return r.version(); }
    }
}
