package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.connector.CarrierHealth;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The support inquiry kit (API and the three pages) and the attention list, over HTTP: the right
 * content for each audience, nothing of another tenant, and nothing private on a share link.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InquiryAndAttentionTest {

    static final String PASSWORD = "correct horse battery";
    static final String YAMATO_PHONE = "0120-01-9625";
    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    Credentials credentials;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CarrierHealth health;

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String opA;
    String opB;
    MockHttpSession operator;
    MockHttpSession shopper;
    JsonNode stuck;
    JsonNode problem;
    JsonNode other;
    String token;

    @BeforeAll
    void twoShopsAStuckAndAnExceptionShipment() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop a = tenants.create(SYSTEM_ADMIN, "ia-" + run, "Shop A " + run, false);
        Shop b = tenants.create(SYSTEM_ADMIN, "ib-" + run, "Shop B " + run, false);
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
        String email = "buyer-" + run + "@example.jp";
        stuck = register(opA, "yamato", "IA-" + run, email);
        problem = register(opA, "sagawa", "IA2-" + run, email);
        other = register(opB, "yamato", "IB-" + run, email);
        jdbc.update("update shipments set status = 'IN_TRANSIT', stale_reason = 'NO_UPDATE', stale_since = now() - interval '4 days'"
                + " where id = ?", stuck.get("id").asLong());
        jdbc.update("update shipments set status = 'EXCEPTION', status_changed_at = now() where id = ?", problem.get("id").asLong());
        jdbc.update("update shipments set status = 'IN_TRANSIT', stale_reason = 'NO_UPDATE', stale_since = now() where id = ?",
                other.get("id").asLong());
        operator = signIn("op-" + run + "@example.jp", Role.OPERATOR, a.id());
        shopper = signIn(email, Role.SHOPPER, a.id());
        String link = mvc.perform(post("/api/v1/shipments/" + stuck.get("id").asLong() + "/share-links")
                .header("Authorization", "Bearer " + opA).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getContentAsString();
        String url = json.readTree(link).get("url").asString();
        token = url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void theApiAssemblesTheKitOfAStuckShipment() throws Exception {
        JsonNode kit = api("/api/v1/shipments/" + stuck.get("id").asLong() + "/inquiry", opA, 200);

        assertThat(kit.get("orderNumber").asString()).isEqualTo("IA-" + run);
        assertThat(kit.get("trackingNumber").asString()).isEqualTo(stuck.get("trackingNumber").asString());
        assertThat(kit.get("carrierName").asString()).isEqualTo("ヤマト運輸（クロネコヤマト）");
        assertThat(kit.get("contact").get("kind").asString()).isEqualTo("CARRIER");
        assertThat(kit.get("contact").get("phone").asString()).isEqualTo(YAMATO_PHONE);
        assertThat(kit.get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(kit.get("statusLabel").asString()).isEqualTo("配送中");
        assertThat(kit.get("staleReason").asString()).isEqualTo("NO_UPDATE");
        assertThat(kit.get("carrierHealth").asString()).isEqualTo("OK");
        assertThat(kit.get("guidance").asString()).isEqualTo("NO_UPDATE");
        assertThat(kit.get("advice").asString()).contains("追跡番号を添えて配送業者へお問い合わせください");
        assertThat(kit.get("copyText").asString()).contains("追跡番号：" + stuck.get("trackingNumber").asString(),
                "注文番号：IA-" + run, "現在の状況：配送中", "しばらく追跡情報が更新されていません");
        assertThat(kit.toString()).doesNotContain("受取 太郎", "千代田1-1", "090-1234-5678", "147038");
    }

    @Test
    void theApiGivesTheExceptionsAdvice() throws Exception {
        JsonNode kit = api("/api/v1/shipments/" + problem.get("id").asLong() + "/inquiry", opA, 200);

        assertThat(kit.get("guidance").asString()).isEqualTo("EXCEPTION");
        assertThat(kit.get("guidanceTitle").asString()).isEqualTo("配送業者から確認が必要との連絡があります");
    }

    @Test
    void anotherTenantsShipmentIsNotFound() throws Exception {
        api("/api/v1/shipments/" + stuck.get("id").asLong() + "/inquiry", opB, 404);
        api("/api/v1/shipments/" + other.get("id").asLong() + "/inquiry", opA, 404);
    }

    @Test
    void theAttentionApiListsStaleAndExceptionShipmentsOfTheScopeWithCounts() throws Exception {
        JsonNode all = api("/api/v1/shipments/attention", opA, 200);
        assertThat(all.get("shipments").findValuesAsString("trackingNumber")).containsExactlyInAnyOrder(
                stuck.get("trackingNumber").asString(), problem.get("trackingNumber").asString());
        assertThat(all.get("byReason").get("NO_UPDATE").asLong()).isEqualTo(1);
        assertThat(all.get("byReason").get("EXCEPTION").asLong()).isEqualTo(1);
        assertThat(all.get("byCarrier").get("yamato").asLong()).isEqualTo(1);
        assertThat(all.get("total").asLong()).isEqualTo(2);

        JsonNode exceptions = api("/api/v1/shipments/attention?reason=EXCEPTION", opA, 200);
        assertThat(exceptions.get("shipments").findValuesAsString("trackingNumber"))
                .containsExactly(problem.get("trackingNumber").asString());
        assertThat(exceptions.get("byReason").get("NO_UPDATE").asLong()).as("counts are facets").isEqualTo(1);

        JsonNode yamato = api("/api/v1/shipments/attention?carrier=yamato&sinceDays=3", opA, 200);
        assertThat(yamato.get("shipments").findValuesAsString("trackingNumber"))
                .containsExactly(stuck.get("trackingNumber").asString());
        assertThat(api("/api/v1/shipments/attention?sinceDays=5", opA, 200).get("total").asLong()).isZero();

        assertThat(api("/api/v1/shipments/attention", opB, 200).get("shipments").findValuesAsString("trackingNumber"))
                .containsExactly(other.get("trackingNumber").asString());
        api("/api/v1/shipments/attention?reason=LOST", opA, 400);
    }

    @Test
    void theAttentionPageListsAndLinksTheShipments() throws Exception {
        String page = page(get("/attention").session(operator), 200);

        assertThat(page).contains(stuck.get("trackingNumber").asString(), problem.get("trackingNumber").asString(),
                "/shipments/" + stuck.get("id").asLong(), "更新なし", "要確認（配送業者）")
                .doesNotContain(other.get("trackingNumber").asString());
        assertThat(page(get("/attention?reason=EXCEPTION").session(operator), 200))
                .doesNotContain(stuck.get("trackingNumber").asString());
    }

    @Test
    void staffSeeTheKitPageAndTheWayToIt() throws Exception {
        long id = stuck.get("id").asLong();
        assertThat(page(get("/shipments/" + id).session(operator), 200)).contains("/shipments/" + id + "/inquiry");

        String kit = page(get("/shipments/" + id + "/inquiry").session(operator), 200);

        assertThat(kit).contains(stuck.get("trackingNumber").asString(), YAMATO_PHONE, "IA-" + run, "<textarea",
                "data-copy-target", "/js/inquiry.js");
    }

    @Test
    void theBuyerSeesTheKitOfTheirOrdersShipment() throws Exception {
        String order = "/orders/" + stuck.get("orderId").asLong();
        assertThat(page(get(order).session(shopper), 200)).contains(order + "/shipments/" + stuck.get("id").asLong() + "/inquiry");

        String kit = page(get(order + "/shipments/" + stuck.get("id").asLong() + "/inquiry").session(shopper), 200);

        assertThat(kit).contains(stuck.get("trackingNumber").asString(), YAMATO_PHONE, "IA-" + run);
        page(get(order + "/shipments/" + other.get("id").asLong() + "/inquiry").session(shopper), 404);
    }

    @Test
    void aShareLinksKitShowsNothingPrivate() throws Exception {
        assertThat(page(get("/s/" + token), 200)).contains("/s/" + token + "/inquiry");

        String kit = page(get("/s/" + token + "/inquiry"), 200);

        assertThat(kit).contains(stuck.get("trackingNumber").asString(), YAMATO_PHONE)
                .doesNotContain("受取 太郎", "100-0001", "購入 花子", "千代田1-1", "090-1234-5678", "147038", "73519", "IA-" + run);
        page(get("/s/not-a-token/inquiry"), 404);
    }

    @Test
    void theShipmentPagesShowTheExceptionsAdviceNextToTheStatus() throws Exception {
        assertThat(page(get("/shipments/" + problem.get("id").asLong()).session(operator), 200))
                .contains("配送業者から確認が必要との連絡があります", "追跡番号を添えて配送業者へお問い合わせください");
        assertThat(page(get("/orders/" + problem.get("orderId").asLong()).session(shopper), 200))
                .contains("配送業者から確認が必要との連絡があります");
    }

    @Test
    void whileTheCarriersTrackingIsDownTheKitSaysSoInsteadOfStuck() throws Exception {
        var breaker = health.breaker("sagawa");
        breaker.transitionToForcedOpenState();
        try {
            assertThat(health.trackingUnavailable("sagawa")).as("sagawa is read by its own connector").isTrue();
            JsonNode kit = api("/api/v1/shipments/" + problem.get("id").asLong() + "/inquiry", opA, 200);

            assertThat(kit.get("carrierHealth").asString()).isEqualTo("DEGRADED");
            assertThat(kit.get("guidance").asString()).isEqualTo("CARRIER_DEGRADED");
            assertThat(kit.get("guidanceTitle").asString()).isEqualTo("佐川急便の追跡サービスに一時的につながりません");
            assertThat(page(get("/shipments/" + problem.get("id").asLong() + "/inquiry").session(operator), 200))
                    .contains("お荷物が止まっているわけではありません");
            assertThat(api("/api/v1/shipments/attention", opA, 200).get("degradedCarriers").toString()).contains("sagawa");
        } finally {
            breaker.transitionToClosedState();
        }
    }

    @Test
    void theKitIsInEnglishWhenAskedButTheTextToCopyStaysJapanese() throws Exception {
        String kit = page(get("/shipments/" + stuck.get("id").asLong() + "/inquiry?lang=en").session(operator), 200);

        assertThat(kit).contains("What to do next", "追跡番号：");
    }

    private JsonNode register(String key, String carrier, String orderNumber, String email) throws Exception {
        String number = "4" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
        String body = """
                {"carrier":"%s","trackingNumber":"%s",
                 "order":{"orderNumber":"%s","customerEmail":"%s","customerName":"購入 花子",
                          "items":[{"name":"抹茶ラテ","quantity":2,"unitPriceYen":73519}],"totalYen":147038},
                 "recipient":{"name":"受取 太郎","postalCode":"100-0001","prefecture":"東京都","city":"千代田区",
                              "addressLine":"千代田1-1","phone":"090-1234-5678"}}
                """.formatted(carrier, number, orderNumber, email);
        var response = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    private MockHttpSession signIn(String email, Role role, Long tenant) throws Exception {
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, role + " " + run, role, tenant, null,
                PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    private JsonNode api(String path, String key, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).header("Authorization", "Bearer " + key)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        assertThat(r.getStatus()).as(path + " " + r.getContentAsString()).isEqualTo(status);
        return json.readTree(r.getContentAsString());
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return r.getContentAsString();
    }
}
