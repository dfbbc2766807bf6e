package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.tracking.ShipmentStale;
import io.otodoke.tracking.StaleReason;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The LINE channel end to end against {@link FakeLine}, a Messaging API push endpoint in this JVM:
 * an event ingested by tracking, the outbox, the dispatcher, the push as LINE receives it. Quiet
 * hours are off; a failed try is retried after a second instead of a minute.
 */
@OtodokeTest
@TestPropertySource(properties = {"otodoke.notify.quiet-start=00:00", "otodoke.notify.quiet-end=00:00",
        "otodoke.notify.dispatcher.interval=PT0.5S", "otodoke.notify.dispatcher.backoff=PT1S",
        "otodoke.notify.base-url=http://otodoke.test",
        "otodoke.notify.line.channel-access-token=" + FakeLine.TOKEN,
        "otodoke.notify.line.channel-secret=" + LineNotificationTest.SECRET})
class LineNotificationTest {

    static final FakeLine LINE;
    static final String SECRET = "test-line-channel-secret";

    static {
        try {
            LINE = new FakeLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void line(DynamicPropertyRegistry registry) {
        registry.add("otodoke.notify.line.base-url", LINE::baseUrl);
    }

    @AfterAll
    static void stop() {
        LINE.close();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    NotifyWorld world;

    @BeforeEach
    void world() {
        world = new NotifyWorld(context);
    }

    static String userId() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    Subscription subscribe(NotifyWorld.Parcel p, String userId) {
        return world.subscriptions.subscribe(new Subscriptions.NewSubscription(p.tenantId(), p.shipmentId(), null, null,
                null, "line", userId, "ja", Milestone.defaults(), 3, "test"));
    }

    String state(NotifyWorld.Parcel p) {
        return world.jdbc.sql("select state || ' ' || attempts || ' ' || coalesce(last_error, '') from notify_notifications"
                + " where shipment_id = ?").param(p.shipmentId()).query(String.class).optional().orElse("none");
    }

    @LocalServerPort
    int port;

    /** The official account's webhook as LINE calls it: signed with the channel secret unless told otherwise. */
    HttpResponse<String> webhook(String body, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/line/webhook"))
                .header("Content-Type", "application/json")
                .header("x-line-signature", LineAccount.sign(secret, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String message(String lineUser, String replyToken, String text) {
        return """
                {"destination":"Uxxxxxxxx","events":[{"type":"message","mode":"active","timestamp":1767225600000,
                 "source":{"type":"user","userId":"%s"},"webhookEventId":"01H","replyToken":"%s",
                 "deliveryContext":{"isRedelivery":false},
                 "message":{"id":"1","type":"text","quoteToken":"q","text":"%s"}}]}""".formatted(lineUser, replyToken, text);
    }

    @Test
    void aUserWhoSendsTheirCodeIsLinkedGetsTheirOrdersNewsByLineAndBlockingUnlinksThem() throws Exception {
        String email = "line-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        NotifyWorld.Parcel p = world.parcel(email);
        var shopper = context.getBean(io.otodoke.account.Accounts.class).create(NotifyWorld.SYSTEM_ADMIN,
                new io.otodoke.account.Accounts.NewUser(email, "LINE 花子", io.otodoke.account.Role.SHOPPER, p.tenantId(),
                        null, "line-test-password-1"));
        LineLinks links = context.getBean(LineLinks.class);
        // the settings page: a button, then the code to send, with the time it expires
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
                                .user(email).password("line-test-password-1"))
                .andReturn().getRequest().getSession(false);
        var settings = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/account/notifications");
        String before = mvc.perform(settings.session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).contains("LINE で受け取る", "LINE と連携する").doesNotContain("連携を解除する");
        var asked = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/account/notifications/line/code").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/account/notifications#line");
        String shown = mvc.perform(settings.session(session).flashAttrs(asked.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("次のコードをトークで送ってください", "有効です");
        String onPage = shown.replaceAll("(?s).*class=\"line-code mono\">(\\d{6})<.*", "$1");
        LineLinks.Code code = links.newCode(shopper.id(), p.tenantId(), email);
        assertThat(code.code()).as("a newer code replaces the one on the page").isNotNull();
        assertThat(onPage).matches("\\d{6}");
        String lineUser = userId();

        assertThat(webhook(message(lineUser, "r-forged", code.code()), "someone-else").statusCode()).isEqualTo(401);
        assertThat(LINE.repliesTo("r-forged")).isEmpty();
        assertThat(links.lineUserOf(shopper.id())).isEmpty();

        // typed with full-width digits and a space, as a phone keyboard may
        String typed = code.code().chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
        HttpResponse<String> linked = webhook(message(lineUser, "r-1", typed.substring(0, 3) + " " + typed.substring(3)), SECRET);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(links.lineUserOf(shopper.id())).contains(lineUser);
        assertThat(LINE.repliesTo("r-1")).singleElement().satisfies(r -> assertThat(r.text()).contains("連携しました", "1 件"));
        assertThat(mvc.perform(settings.session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("LINE と連携しています", "連携を解除する");
        // the code shown first was replaced by the newer one: it links nobody
        webhook(message(userId(), "r-old", onPage), SECRET);
        assertThat(LINE.repliesTo("r-old")).singleElement().satisfies(r -> assertThat(r.text()).contains("有効期限"));

        // a code works once
        webhook(message(lineUser, "r-2", code.code()), SECRET);
        assertThat(LINE.repliesTo("r-2")).singleElement().satisfies(r -> assertThat(r.text()).contains("有効期限"));

        world.event(p, "ofd", TrackingStatus.OUT_FOR_DELIVERY, Instant.now().minusSeconds(60));
        await("the push", Duration.ofSeconds(20), () -> LINE.accepted(lineUser).size() == 1);
        assertThat(LINE.accepted(lineUser).getFirst().text()).contains(p.trackingNumber());

        String unfollow = """
                {"destination":"Uxxxxxxxx","events":[{"type":"unfollow","mode":"active","timestamp":1767225600000,
                 "source":{"type":"user","userId":"%s"},"webhookEventId":"01J","deliveryContext":{"isRedelivery":false}}]}"""
                .formatted(lineUser);
        assertThat(webhook(unfollow, SECRET).statusCode()).isEqualTo(200);
        assertThat(links.lineUserOf(shopper.id())).isEmpty();
        assertThat(world.subscriptions.ofUser(shopper.id())).noneMatch(s -> s.channel().equals("line"));
        assertThat(webhook("not json", SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void outForDeliveryPushesOneTextWithTheTrackingNumberAndLinkAndADuplicateEventPushesNothing() throws Exception {
        String user = userId();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        subscribe(p, user);
        Instant at = Instant.now().minusSeconds(60);
        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at);
        await("the push", Duration.ofSeconds(20), () -> LINE.to(user).size() == 1);

        FakeLine.Push push = LINE.to(user).getFirst();
        assertThat(push.status()).isEqualTo(200); // the fake checked the token, the JSON and the retry key
        assertThat(push.text()).startsWith("【本日お届け予定】お荷物は配達中です")
                .contains(p.trackingNumber(), "配送状況: http://otodoke.test/track?numbers=" + p.trackingNumber(),
                        "配信停止: http://otodoke.test/unsubscribe/");
        long row = world.jdbc.sql("select id from notify_notifications where shipment_id = ?").param(p.shipmentId())
                .query(Long.class).single();
        assertThat(push.retryKey()).isEqualTo(LineChannel.retryKey("otodoke-notification-" + row).toString());

        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at); // the same event again
        Thread.sleep(1500);
        assertThat(LINE.to(user)).hasSize(1);
        assertThat(world.rows(p)).isEqualTo(1);
        assertThat(state(p)).startsWith("SENT 1");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameRetryKeyAndLineTakesTheMessageOnce() throws Exception {
        String user = userId();
        LINE.plan(user, "500-accepted"); // LINE took it, but its answer says 500
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        subscribe(p, user);
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the retry", Duration.ofSeconds(20), () -> LINE.to(user).size() == 2);

        assertThat(LINE.to(user)).extracting(FakeLine.Push::status).containsExactly(500, 409);
        assertThat(LINE.to(user).get(1).retryKey()).isEqualTo(LINE.to(user).get(0).retryKey());
        assertThat(LINE.accepted(user)).hasSize(1);
        await("sent", Duration.ofSeconds(20), () -> state(p).startsWith("SENT 2"));
        Thread.sleep(1500);
        assertThat(LINE.to(user)).hasSize(2);
    }

    @Test
    void aUserIdLineDoesNotKnowFailsAtOnce() throws Exception {
        String user = userId();
        LINE.plan(user, "400");
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        subscribe(p, user);
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the push", Duration.ofSeconds(20), () -> LINE.to(user).size() == 1);
        await("failed", Duration.ofSeconds(20), () -> state(p).startsWith("FAILED 1"));
        Thread.sleep(1500);
        assertThat(LINE.to(user)).hasSize(1);
    }

    @Test
    void aRefusedTokenIsTheOperatorsProblemAndTheMessageWaitsForTheFix() throws Exception {
        String user = userId();
        LINE.plan(user, "401", "401"); // the operator fixes the token after the second try
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        subscribe(p, user);
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        // the row is PENDING before its first try too: wait for the refusal itself
        await("the refusal on record", Duration.ofSeconds(20),
                () -> state(p).startsWith("PENDING") && state(p).contains("(401)"));
        assertThat(state(p)).contains("LINE refused the channel access token (401)").doesNotContain(FakeLine.TOKEN, user);
        await("the third try", Duration.ofSeconds(20), () -> LINE.to(user).size() == 3);

        assertThat(LINE.to(user)).extracting(FakeLine.Push::status).containsExactly(401, 401, 200);
        await("sent", Duration.ofSeconds(20), () -> state(p).startsWith("SENT 3"));
    }

    @Test
    void aStuckParcelIsToldOncePerReasonWithWhatToDo() throws Exception {
        String user = userId();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        subscribe(p, user);
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ShipmentStale stale = new ShipmentStale(p.shipmentId(), p.tenantId(), StaleReason.NO_UPDATE, since);
        tx.executeWithoutResult(s -> events.publishEvent(stale));
        await("the push", Duration.ofSeconds(20), () -> LINE.to(user).size() == 1);
        assertThat(LINE.to(user).getFirst().text())
                .startsWith("【お知らせ】お荷物の追跡情報が更新されていません（" + p.trackingNumber() + "）")
                .contains("まず配送業者の公式追跡ページをご確認のうえ、追跡番号を添えて配送業者へお問い合わせください。");

        tx.executeWithoutResult(s -> events.publishEvent(stale)); // delivered twice
        tx.executeWithoutResult(s -> events.publishEvent(new ShipmentStale(p.shipmentId(), p.tenantId(),
                StaleReason.NOT_DELIVERED_TODAY, since.plusSeconds(3600))));
        await("the second reason", Duration.ofSeconds(20), () -> LINE.to(user).size() == 2);
        assertThat(LINE.to(user).get(1).text()).contains("配達担当の営業所・郵便局へお問い合わせください。");
        Thread.sleep(1500);
        assertThat(LINE.to(user)).hasSize(2);
        assertThat(world.rows(p)).isEqualTo(2);
    }
}
