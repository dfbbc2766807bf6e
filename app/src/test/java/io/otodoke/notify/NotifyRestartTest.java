package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static io.otodoke.notify.NotifyWorld.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.otodoke.OtodokeApplication;
import io.otodoke.tracking.TrackingStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The delivery guarantee across a restart: the application is stopped after the event was
 * committed but before the mail went out, and started again on the same database. The mail is sent
 * once after the restart, never twice, whether the node stopped before sending (the row is
 * PENDING), in the middle of sending (the row is SENDING, claimed by the dead node), or before the
 * notify listener had finished (the event publication is incomplete and resubmitted at start).
 */
class NotifyRestartTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    final Path dataDir = Path.of("target", "test-data", "notify-restart-" + UUID.randomUUID());

    ConfigurableApplicationContext start(boolean dispatching) {
        return new SpringApplicationBuilder(OtodokeApplication.class).properties(
                "otodoke.data-dir=" + dataDir, "server.port=0", "otodoke.demo.enabled=false",
                "otodoke.connector.polling=false", "otodoke.fleet.osmand-port=-1",
                "spring.mail.host=localhost", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                "otodoke.notify.quiet-start=00:00", "otodoke.notify.quiet-end=00:00",
                "otodoke.notify.dispatcher.enabled=" + dispatching, "otodoke.notify.dispatcher.interval=PT0.5S",
                "otodoke.notify.dispatcher.claim-timeout=PT1M").run("--server.port=0");
    }

    @Test
    void messagesLeftPendingOrHalfSentBeforeAStopAreSentOnceAfterTheRestart() throws Exception {
        String pending = "pending-" + UUID.randomUUID() + "@example.jp";
        String halfSent = "half-sent-" + UUID.randomUUID() + "@example.jp";
        NotifyWorld.Parcel a;
        NotifyWorld.Parcel b;
        Instant at = Instant.now().minusSeconds(60);
        try (ConfigurableApplicationContext first = start(false)) {
            NotifyWorld world = new NotifyWorld(first);
            a = world.parcel("buyer@example.jp");
            b = world.parcel("buyer@example.jp");
            world.subscribe(a, pending, "ja");
            world.subscribe(b, halfSent, "ja");
            world.event(a, "ofd", TrackingStatus.OUT_FOR_DELIVERY, at);
            world.event(b, "ofd", TrackingStatus.OUT_FOR_DELIVERY, at);
            await("both messages in the outbox", Duration.ofSeconds(20), () -> world.rows(a) == 1 && world.rows(b) == 1);
            // b's row was claimed by a node that died before its channel call finished
            world.jdbc.sql("update notify_notifications set state = 'SENDING', attempts = 1, claimed_at = now() - interval '2 minutes' where shipment_id = ?")
                    .param(b.shipmentId()).update();
        }
        assertThat(mailsTo(SMTP, pending)).isEmpty();

        try (ConfigurableApplicationContext second = start(true)) {
            NotifyWorld world = new NotifyWorld(second);
            await("both mails", Duration.ofSeconds(30), () -> mailsTo(SMTP, pending).size() == 1
                    && mailsTo(SMTP, halfSent).size() == 1);
            world.event(a, "ofd", TrackingStatus.OUT_FOR_DELIVERY, at); // the carrier sends the event again
            Thread.sleep(2000);
            assertThat(mailsTo(SMTP, pending)).hasSize(1);
            assertThat(mailsTo(SMTP, halfSent)).hasSize(1);
            assertThat(states(world, a)).isEqualTo("SENT");
            assertThat(states(world, b)).isEqualTo("SENT");
        }
    }

    @Test
    void anEventWhoseListenerHadNotFinishedIsResubmittedAtStartAndSentOnce() throws Exception {
        String to = "resubmitted-" + UUID.randomUUID() + "@example.jp";
        NotifyWorld.Parcel p;
        try (ConfigurableApplicationContext first = start(false)) {
            NotifyWorld world = new NotifyWorld(first);
            p = world.parcel("buyer@example.jp");
            world.subscribe(p, to, "en");
            world.event(p, "ofd", TrackingStatus.OUT_FOR_DELIVERY, Instant.now().minusSeconds(60));
            await("the message in the outbox", Duration.ofSeconds(20), () -> world.rows(p) == 1);
            // As if the node died inside the listener's transaction: its row rolled back, and the event
            // publication was never marked complete.
            world.jdbc.sql("delete from notify_notifications where shipment_id = ?").param(p.shipmentId()).update();
            int reopened = world.jdbc.sql("""
                    update event_publication set completion_date = null, status = 'PUBLISHED'
                    where listener_id like '%MilestoneListener%' and serialized_event like ?""")
                    .param("%\"shipmentId\":" + p.shipmentId() + ",%").update();
            assertThat(reopened).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(true)) {
            NotifyWorld world = new NotifyWorld(second);
            await("the mail", Duration.ofSeconds(30), () -> mailsTo(SMTP, to).size() == 1);
            Thread.sleep(2000);
            assertThat(mailsTo(SMTP, to)).hasSize(1);
            assertThat(mailsTo(SMTP, to).getFirst().getSubject()).startsWith("Out for delivery today");
            assertThat(states(world, p)).isEqualTo("SENT");
        }
    }

    private static String states(NotifyWorld world, NotifyWorld.Parcel p) {
        return world.jdbc.sql("select string_agg(state, ',') from notify_notifications where shipment_id = ?")
                .param(p.shipmentId()).query(String.class).single();
    }
}
