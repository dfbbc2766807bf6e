package io.otodoke.notify;

import static io.otodoke.notify.NotifyWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.otodoke.OtodokeTest;
import io.otodoke.account.AuditLog;
import io.otodoke.tracking.TrackingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The webhook channel end to end against a real HTTP receiver in this JVM: an event ingested by
 * tracking, the outbox, the dispatcher, the signed POST as received.
 */
@OtodokeTest
@TestPropertySource(properties = {"otodoke.notify.quiet-start=00:00", "otodoke.notify.quiet-end=00:00",
        "otodoke.notify.dispatcher.interval=PT0.5S", "otodoke.notify.webhook.allow-http-loopback=true"})
class WebhookNotificationTest {

    static final WebhookReceiver RECEIVER;

    static {
        try {
            RECEIVER = new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
        SMTP.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    AuditLog audit;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;
    NotifyWorld world;

    @BeforeEach
    void world() {
        world = new NotifyWorld(context);
    }

    static String path() {
        return "/hook/" + UUID.randomUUID();
    }

    /** Verifies Otodoke-Signature as a receiver does (docs/notifications.md): true when it matches and is fresh. */
    static boolean validSignature(WebhookReceiver.Received r, String secret) {
        String header = r.header("Otodoke-Signature");
        long t = Long.parseLong(header.replaceAll(".*t=(\\d+).*", "$1"));
        String v1 = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
        return Math.abs(Instant.now().getEpochSecond() - t) <= 300
                && java.security.MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
                WebhookSignature.hmac(secret, t, r.body().getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aMilestoneOfTheShopsShipmentIsPostedOnceSignedWithTheEventIdAndADuplicateEventPostsNothing() throws Exception {
        String path = path();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        var created = endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        Instant at = Instant.now().minusSeconds(60);
        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at);
        await("the POST", Duration.ofSeconds(20), () -> RECEIVER.at(path).size() == 1);

        WebhookReceiver.Received r = RECEIVER.at(path).getFirst();
        assertThat(validSignature(r, created.secret())).as(r.header("Otodoke-Signature")).isTrue();
        assertThat(validSignature(r, "whsec_someone-else")).isFalse();
        assertThat(r.header("Otodoke-Event-Id")).matches("otodoke-notification-\\d+");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("User-Agent")).startsWith("Otodoke-Webhooks/");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("id").asString()).isEqualTo(r.header("Otodoke-Event-Id"));
        assertThat(body.get("type").asString()).isEqualTo("milestone");
        assertThat(body.get("milestone").asString()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(body.get("shipment").get("id").asLong()).isEqualTo(p.shipmentId());
        assertThat(body.get("shipment").get("trackingNumber").asString()).isEqualTo(p.trackingNumber());
        assertThat(body.get("shipment").get("carrier").asString()).isEqualTo("yamato");
        assertThat(body.get("shipment").get("status").asString()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(body.get("order").get("number").asString()).startsWith("N-");
        assertThat(r.body()).doesNotContain("buyer@example.jp", "受取 花子");

        world.event(p, "ofd-1", TrackingStatus.OUT_FOR_DELIVERY, at); // the same event again
        Thread.sleep(1500);
        assertThat(RECEIVER.at(path)).hasSize(1);
        assertThat(endpoints.find(p.tenantId(), created.endpoint().id()).orElseThrow().lastStatus()).isEqualTo(204);
    }

    @Test
    void theShopIsToldOfADeliveryChangeWithWhatWasAskedAndWhatCameOfIt() throws Exception {
        String path = path();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        world.event(p, "absent", TrackingStatus.DELIVERY_ATTEMPTED, Instant.now().minusSeconds(60));
        var changes = context.getBean(io.otodoke.delivery.DeliveryChanges.class);
        var shop = new io.otodoke.account.Caller(io.otodoke.account.Role.OPERATOR, p.tenantId(), null, null, null, "test");
        java.time.LocalDate date = changes.options(shop, p.shipmentId()).dates().get(1).date();
        changes.request(shop, p.shipmentId(), new io.otodoke.delivery.ChangeRequest(io.otodoke.delivery.ChangeKind.REDELIVERY,
                date, "19-21", null, null, null), "hook-" + p.trackingNumber());
        java.util.function.Supplier<java.util.List<JsonNode>> changed = () -> RECEIVER.at(path).stream()
                .map(r -> json.readTree(r.body())).filter(b -> b.get("milestone").asString().equals("DELIVERY_CHANGED")).toList();
        await("the POST", Duration.ofSeconds(20), () -> changed.get().size() == 1);

        JsonNode data = changed.get().getFirst().get("data");
        assertThat(data.get("changeKind").asString()).isEqualTo("REDELIVERY");
        assertThat(data.get("changeOutcome").asString()).isEqualTo("CARRIER_TO_CONFIRM");
        assertThat(data.get("changeDate").asString()).isEqualTo(date.toString());
        assertThat(data.get("changeSlot").asString()).isEqualTo("19-21");
        assertThat(data.get("changeUrl").asString()).as("the carrier's page, where it confirms").startsWith("https://");
        assertThat(changed.get().getFirst().get("shipment").get("id").asLong()).isEqualTo(p.shipmentId());
    }

    @Test
    void aReceiverErrorIsTriedAgainLaterAndSucceeds() throws Exception {
        String path = path();
        RECEIVER.answer(path, 500);
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        var created = endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("the first try", Duration.ofSeconds(20), () -> RECEIVER.at(path).size() == 1);
        await("the failure recorded", Duration.ofSeconds(20), () -> "PENDING".equals(state(p)));
        Instant next = world.jdbc.sql("select next_attempt_at from notify_notifications where shipment_id = ?")
                .param(p.shipmentId()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(next).isAfter(Instant.now().plusSeconds(30)); // backoff: a minute
        assertThat(endpoints.find(p.tenantId(), created.endpoint().id()).orElseThrow().consecutiveFailures()).isEqualTo(1);

        RECEIVER.answer(path, 200);
        // a minute later
        world.jdbc.sql("update notify_notifications set next_attempt_at = now() where shipment_id = ?").param(p.shipmentId()).update();
        await("the second try", Duration.ofSeconds(20), () -> RECEIVER.at(path).size() == 2);
        await("sent", Duration.ofSeconds(20), () -> "SENT".equals(state(p)));
        assertThat(RECEIVER.at(path).get(1).header("Otodoke-Event-Id")).isEqualTo(RECEIVER.at(path).get(0).header("Otodoke-Event-Id"));
        assertThat(endpoints.find(p.tenantId(), created.endpoint().id()).orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void twentyFailuresInARowDisableTheEndpointWithOneAlertAndItsNextMessagesFailAtOnce() throws Exception {
        String path = path();
        RECEIVER.answer(path, 503);
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        var created = endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        context.getBean(io.otodoke.account.Accounts.class).create(NotifyWorld.SYSTEM_ADMIN, new io.otodoke.account.Accounts.NewUser(
                operator, "店長", io.otodoke.account.Role.OPERATOR, p.tenantId(), null, "operator-password-1"));
        long subscription = world.jdbc.sql("select id from notify_subscriptions where tenant_id = ? and channel = 'webhook'")
                .param(p.tenantId()).query(Long.class).single();
        for (int i = 0; i < 20; i++) { // twenty messages due now, each failing once
            world.jdbc.sql("""
                    insert into notify_notifications (subscription_id, shipment_id, milestone, attempt_key, next_attempt_at)
                    values (?, ?, 'EXCEPTION', ?, now())""").params(subscription, p.shipmentId(), "k" + i).update();
        }
        dispatcher.dispatchDue();
        await("twenty tries", Duration.ofSeconds(30), () -> RECEIVER.at(path).size() == 20);
        long id = created.endpoint().id();
        await("disabled", Duration.ofSeconds(20), () -> !endpoints.find(p.tenantId(), id).orElseThrow().enabled());
        WebhookEndpoint e = endpoints.find(p.tenantId(), id).orElseThrow();
        assertThat(e.disabledReason()).isEqualTo("20 failed tries in a row");
        assertThat(audit.recent(100, WebhookEndpoints.DISABLED)).filteredOn(a -> a.target().equals("webhook-endpoint:" + id))
                .singleElement().satisfies(a -> assertThat(a.tenantId()).isEqualTo(p.tenantId()));
        // the shop's operator is told by e-mail, once
        await("the operator's mail", Duration.ofSeconds(20), () -> NotifyWorld.mailsTo(SMTP, operator).size() == 1);
        jakarta.mail.internet.MimeMessage alert = NotifyWorld.mailsTo(SMTP, operator).getFirst();
        assertThat(alert.getSubject()).contains("Webhook の送信先を停止しました");
        assertThat((String) alert.getContent()).contains(path, "20 failed tries in a row", "/webhooks");

        // its messages fail without a POST
        world.jdbc.sql("update notify_notifications set next_attempt_at = now() where shipment_id = ?").param(p.shipmentId()).update();
        dispatcher.dispatchDue(); // or the scheduled run that is under way sends them
        await("twenty failed", Duration.ofSeconds(20), () -> world.jdbc.sql(
                "select count(*) from notify_notifications where shipment_id = ? and state = 'FAILED'")
                .param(p.shipmentId()).query(Long.class).single() == 20);
        assertThat(RECEIVER.at(path)).hasSize(20);
    }

    @Test
    void aBatchSendsEachOfItsRowsOnceAndDropsARowAboutAnotherTenantsShipment() throws Exception {
        String path = path();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        NotifyWorld.Parcel other = world.parcel("other@example.jp");
        endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        long subscription = world.jdbc.sql("select id from notify_subscriptions where tenant_id = ? and channel = 'webhook'")
                .param(p.tenantId()).query(Long.class).single();
        for (int i = 0; i < 7; i++) {
            world.jdbc.sql("""
                    insert into notify_notifications (subscription_id, shipment_id, milestone, attempt_key, next_attempt_at)
                    values (?, ?, 'EXCEPTION', ?, now())""").params(subscription, p.shipmentId(), "b" + i).update();
        }
        // a row that should never exist: this tenant's endpoint, another tenant's shipment
        world.jdbc.sql("""
                insert into notify_notifications (subscription_id, shipment_id, milestone, attempt_key, next_attempt_at)
                values (?, ?, 'EXCEPTION', 'x', now())""").params(subscription, other.shipmentId()).update();
        dispatcher.dispatchDue();
        await("seven POSTs", Duration.ofSeconds(20), () -> RECEIVER.at(path).size() == 7);
        await("recorded", Duration.ofSeconds(20), () -> world.jdbc.sql(
                "select count(*) from notify_notifications where subscription_id = ? and state = 'SENT'")
                .param(subscription).query(Long.class).single() == 7);
        assertThat(RECEIVER.at(path)).extracting(r -> r.header("Otodoke-Event-Id")).doesNotHaveDuplicates();
        assertThat(RECEIVER.at(path)).allSatisfy(r -> assertThat(r.body()).doesNotContain(other.trackingNumber()));
        assertThat(world.jdbc.sql("select state from notify_notifications where shipment_id = ?")
                .param(other.shipmentId()).query(String.class).list()).containsExactly("DROPPED");
        dispatcher.dispatchDue();
        Thread.sleep(500);
        assertThat(RECEIVER.at(path)).hasSize(7);
    }

    @Test
    void a410GoneDisablesTheEndpointAtOnce() throws Exception {
        String path = path();
        RECEIVER.answer(path, 410);
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        var created = endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        world.event(p, "picked", TrackingStatus.PICKED_UP, Instant.now().minusSeconds(60));
        await("failed", Duration.ofSeconds(20), () -> "FAILED".equals(state(p)));
        WebhookEndpoint e = endpoints.find(p.tenantId(), created.endpoint().id()).orElseThrow();
        assertThat(e.enabled()).isFalse();
        assertThat(e.disabledReason()).contains("410");
    }

    @Test
    void theApiMakesAnEndpointShowsItsSecretOnceAndSendsATestEvent() throws Exception {
        String path = path();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> made = http.send(api("/api/v1/webhook-endpoints")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + RECEIVER.url(path) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode endpoint = json.readTree(made.body());
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        long id = endpoint.get("id").asLong();

        HttpResponse<String> listed = http.send(api("/api/v1/webhook-endpoints").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains(RECEIVER.url(path)).doesNotContain(secret);

        HttpResponse<String> tested = http.send(api("/api/v1/webhook-endpoints/" + id + "/test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(json.readTree(tested.body()).get("status").asInt()).isEqualTo(204);
        WebhookReceiver.Received r = RECEIVER.at(path).getFirst();
        assertThat(json.readTree(r.body()).get("type").asString()).isEqualTo("test");
        assertThat(validSignature(r, secret)).isTrue();

        HttpResponse<String> plainHttp = http.send(api("/api/v1/webhook-endpoints")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://shop.example.jp/hook\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("https");

        HttpResponse<String> deleted = http.send(api("/api/v1/webhook-endpoints/" + id).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void theOperatorsPageListsTheEndpointsShowsADisabledOnesReasonAndSendsATestEvent() throws Exception {
        String path = path();
        NotifyWorld.Parcel p = world.parcel("buyer@example.jp");
        var created = endpoints.create(p.tenantId(), RECEIVER.url(path), EnumSet.allOf(Milestone.class), "test");
        world.jdbc.sql("update notify_webhook_endpoints set enabled = false, disabled_reason = '20 failed tries in a row' where id = ?")
                .param(created.endpoint().id()).update();
        var operator = new io.otodoke.account.Caller(io.otodoke.account.Role.OPERATOR, p.tenantId(), null, null, null, "test");
        var auth = SecurityMockMvcRequestPostProcessors.authentication(new UsernamePasswordAuthenticationToken(operator, null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();

        var page = mvc.perform(MockMvcRequestBuilders.get("/webhooks").with(auth))
                .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getContentAsString()).contains(RECEIVER.url(path), "20 failed tries in a row", "disabled-" + created.endpoint().id())
                .doesNotContain(created.secret());

        mvc.perform(MockMvcRequestBuilders.post("/webhooks/" + created.endpoint().id() + "/test").with(auth)
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(MockMvcResultMatchers.status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash().attributeExists("test"));
        assertThat(RECEIVER.at(path)).singleElement().satisfies(r -> assertThat(r.body()).contains("\"type\":\"test\""));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + OtodokeTest.API_KEY).header("Content-Type", "application/json");
    }

    private String state(NotifyWorld.Parcel p) {
        return world.jdbc.sql("select state from notify_notifications where shipment_id = ?").param(p.shipmentId())
                .query(String.class).optional().orElse(null);
    }
}
