package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.ShareLinks;
import io.otodoke.tracking.TrackingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Web Push channel end to end against a push service in this JVM ({@link FakePushService}): a
 * browser subscribes through a share link's page API, tracking ingests an event, the dispatcher
 * pushes, and the push service checks the VAPID signature and decrypts the message with the
 * browser's key. Plain http is allowed here for the local push service only.
 */
@OtodokeTest
@TestPropertySource(properties = {"otodoke.notify.quiet-start=00:00", "otodoke.notify.quiet-end=00:00",
        "otodoke.notify.dispatcher.interval=PT0.5S", "otodoke.notify.base-url=http://otodoke.test",
        "otodoke.notify.webpush.allow-http=true", "otodoke.notify.webpush.endpoint-hosts=localhost",
        "otodoke.notify.webpush.subject=mailto:ops@otodoke.test"})
class WebPushNotificationTest {

    static final FakePushService PUSH;

    static {
        try {
            PUSH = new FakePushService();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ShareLinks shareLinks;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;
    NotifyWorld world;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void world() {
        world = new NotifyWorld(context);
    }

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    @Test
    void outForDeliveryIsPushedSignedAndEncryptedForTheBrowserAndADuplicateEventPushesNothing() throws Exception {
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        FakePushService.Browser browser = PUSH.browser();
        // the share link's page: no session, no CSRF token, the token in the path is the credential
        var subscribed = post("/s/" + shareLink(p) + "/push-subscriptions", browser.subscriptionJson());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        Instant at = Instant.now().minusSeconds(60);
        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at);
        await("the push", Duration.ofSeconds(20), () -> PUSH.to(browser).size() == 1);

        FakePushService.Push push = PUSH.to(browser).getFirst();
        Map<String, String> vapid = FakePushService.verifyVapid(push, PUSH.origin());
        assertThat(vapid.get("claims")).contains("\"sub\":\"mailto:ops@otodoke.test\"");
        long exp = json.readTree(vapid.get("claims")).get("exp").asLong();
        assertThat(exp).isBetween(Instant.now().getEpochSecond(), Instant.now().plus(Duration.ofHours(24)).getEpochSecond());
        // the key browsers are given is the one that signs
        var key = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/push/vapid-public-key"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(json.readTree(key.body()).get("publicKey").asString()).isEqualTo(vapid.get("k"));

        JsonNode message = json.readTree(FakePushService.decrypt(push, browser));
        assertThat(message.get("title").asString()).contains(p.trackingNumber()).startsWith("【本日お届け予定】");
        assertThat(message.get("body").asString()).isEqualTo("お荷物は本日配達中です。");
        assertThat(message.get("url").asString()).isEqualTo("http://otodoke.test/track?numbers=" + p.trackingNumber());
        assertThat(message.get("tag").asString()).matches("otodoke-notification-\\d+");
        assertThat(push.header("Urgency")).isEqualTo("high");
        assertThat(Integer.parseInt(push.header("TTL"))).isEqualTo(86_400);
        assertThat(push.header("Topic")).isEqualTo(message.get("tag").asString());

        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at); // the same event again
        // and the same browser subscribing again is still one subscription
        assertThat(post("/s/" + shareLink(p) + "/push-subscriptions", browser.subscriptionJson()).statusCode()).isEqualTo(201);
        Thread.sleep(1500);
        assertThat(PUSH.to(browser)).hasSize(1);
        assertThat(world.rows(p)).isEqualTo(1);
        assertThat(world.subscriptions.of(p.tenantId(), p.shipmentId(), null)).hasSize(1);
    }

    @Test
    void aPushServiceThatSaysGoneEndsTheSubscription() throws Exception {
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        FakePushService.Browser browser = PUSH.browser();
        Subscription s = subscribe(p, browser);
        PUSH.answer(browser, 410);
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the push", Duration.ofSeconds(20), () -> PUSH.to(browser).size() == 1);
        await("the subscription ended", Duration.ofSeconds(10), () -> world.subscriptions.find(s.id()).isEmpty());

        world.event(p, "ofd", TrackingStatus.OUT_FOR_DELIVERY, Instant.now().minusSeconds(30));
        Thread.sleep(1500);
        assertThat(PUSH.to(browser)).hasSize(1);
    }

    @Test
    void aPushServiceThatIsBusyIsTriedAgainLater() throws Exception {
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        FakePushService.Browser browser = PUSH.browser();
        Subscription s = subscribe(p, browser);
        PUSH.answer(browser, 429);
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the push", Duration.ofSeconds(20), () -> PUSH.to(browser).size() == 1);
        await("the retry scheduled", Duration.ofSeconds(10), () -> "PENDING".equals(state(p)));

        var row = world.jdbc.sql("select attempts, next_attempt_at, last_error from notify_notifications where shipment_id = ?")
                .param(p.shipmentId()).query((rs, n) -> List.of(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .single();
        assertThat(row.get(0)).isEqualTo(1);
        assertThat((Instant) row.get(1)).isAfter(Instant.now());
        assertThat((String) row.get(2)).contains("429");
        assertThat(world.subscriptions.find(s.id())).isPresent();
    }

    @Test
    void aSubscriptionMustNameAKnownPushServiceAndAValidBrowserKey() throws Exception {
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        String token = shareLink(p);
        FakePushService.Browser browser = PUSH.browser();
        String elsewhere = browser.subscriptionJson().replace(PUSH.origin(), "https://intranet.example");
        var refused = post("/s/" + token + "/push-subscriptions", elsewhere);
        assertThat(refused.statusCode()).isEqualTo(400);
        // outside /api an error is the HTML error page; the reason is the channel's, as the operator API shows it
        assertThat(context.getBean(WebPushChannel.class).invalidAddress(elsewhere))
                .isEqualTo("the endpoint is not a known push service");
        String badKey = browser.subscriptionJson().replaceAll("\"p256dh\":\"[^\"]+\"", "\"p256dh\":\"AAAA\"");
        assertThat(post("/s/" + token + "/push-subscriptions", badKey).statusCode()).isEqualTo(400);
        assertThat(post("/s/not-a-token/push-subscriptions", browser.subscriptionJson()).statusCode()).isEqualTo(404);

        assertThat(post("/s/" + token + "/push-subscriptions", browser.subscriptionJson()).statusCode()).isEqualTo(201);
        var off = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token + "/push-subscriptions"))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"" + browser.endpoint() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(off.statusCode()).isEqualTo(204);
        assertThat(world.subscriptions.of(p.tenantId(), p.shipmentId(), null)).isEmpty();
    }

    private Subscription subscribe(NotifyWorld.Parcel p, FakePushService.Browser browser) {
        return world.subscriptions.subscribe(new Subscriptions.NewSubscription(p.tenantId(), p.shipmentId(), null, null,
                null, "webpush", PushAddress.parse(browser.subscriptionJson()).json(), "ja", Milestone.defaults(), 3, "test"));
    }

    private String state(NotifyWorld.Parcel p) {
        return world.jdbc.sql("select state from notify_notifications where shipment_id = ?").param(p.shipmentId())
                .query(String.class).optional().orElse(null);
    }

    private String shareLink(NotifyWorld.Parcel p) {
        Caller operator = new Caller(Role.OPERATOR, p.tenantId(), null, null, null, "test");
        return shareLinks.create(operator, p.tenantId(), p.shipmentId(), null).token();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
