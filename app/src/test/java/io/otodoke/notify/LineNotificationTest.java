package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.tracking.ShipmentStale;
import io.otodoke.tracking.StaleReason;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        "otodoke.notify.line.channel-access-token=" + FakeLine.TOKEN})
class LineNotificationTest {

    static final FakeLine LINE;

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
        await("sent", Duration.ofSeconds(5), () -> state(p).startsWith("SENT 2"));
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
        await("failed", Duration.ofSeconds(5), () -> state(p).startsWith("FAILED 1"));
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
        await("the refusal on record", Duration.ofSeconds(20), () -> state(p).startsWith("PENDING"));
        assertThat(state(p)).contains("LINE refused the channel access token (401)").doesNotContain(FakeLine.TOKEN, user);
        await("the third try", Duration.ofSeconds(20), () -> LINE.to(user).size() == 3);

        assertThat(LINE.to(user)).extracting(FakeLine.Push::status).containsExactly(401, 401, 200);
        await("sent", Duration.ofSeconds(5), () -> state(p).startsWith("SENT 3"));
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
