package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static io.otodoke.notify.NotifyWorld.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.UserAccount;
import io.otodoke.claims.Claim;
import io.otodoke.claims.ClaimKind;
import io.otodoke.claims.ClaimOutcome;
import io.otodoke.claims.Claims;
import io.otodoke.delivery.ChangeKind;
import io.otodoke.delivery.ChangeRequest;
import io.otodoke.delivery.DeliveryChanges;
import io.otodoke.tracking.DeliveryEstimate;
import io.otodoke.tracking.DeliveryEstimates;
import io.otodoke.tracking.TrackingStatus;
import java.time.LocalDate;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The e-mail channel end to end against GreenMail, an SMTP server in this JVM: an event ingested by
 * tracking, the outbox, the dispatcher, the mail as received. Quiet hours are off here (they are
 * tested with fixed clocks in QuietHoursTest), except where a user chose their own.
 */
@OtodokeTest
@TestPropertySource(properties = {"otodoke.notify.quiet-start=00:00", "otodoke.notify.quiet-end=00:00",
        "otodoke.notify.dispatcher.interval=PT0.5S", "otodoke.notify.base-url=http://otodoke.test",
        "otodoke.notify.mail.from=Otodoke <notify@otodoke.test>"})
class EmailNotificationTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    PreferenceStore preferences;
    @Autowired
    Accounts accounts;
    @LocalServerPort
    int port;
    NotifyWorld world;

    @BeforeEach
    void world() {
        world = new NotifyWorld(context);
    }

    static String address() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    @Test
    void outForDeliverySendsOneJapaneseMailWithTheTrackingNumberAndADuplicateEventSendsNothing() throws Exception {
        String to = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        world.subscribe(p, to, "ja");
        Instant at = Instant.now().minusSeconds(60);
        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at);
        await("the mail", Duration.ofSeconds(20), () -> mailsTo(SMTP, to).size() == 1);

        MimeMessage mail = mailsTo(SMTP, to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("【本日お届け予定】お荷物は配達中です（ヤマト運輸（クロネコヤマト） "
                + p.trackingNumber() + "）");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        assertThat(mail.getFrom()[0].toString()).contains("notify@otodoke.test");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<otodoke-notification-\\d+@otodoke.test>");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://otodoke.test/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(body).contains("text/plain", "text/html");
        String text = decoded(mail);
        assertThat(text).contains("お荷物は本日配達中です。", p.trackingNumber(), "http://otodoke.test/track?numbers=" + p.trackingNumber());

        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at); // the same event again
        Thread.sleep(1500);
        assertThat(mailsTo(SMTP, to)).hasSize(1);
        assertThat(world.rows(p)).isEqualTo(1);
    }

    @Test
    void aForecastMovedToAnotherDayIsToldOnceWithTheNewDay() throws Exception {
        String to = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        world.subscribe(p, to, "ja");
        DeliveryEstimates estimates = context.getBean(DeliveryEstimates.class);
        estimates.record(p.shipmentId(), new DeliveryEstimate(LocalDate.of(2026, 12, 3), null));
        estimates.record(p.shipmentId(), new DeliveryEstimate(LocalDate.of(2026, 12, 5), "14:00-16:00"));
        estimates.record(p.shipmentId(), new DeliveryEstimate(LocalDate.of(2026, 12, 5), "14:00-16:00"));
        await("the mail", Duration.ofSeconds(20), () -> mailsTo(SMTP, to).size() == 1);

        MimeMessage mail = mailsTo(SMTP, to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("【お届け予定日の変更】ヤマト運輸（クロネコヤマト） 伝票番号 " + p.trackingNumber());
        assertThat(decoded(mail)).contains("お荷物のお届け予定日が 2026年12月5日(土) 14:00-16:00 に変わりました。");
        Thread.sleep(1500);
        assertThat(mailsTo(SMTP, to)).hasSize(1);
    }

    @Test
    void aClaimApprovedWithAReshipTellsTheReplacementParcelInBothLanguages() throws Exception {
        String ja = address();
        String en = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        world.event(p, "delivered", TrackingStatus.DELIVERED, Instant.now().minusSeconds(60));
        world.subscribe(p, ja, "ja");
        world.subscribe(p, en, "en");
        Claims claims = context.getBean(Claims.class);
        Caller shop = new Caller(Role.OPERATOR, p.tenantId(), null, null, null, "test");
        Claim c = claims.file(shop, p.shipmentId(), new Claims.NewClaim(ClaimKind.NOT_RECEIVED, null));
        String body = String.format("%011d", 30_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9_999_999_999L);
        String number = body + (Long.parseLong(body) % 7);
        claims.approve(shop, c.id(), ClaimOutcome.RESHIP, null, new Claims.Replacement("yamato", number));
        // (a DELIVERED mail may come too, when its listener ran after the subscriptions were made)
        await("the mails", Duration.ofSeconds(20), () -> mailsTo(SMTP, ja).stream().anyMatch(m -> subject(m).contains(number))
                && mailsTo(SMTP, en).stream().anyMatch(m -> subject(m).contains(number)));

        MimeMessage mail = mailsTo(SMTP, ja).stream().filter(m -> subject(m).contains(number)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【再送のお知らせ】代わりのお荷物をお送りします（ヤマト運輸（クロネコヤマト） " + number + "）");
        assertThat(decoded(mail)).contains("お申し出を承認し、代わりのお荷物を再送します。",
                "再送のお荷物: ヤマト運輸（クロネコヤマト） 伝票番号 " + number,
                "http://otodoke.test/track?numbers=" + number, "伝票番号: " + p.trackingNumber());
        MimeMessage english = mailsTo(SMTP, en).stream().filter(m -> subject(m).contains(number)).findFirst().orElseThrow();
        assertThat(english.getSubject()).isEqualTo("We are sending a replacement parcel (Yamato Transport " + number + ")");
        assertThat(decoded(english)).contains("Replacement parcel: Yamato Transport, tracking number " + number);
    }

    @Test
    void aDeliveryChangeHandedToTheCarrierIsToldWithWhatWasAskedAndTheCarriersPage() throws Exception {
        String ja = address();
        String en = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        world.subscribe(p, ja, "ja");
        world.subscribe(p, en, "en");
        world.event(p, "base", TrackingStatus.ARRIVED_AT_DELIVERY_BASE, Instant.now().minusSeconds(60));
        DeliveryChanges changes = context.getBean(DeliveryChanges.class);
        Caller shop = new Caller(Role.OPERATOR, p.tenantId(), null, null, null, "test");
        LocalDate date = changes.options(shop, p.shipmentId()).dates().get(1).date();
        changes.request(shop, p.shipmentId(), new ChangeRequest(ChangeKind.RESCHEDULE, date, "16-18", null, null, null),
                "mail-" + p.trackingNumber());
        await("the mails", Duration.ofSeconds(20), () -> mailsTo(SMTP, ja).stream().anyMatch(m -> subject(m).contains("お届け変更"))
                && mailsTo(SMTP, en).stream().anyMatch(m -> subject(m).contains("delivery change")));

        MimeMessage mail = mailsTo(SMTP, ja).stream().filter(m -> subject(m).contains("お届け変更")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【お届け変更のご依頼】ヤマト運輸（クロネコヤマト）での確定をお願いします（"
                + p.trackingNumber() + "）");
        String day = date.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日(E)", java.util.Locale.JAPANESE));
        assertThat(decoded(mail)).contains("お届けの変更のご依頼を記録しました（お届け日時の変更：" + day + " 16時〜18時）。",
                "変更はヤマト運輸（クロネコヤマト）が確定します。", "ヤマト運輸（クロネコヤマト）でのお手続き: https://");
        MimeMessage english = mailsTo(SMTP, en).stream().filter(m -> subject(m).contains("delivery change")).findFirst()
                .orElseThrow();
        assertThat(english.getSubject()).isEqualTo("Please confirm your delivery change with Yamato Transport ("
                + p.trackingNumber() + ")");
        assertThat(decoded(english)).contains("We have recorded your delivery change (New delivery date and time: ",
                " 16:00–18:00). Yamato Transport confirms it", "Confirm it with Yamato Transport: https://");
        Thread.sleep(1000);
        assertThat(mailsTo(SMTP, ja).stream().filter(m -> subject(m).contains("お届け変更"))).as("once per request").hasSize(1);
    }

    @Test
    void anEnglishSubscriberGetsEnglishAndTheRedeliveryLink() throws Exception {
        String to = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        world.subscribe(p, to, "en");
        world.event(p, "ofd", TrackingStatus.OUT_FOR_DELIVERY, Instant.now().minusSeconds(120));
        // sent before the attempt: once the parcel is back, "out for delivery" would be out of date and dropped
        await("the first mail", Duration.ofSeconds(20), () -> mailsTo(SMTP, to).size() == 1);
        world.event(p, "absent", TrackingStatus.DELIVERY_ATTEMPTED, Instant.now().minusSeconds(60));
        await("two mails", Duration.ofSeconds(20), () -> mailsTo(SMTP, to).size() == 2);

        assertThat(mailsTo(SMTP, to)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Out for delivery today: Yamato Transport " + p.trackingNumber(),
                "We missed you: arrange a redelivery of Yamato Transport " + p.trackingNumber());
        MimeMessage attempted = mailsTo(SMTP, to).stream()
                .filter(m -> subject(m).startsWith("We missed you")).findFirst().orElseThrow();
        assertThat(decoded(attempted)).contains("The driver came by", "Arrange a redelivery: ");
    }

    @Test
    void duringTheUsersQuietHoursTheMessageWaitsAndAUserSubscriptionCoversAllTheirOrders() throws Exception {
        String email = address();
        NotifyWorld.Parcel p = world.parcel(email);
        UserAccount user = accounts.create(NotifyWorld.SYSTEM_ADMIN, new Accounts.NewUser(email, "花子", Role.SHOPPER,
                p.tenantId(), null, "correct horse battery"));
        // quiet all day but the last minute: whatever time the test runs, the message waits
        preferences.save(user.id(), new Preferences("ja", Milestone.defaults(), 3, LocalTime.MIDNIGHT,
                LocalTime.of(23, 59), Set.of()));
        world.subscriptions.subscribe(new Subscriptions.NewSubscription(p.tenantId(), null, null, user.id(), email,
                "email", email, "ja", Milestone.defaults(), 3, "test"));
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the message in the outbox", Duration.ofSeconds(20), () -> world.rows(p) == 1);

        Thread.sleep(1500);
        assertThat(mailsTo(SMTP, email)).isEmpty();
        var row = world.jdbc.sql("select state, next_attempt_at from notify_notifications where shipment_id = ?")
                .param(p.shipmentId()).query((rs, n) -> new Object[]{rs.getString(1), rs.getTimestamp(2).toInstant()}).single();
        assertThat(row[0]).isEqualTo("PENDING");
        assertThat((Instant) row[1]).isAfter(Instant.now());
    }

    @Test
    void theUnsubscribeLinkAsksFirstAndThenUnsubscribes() throws Exception {
        String to = address();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        Subscription s = world.subscribe(p, to, "ja");
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the mail", Duration.ofSeconds(20), () -> mailsTo(SMTP, to).size() == 1);
        String header = mailsTo(SMTP, to).getFirst().getHeader("List-Unsubscribe")[0];
        String path = header.substring("<http://otodoke.test".length(), header.length() - 1);

        HttpClient http = HttpClient.newHttpClient();
        var confirm = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(world.subscriptions.find(s.id())).isPresent();
        var forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/unsubscribe/" + s.id() + ".AAAA"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        // the one-click POST of RFC 8058: no session, no CSRF token
        var oneClick = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(world.subscriptions.find(s.id())).isEmpty();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, decoded. */
    private static String decoded(MimeMessage mail) throws Exception {
        return find((jakarta.mail.Multipart) mail.getContent());
    }

    private static String find(jakarta.mail.Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                String text = find(inner);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
