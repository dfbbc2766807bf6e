package io.otodoke.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.delivery.DeliveryChangeTimes;
import io.otodoke.tracking.Deliveries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The delivery figures on real data: four parcels of one shop — delivered at once; attempted then
 * delivered; changed before the first attempt then delivered at once (a redelivery avoided);
 * changed after a failed attempt — and an empty shop that has no figures, not zeros.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Tenants tenants;
    @Autowired
    Credentials credentials;
    @Autowired
    Accounts accounts;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryChangeTimes changeTimes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Five days ago on the hour: every event of the test lies after it. */
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(5));
    Shop shop;
    Shop empty;
    String op;
    String opEmpty;
    int numbers;

    @BeforeAll
    void aShopWithFourDeliveredParcels() throws Exception {
        shop = tenants.create(SYSTEM_ADMIN, "in-a-" + run, "Shop A", false);
        empty = tenants.create(SYSTEM_ADMIN, "in-b-" + run, "Shop B", false);
        op = credentials.issueApiKey(SYSTEM_ADMIN, "op", Role.OPERATOR, shop.id(), null).secret();
        opEmpty = credentials.issueApiKey(SYSTEM_ADMIN, "op", Role.OPERATOR, empty.id(), null).secret();
        long first = parcel(null, "DELIVERED@+2h");
        long attempted = parcel(null, "DELIVERY_ATTEMPTED@+2h", "DELIVERED@+26h");
        long changedBefore = parcel("+1h", "DELIVERED@+27h");
        long changedAfter = parcel("+3h", "DELIVERY_ATTEMPTED@+2h", "DELIVERED@+28h");
        assertThat(first + attempted + changedBefore + changedAfter).isPositive();
        parcel("+1h"); // changed, not delivered: not in the figures
    }

    /** A Yamato parcel of the shop with a change asked at {@code change} and these events (status@offset from t0). */
    long parcel(String change, String... events) throws Exception {
        String body = String.format("%011d", 30_000_000_000L + Math.abs((run + (++numbers)).hashCode()) % 9_999_999_999L);
        String number = body + (Long.parseLong(body) % 7);
        HttpResponse<String> r = call("POST", "/api/v1/shipments", "{\"carrier\":\"yamato\",\"trackingNumber\":\"" + number
                + "\",\"createdAt\":\"" + t0 + "\"}", op);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = json.readTree(r.body()).get("id").asLong();
        if (change != null) {
            jdbc.update("""
                    insert into delivery_changes (tenant_id, shipment_id, kind, delivery_date, slot, outcome, requested_by,
                        idempotency_key, request_digest, created_at)
                    values (?, ?, 'RESCHEDULE', current_date, '19-21', 'CARRIER_TO_CONFIRM', 'test', ?, 'x', ?)
                    """, shop.id(), id, UUID.randomUUID().toString(), Timestamp.from(at(change)));
        }
        StringBuilder batch = new StringBuilder("[");
        for (String e : events) {
            String[] parts = e.split("@");
            batch.append(batch.length() > 1 ? "," : "").append("""
                    {"carrier":"yamato","trackingNumber":"%s","source":"test","status":"%s","occurredAt":"%s"}
                    """.formatted(number, parts[0], at(parts[1]).atOffset(ZoneOffset.ofHours(9))));
        }
        if (events.length > 0) {
            HttpResponse<String> ingested = call("POST", "/api/v1/events", batch.append("]").toString(), op);
            assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        }
        return id;
    }

    Instant at(String offset) {
        return t0.plus(Duration.ofHours(Long.parseLong(offset.replace("+", "").replace("h", ""))));
    }

    HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Insights at(Instant now, double factor) {
        return new Insights(deliveries, changeTimes, new InsightsProperties(factor, null), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theFiguresCountWhatHappenedOverTheLast30Days() {
        Caller operator = new Caller(Role.OPERATOR, shop.id(), null, null, null, "test");
        DeliveryInsights f = at(t0.plus(Duration.ofDays(3)), 470).delivery(operator, null, null);
        assertThat(f.deliveredShipments()).isEqualTo(4);
        assertThat(f.firstAttemptDeliveries()).isEqualTo(2);
        assertThat(f.firstAttemptRate()).isEqualTo(0.5);
        assertThat(f.redeliveriesAvoided()).as("only the change before the first attempt, delivered at once").isEqualTo(1);
        assertThat(f.co2SavedGrams()).isEqualTo(470);
        assertThat(f.noData()).isFalse();
        assertThat(f.to()).isEqualTo(t0.plus(Duration.ofDays(3)));
        assertThat(f.from()).isEqualTo(f.to().minus(Duration.ofDays(30)));

        assertThat(at(t0.plus(Duration.ofDays(3)), 1000).delivery(operator, null, null).co2SavedGrams())
                .as("the factor is configurable").isEqualTo(1000);
        DeliveryInsights early = at(t0.plus(Duration.ofHours(25)), 470).delivery(operator, null, null);
        assertThat(early.deliveredShipments()).as("delivered by then: the first parcel only").isEqualTo(1);
        assertThat(early.firstAttemptRate()).isEqualTo(1.0);
        DeliveryInsights later = at(t0.plus(Duration.ofDays(40)), 470).delivery(operator, null, null);
        assertThat(later.noData()).as("all of it more than 30 days before").isTrue();
        assertThat(later.firstAttemptRate()).isNull();
        assertThat(later.co2SavedGrams()).isZero();
    }

    @Test
    void theApiGivesTheShopsOwnFiguresAndAnEmptyShopHasNone() throws Exception {
        JsonNode a = json.readTree(call("GET", "/api/v1/insights/delivery", null, op).body());
        assertThat(a.get("deliveredShipments").asLong()).isEqualTo(4);
        assertThat(a.get("redeliveriesAvoided").asLong()).isEqualTo(1);
        assertThat(a.get("co2PerRedeliveryGrams").asDouble()).isEqualTo(470);
        JsonNode b = json.readTree(call("GET", "/api/v1/insights/delivery", null, opEmpty).body());
        assertThat(b.get("noData").asBoolean()).isTrue();
        assertThat(b.path("firstAttemptRate").isMissingNode() || b.path("firstAttemptRate").isNull()).as("no rate, not 0").isTrue();
        assertThat(b.get("deliveredShipments").asLong()).isZero();
        HttpResponse<String> bad = call("GET", "/api/v1/insights/delivery?from=yesterday", null, op);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/insights/delivery?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", null, op)
                .statusCode()).isEqualTo(400);
        JsonNode window = json.readTree(call("GET", "/api/v1/insights/delivery?from=" + t0 + "&to="
                + t0.plus(Duration.ofHours(26)).plusSeconds(1), null, op).body());
        assertThat(window.get("deliveredShipments").asLong()).isEqualTo(2);
    }

    @Test
    void theOperatorsPageShowsTheFiguresOrSaysThereAreNone() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String a = page(mvc, "in-op-a-" + run + "@example.jp", shop);
        assertThat(a).contains("配達の指標", "50.0 %", "配達完了 4 件中 2 件", "1 件", "0.5 kg", "470 g");
        String b = page(mvc, "in-op-b-" + run + "@example.jp", empty);
        assertThat(b).contains("この期間に配達完了した荷物はありません").doesNotContain("0.0 %");
    }

    private String page(MockMvc mvc, String email, Shop tenant) throws Exception {
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, "op", Role.OPERATOR, tenant.id(), null, "correct horse battery"));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(email).password("correct horse battery"))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        var r = mvc.perform(get("/insights").session(session)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }
}
