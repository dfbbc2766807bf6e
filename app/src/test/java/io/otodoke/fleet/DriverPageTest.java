package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The driver's phone page over real HTTP, as a phone's browser uses it: sign in, the session cookie and
 * the CSRF token of each form, plain form posts (multipart with a photo) that redirect back to the page.
 */
@OtodokeTest
class DriverPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Routes routes;
    @Autowired
    Positions positions;

    FleetWorld world;

    @BeforeEach
    void world() {
        world = new FleetWorld(context);
    }

    @Test
    void aRecipientsInstructionIsShownOnItsStop() throws Exception {
        FleetWorld.Fleet f = world.fleet(2);
        assertThat(world.routes.instruct(f.shop().id(), f.shipments().get(1), "置き配（宅配ボックス）")).isTrue();
        String page = new Phone(f).get("/driver").body();
        assertThat(page).contains("お客様のご指定", "置き配（宅配ボックス）");
        assertThat(page.indexOf("置き配（宅配ボックス）")).as("on the second stop")
                .isGreaterThan(page.indexOf("東京都千代田区丸の内2-1"));
    }

    @Test
    void aDriverWorksTheirRouteFromThePhonePage() throws Exception {
        FleetWorld.Fleet f = world.fleet(3);
        FleetWorld.Fleet other = world.fleet(1);
        Phone phone = new Phone(f);

        String page = phone.get("/driver").body();
        assertThat(page).contains(f.route().code(), f.route().vehicleName(), f.depot().name(), "東京都千代田区丸の内1-1",
                "東京都千代田区丸の内3-1", number(f, 0), number(f, 2), ">出発<", "Traccar Client",
                "/js/driver.js")
                .doesNotContain(other.route().code(), number(other, 0), ">到着<");

        HttpResponse<String> start = phone.form("/driver/routes/" + f.route().id() + "/start", Map.of());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/driver");
        assertThat(statuses(f, 0)).contains(TrackingStatus.OUT_FOR_DELIVERY);
        page = phone.get("/driver").body();
        assertThat(page).contains("出発しました", ">到着<", ">配達完了<", ">持ち戻り<", "置き配", "宅配ボックス", "ご不在",
                "受取拒否", "capture=\"environment\"", "到着予定", "data-position-url=\"/driver/position\"", "data-csrf-token=");

        // the phone's position moves the route's van
        HttpResponse<String> position = phone.json("/driver/position", """
                {"latitude": 35.6800, "longitude": 139.7680, "accuracy": 8.5, "speed": 6.1, "heading": 10,
                 "timestamp": %d}""".formatted(System.currentTimeMillis()));
        assertThat(position.statusCode()).isEqualTo(204);
        assertThat(positions.track(f.vehicle().id())).anySatisfy(p -> {
            assertThat(p.latitude()).isEqualTo(35.68);
            assertThat(p.accuracy()).isEqualTo(8.5);
        });

        long first = f.route().stops().get(0).id();
        assertThat(phone.form("/driver/stops/" + first + "/arrived", Map.of()).statusCode()).isEqualTo(302);
        byte[] photo = DeliveryPhotosTest.withExif(jpeg(), 6);
        HttpResponse<String> delivered = phone.multipart("/driver/stops/" + first + "/delivered",
                Map.of("place", "SAFE_PLACE", "note", "玄関前", "latitude", "35.6812", "longitude", "139.7671"), photo);
        assertThat(delivered.statusCode()).isEqualTo(302);
        TimelineEntry last = timeline(f, 0).getLast();
        assertThat(last.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(last.reason()).isEqualTo(StatusReason.SAFE_PLACE);
        assertThat(last.rawText()).contains("置き配", "玄関前");
        Photo stored = routes.photoOfShipment(f.shipments().get(0)).orElseThrow();
        assertThat(new String(stored.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPS");
        assertThat(stored.height()).isGreaterThan(stored.width()); // turned upright
        assertThat(phone.get("/driver").body()).contains("配達完了を記録しました。", "写真あり");

        long second = f.route().stops().get(1).id();
        phone.form("/driver/stops/" + second + "/attempted", Map.of("reason", "ABSENT", "note", "不在票を投函"));
        assertThat(timeline(f, 1).getLast().status()).isEqualTo(TrackingStatus.DELIVERY_ATTEMPTED);
        assertThat(timeline(f, 1).getLast().reason()).isEqualTo(StatusReason.ABSENT);

        // a refusal the driver can act on is said on the page, in Japanese
        phone.form("/driver/stops/" + first + "/attempted", Map.of("reason", "ABSENT"));
        assertThat(phone.get("/driver").body()).contains("記録できませんでした", "このお届け先は記録済みです。");
        phone.form("/driver/stops/" + f.route().stops().get(2).id() + "/delivered", Map.of("place", "COUNTER"));
        assertThat(phone.get("/driver").body()).contains("置いた場所を選んでください。");
    }

    @Test
    void anotherDriversStopIsNotFoundAndTheirVanCannotBeMoved() throws Exception {
        FleetWorld.Fleet mine = world.fleet(1);
        FleetWorld.Fleet theirs = world.fleet(1);
        routes.start(theirs.driverCaller(), theirs.route().id());
        Phone phone = new Phone(mine);

        for (String path : List.of("/driver/routes/" + theirs.route().id() + "/start",
                "/driver/stops/" + theirs.route().stops().getFirst().id() + "/arrived",
                "/driver/stops/" + theirs.route().stops().getFirst().id() + "/attempted")) {
            HttpResponse<String> r = phone.form(path, Map.of("reason", "ABSENT"));
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        }
        assertThat(statuses(theirs, 0)).doesNotContain(TrackingStatus.DELIVERY_ATTEMPTED);

        // my route is not started: nothing to report for
        String body = "{\"latitude\": 35.68, \"longitude\": 139.76}";
        assertThat(phone.json("/driver/position", body).statusCode()).isEqualTo(409);
        assertThat(positions.track(theirs.vehicle().id())).isEmpty();
        routes.start(mine.driverCaller(), mine.route().id());
        assertThat(phone.json("/driver/position", body).statusCode()).isEqualTo(204);
        assertThat(positions.track(mine.vehicle().id())).hasSize(1);
        assertThat(positions.track(theirs.vehicle().id())).isEmpty();
        assertThat(phone.json("/driver/position", "{\"latitude\": 135.68, \"longitude\": 139.76}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aDriverLandsOnTheDriverPageAndNoOneElseMayOpenIt() throws Exception {
        FleetWorld.Fleet f = world.fleet(1);
        Phone phone = new Phone(f);
        assertThat(phone.landedOn).endsWith("/driver");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/driver")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        // without the CSRF token the form is refused
        HttpResponse<String> forged = phone.send(HttpRequest.newBuilder(phone.uri("/driver/routes/" + f.route().id() + "/start"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(statuses(f, 0)).doesNotContain(TrackingStatus.OUT_FOR_DELIVERY);
    }

    private List<TimelineEntry> timeline(FleetWorld.Fleet f, int i) {
        return world.registry.shipment(f.shop().id(), f.shipments().get(i)).orElseThrow().timeline();
    }

    /** As stored and shown: normalised. */
    private static String number(FleetWorld.Fleet f, int i) {
        return TrackingNumbers.normalize(f.numbers().get(i));
    }

    private List<TrackingStatus> statuses(FleetWorld.Fleet f, int i) {
        return timeline(f, i).stream().map(TimelineEntry::status).toList();
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A phone's browser signed in as the fleet's driver: its session cookie, no redirects followed. */
    final class Phone {

        final HttpClient http = HttpClient.newHttpClient();
        String cookie = "";
        final String landedOn;

        Phone(FleetWorld.Fleet f) throws Exception {
            String token = token(get("/login").body(), CSRF);
            HttpResponse<String> signIn = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", f.driver().email(),
                            "password", FleetWorld.password(f.driver()), "_csrf", token)))));
            assertThat(signIn.statusCode()).isEqualTo(302);
            landedOn = signIn.headers().firstValue("Location").orElseThrow();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        /** As a browser: pages and error pages in HTML unless the request says otherwise. */
        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (request.build().headers().firstValue("Accept").isEmpty()) {
                request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            }
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .forEach(c -> cookie = c.substring(0, c.indexOf(';')));
            return response;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r;
        }

        /** Posts a form of the driver page with the page's CSRF token, as the browser would. */
        HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token(get("/driver").body(), CSRF));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(all))));
        }

        HttpResponse<String> multipart(String path, Map<String, String> fields, byte[] photo) throws Exception {
            String boundary = "----phone" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token(get("/driver").body(), CSRF));
            for (var field : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"IMG_0001.jpg\""
                    + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(photo);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        /** What driver.js sends: JSON with the page's CSRF token in the header. */
        HttpResponse<String> json(String path, String json) throws Exception {
            String token = token(get("/driver").body(), CSRF);
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", token).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    private static String token(String html, Pattern pattern) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
