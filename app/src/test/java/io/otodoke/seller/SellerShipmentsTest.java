package io.otodoke.seller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Seller;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.EventTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Marketplace sellers over HTTP (docs/sellers.md): numbers checked by the detector and their check
 * digits, untracked dispatches with their window, late flags, the CSV report per row, the access
 * rules (a seller's own orders; an operator's own tenant) and what the shopper sees.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SellerShipmentsTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    static final String PASSWORD = "correct horse battery";

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

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger unique = new AtomicInteger();
    String opA;
    String opB;
    String sellerS1;
    Seller s1;
    String shopperEmail;
    MockHttpSession sellerSession;
    MockHttpSession shopperSession;
    MockHttpSession operatorSession;

    @BeforeAll
    void aMarketplaceWithTwoSellersAndAnotherShop() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop a = tenants.create(SYSTEM_ADMIN, "sl-" + run, "Market A", true);
        Shop b = tenants.create(SYSTEM_ADMIN, "slb-" + run, "Market B", true);
        s1 = tenants.createSeller(SYSTEM_ADMIN, a.id(), "s1", "山田園");
        tenants.createSeller(SYSTEM_ADMIN, a.id(), "s2", "Seller 2");
        opA = credentials.issueApiKey(SYSTEM_ADMIN, "op a", Role.OPERATOR, a.id(), null).secret();
        opB = credentials.issueApiKey(SYSTEM_ADMIN, "op b", Role.OPERATOR, b.id(), null).secret();
        sellerS1 = credentials.issueApiKey(SYSTEM_ADMIN, "s1", Role.SELLER, a.id(), s1.id()).secret();
        shopperEmail = "buyer-" + run + "@example.jp";
        shopperSession = signIn(shopperEmail, Role.SHOPPER, a.id(), null);
        sellerSession = signIn("seller-" + run + "@example.jp", Role.SELLER, a.id(), s1.id());
        operatorSession = signIn("op-" + run + "@example.jp", Role.OPERATOR, a.id(), null);
    }

    @Test
    void aValidNumberIsStoredOnTheSellersOwnOrder() throws Exception {
        JsonNode order = order("s1", Instant.now());
        String number = NumberCheckTest.mod7("4" + digits(10));
        MockHttpServletResponse r = call(sellerS1, "/api/v1/seller/shipments", single(order, "yamato", number, null));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode stored = json.readTree(r.getContentAsString());
        assertThat(stored.get("outcome").asString()).isEqualTo("STORED");
        assertThat(stored.get("carrier").asString()).isEqualTo("yamato");
        MockHttpServletResponse again = call(sellerS1, "/api/v1/seller/shipments", single(order, "yamato", number, null));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(json.readTree(again.getContentAsString()).get("shipmentId").asLong())
                .isEqualTo(stored.get("shipmentId").asLong());
        assertThat(awaiting(sellerS1, false)).doesNotContain(order.get("orderNumber").asString());
    }

    @Test
    void aMistypedCheckDigitIsExplained() throws Exception {
        JsonNode order = order("s1", Instant.now());
        MockHttpServletResponse r = call(sellerS1, "/api/v1/seller/shipments",
                single(order, "yamato", NumberCheckTest.mistyped(NumberCheckTest.mod7("4" + digits(10))), null));
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.getContentAsString());
        assertThat(p.get("type").asString()).isEqualTo("urn:otodoke:problem:invalid-check-digit");
        assertThat(p.get("field").asString()).isEqualTo("trackingNumber");
        assertThat(p.get("detail").asString()).contains("check digit", "mistyped");
        assertThat(awaiting(sellerS1, false)).contains(order.get("orderNumber").asString());
    }

    @Test
    void aNumberOfAnotherCarrierIsExplained() throws Exception {
        JsonNode order = order("s1", Instant.now());
        MockHttpServletResponse r = call(sellerS1, "/api/v1/seller/shipments", single(order, "sagawa", "EJ123456785JP", null));
        assertThat(r.getStatus()).isEqualTo(422);
        JsonNode p = json.readTree(r.getContentAsString());
        assertThat(p.get("type").asString()).isEqualTo("urn:otodoke:problem:wrong-carrier");
        assertThat(p.get("detail").asString()).contains("not of sagawa");
    }

    @Test
    void anotherSellersOrderAndAnotherShopsOperatorGetNotFoundWhileTheOperatorActsForItsSellers() throws Exception {
        JsonNode ofS2 = order("s2", Instant.now());
        String number = NumberCheckTest.mod7("4" + digits(10));
        assertThat(call(sellerS1, "/api/v1/seller/shipments", single(ofS2, "yamato", number, null)).getStatus()).isEqualTo(404);
        assertThat(call(opB, "/api/v1/seller/shipments", single(ofS2, "yamato", number, null)).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/seller/orders/" + ofS2.get("id").asLong() + "/shipment").session(sellerSession)
                .with(csrf()).param("carrier", "yamato").param("trackingNumber", number)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(awaiting(sellerS1, false)).doesNotContain(ofS2.get("orderNumber").asString());
        assertThat(call(opA, "/api/v1/seller/shipments", single(ofS2, "yamato", number, null)).getStatus()).isEqualTo(201);
    }

    @Test
    void anUntrackedMethodIsRecordedWithItsWindowAndTheShopperSeesItInsteadOfATimeline() throws Exception {
        JsonNode order = order("s1", Instant.now());
        LocalDate today = LocalDate.now(EventTime.TOKYO);
        MockHttpServletResponse r = call(sellerS1, "/api/v1/seller/shipments", """
                {"orderNumber":"%s","shippingMethod":"teikeigai","shippedAt":"%sT10:00:00+09:00"}
                """.formatted(order.get("orderNumber").asString(), today));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode stored = json.readTree(r.getContentAsString());
        assertThat(stored.get("untracked").asString()).isEqualTo("teikeigai");
        assertThat(stored.get("expectedFrom").asString()).isEqualTo(today.plusDays(2).toString());
        assertThat(stored.get("expectedTo").asString()).isEqualTo(today.plusDays(5).toString());
        assertThat(awaiting(sellerS1, false)).doesNotContain(order.get("orderNumber").asString());

        String page = page(get("/orders/" + order.get("id").asLong()), shopperSession);
        assertThat(page).contains("出品者から発送", "山田園", "追跡番号なし（定形外郵便）",
                "出品者へのお問い合わせは、ショップのお問い合わせ窓口からどうぞ。").doesNotContain("出荷準備中");
    }

    @Test
    void theShopperSeesShippedByTheSellerAndTheSellersContact() throws Exception {
        JsonNode order = order("s1", Instant.now());
        assertThat(call(sellerS1, "/api/v1/seller/shipments",
                single(order, "yamato", NumberCheckTest.mod7("4" + digits(10)), null)).getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/seller/contact").session(sellerSession).with(csrf())
                .param("contact", "shop-" + run + "@yamada-en.example")).andReturn().getResponse().getStatus()).isEqualTo(302);
        String page = page(get("/orders/" + order.get("id").asLong()), shopperSession);
        assertThat(page).contains("出品者から発送", "出品者: 山田園", "mailto:shop-" + run + "@yamada-en.example");
        assertThat(mvc.perform(post("/seller/contact").session(sellerSession).with(csrf()).param("contact", ""))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void anOrderWithoutANumberAfterItsDeadlineIsFlaggedLateForTheSellerAndTheOperator() throws Exception {
        JsonNode late = order("s1", Instant.now().minus(Duration.ofDays(5)));
        JsonNode fresh = order("s1", Instant.now().minus(Duration.ofHours(1)));
        JsonNode flags = json.readTree(mvc.perform(get("/api/v1/seller/orders").header("Authorization", "Bearer " + sellerS1))
                .andReturn().getResponse().getContentAsString());
        flags.get("orders").forEach(o -> {
            if (o.get("orderNumber").asString().equals(late.get("orderNumber").asString())) {
                assertThat(o.get("late").asBoolean()).isTrue();
            }
            if (o.get("orderNumber").asString().equals(fresh.get("orderNumber").asString())) {
                assertThat(o.get("late").asBoolean()).isFalse();
            }
        });
        assertThat(awaiting(opA, true)).contains(late.get("orderNumber").asString())
                .doesNotContain(fresh.get("orderNumber").asString());
        assertThat(awaiting(opB, true)).doesNotContain(late.get("orderNumber").asString());
        assertThat(page(get("/sellers/late"), operatorSession)).contains(late.get("orderNumber").asString(), "山田園")
                .doesNotContain(fresh.get("orderNumber").asString());
        assertThat(page(get("/seller/orders"), sellerSession)).contains(late.get("orderNumber").asString(), "発送遅れ",
                fresh.get("orderNumber").asString());
    }

    @Test
    void aCsvWithGoodAndBrokenRowsKeepsTheGoodRowsAndExplainsTheBrokenOnes() throws Exception {
        String good = order("s1", Instant.now()).get("orderNumber").asString();
        String goodUntracked = order("s1", Instant.now()).get("orderNumber").asString();
        String badDigit = order("s1", Instant.now()).get("orderNumber").asString();
        String wrongCarrier = order("s1", Instant.now()).get("orderNumber").asString();
        String ofS2 = order("s2", Instant.now()).get("orderNumber").asString();
        String unknownCarrier = order("s1", Instant.now()).get("orderNumber").asString();
        String duplicate = order("s1", Instant.now()).get("orderNumber").asString();
        String badDate = order("s1", Instant.now()).get("orderNumber").asString();
        String number = NumberCheckTest.mod7("4" + digits(10));
        String csv = """
                orderNumber,carrier,trackingNumber,shippingMethod,shippedAt
                %s,yamato,%s,,
                %s,,,teikeigai,%s
                %s,yamato,%s,,
                %s,yamato,EJ123456785JP,,
                no-such-order-%s,yamato,%s,,
                %s,yamato,%s,,
                %s,kuroneko,%s,,
                %s,yamato,%s,,
                %s,yamato,%s,,30/11/2026
                """.formatted(good, number, goodUntracked, LocalDate.now(EventTime.TOKYO), badDigit,
                NumberCheckTest.mistyped(NumberCheckTest.mod7("4" + digits(10))), wrongCarrier, run,
                NumberCheckTest.mod7("4" + digits(10)), ofS2, NumberCheckTest.mod7("4" + digits(10)), unknownCarrier,
                NumberCheckTest.mod7("4" + digits(10)), duplicate, number, badDate, NumberCheckTest.mod7("4" + digits(10)));
        MockHttpServletResponse r = mvc.perform(post("/api/v1/seller/shipments/import")
                .header("Authorization", "Bearer " + sellerS1).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode report = json.readTree(r.getContentAsString());
        assertThat(report.get("stored").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(7);
        JsonNode rows = report.get("results");
        assertThat(rows.size()).isEqualTo(9);
        String[] codes = {null, null, "invalid-check-digit", "wrong-carrier", "unknown-order", "order-of-another-seller",
                "unknown-carrier", "duplicate", "invalid-date"};
        for (int i = 0; i < codes.length; i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get("row").asInt()).isEqualTo(i + 2); // line 1 is the header
            if (codes[i] == null) {
                assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("STORED");
            } else {
                assertThat(row.get("error").get("code").asString()).as(row.toString()).isEqualTo(codes[i]);
                assertThat(row.get("error").get("detail").asString()).isNotBlank();
            }
        }
        assertThat(rows.get(2).get("error").get("detail").asString()).contains("check digit");
        assertThat(rows.get(7).get("error").get("detail").asString()).contains("row 2");
        assertThat(awaiting(sellerS1, false)).doesNotContain(good, goodUntracked)
                .contains(badDigit, wrongCarrier, unknownCarrier, duplicate, badDate);
    }

    @Test
    void theSellerPageTakesANumberPerOrderAndACsvUpload() throws Exception {
        JsonNode order = order("s1", Instant.now());
        String orderNumber = order.get("orderNumber").asString();
        assertThat(page(get("/seller/orders"), sellerSession)).contains(orderNumber, "定形外郵便",
                "id=\"order-" + order.get("id").asLong() + "\"");
        MockHttpServletResponse posted = mvc.perform(post("/seller/orders/" + order.get("id").asLong() + "/shipment")
                .session(sellerSession).with(csrf()).param("carrier", "")
                .param("trackingNumber", "EJ123456785JP")).andReturn().getResponse();
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(page(get("/seller/orders"), sellerSession)).doesNotContain("id=\"order-" + order.get("id").asLong() + "\"");

        String other = order("s1", Instant.now()).get("orderNumber").asString();
        MockMultipartFile file = new MockMultipartFile("file", "shipments.csv", "text/csv",
                ("orderNumber,carrier,trackingNumber\n" + other + ",yamato,123\n").getBytes(StandardCharsets.UTF_8));
        String report = page(multipart("/seller/orders/import").file(file).with(csrf()), sellerSession);
        assertThat(report).contains(other, "追跡番号の形が正しくありません", "0 件を登録");
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() throws Exception {
        MockHttpServletResponse noHeader = mvc.perform(post("/api/v1/seller/shipments/import")
                .header("Authorization", "Bearer " + sellerS1).contentType("text/csv")
                .content("a,b\n1,2\n")).andReturn().getResponse();
        assertThat(noHeader.getStatus()).isEqualTo(400);
        assertThat(noHeader.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse badJson = call(sellerS1, "/api/v1/seller/shipments", "{\"orderNumber\":");
        assertThat(badJson.getStatus()).isEqualTo(400);
        MockHttpServletResponse noOrder = call(sellerS1, "/api/v1/seller/shipments", "{\"carrier\":\"yamato\"}");
        assertThat(noOrder.getStatus()).isEqualTo(422);
        assertThat(call(sellerS1, "/api/v1/seller/orders", "{\"orderNumber\":\"x\",\"seller\":\"s1\"}").getStatus())
                .isEqualTo(403);
        assertThat(call(opA, "/api/v1/seller/orders", "{\"orderNumber\":\"x-" + run + "\",\"seller\":\"nobody\"}")
                .getStatus()).isEqualTo(422);
    }

    // --- helpers

    /** A seller's order registered by A's operator, with the shopper's address; {id, orderNumber, …}. */
    JsonNode order(String seller, Instant orderedAt) throws Exception {
        String number = "SL-" + run + "-" + unique.incrementAndGet();
        MockHttpServletResponse r = call(opA, "/api/v1/seller/orders", """
                {"orderNumber":"%s","seller":"%s","customerEmail":"%s","customerName":"買い手","orderedAt":"%s",
                 "items":[{"name":"煎茶","quantity":1,"unitPriceYen":1200}]}
                """.formatted(number, seller, shopperEmail, orderedAt));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return json.readTree(r.getContentAsString());
    }

    static String single(JsonNode order, String carrier, String number, String method) {
        return """
                {"orderNumber":"%s","carrier":%s,"trackingNumber":"%s","shippingMethod":%s}
                """.formatted(order.get("orderNumber").asString(), carrier == null ? "null" : "\"" + carrier + "\"", number,
                method == null ? "null" : "\"" + method + "\"");
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder();
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    String awaiting(String key, boolean late) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/seller/orders" + (late ? "?late=true" : ""))
                .header("Authorization", "Bearer " + key)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    MockHttpServletResponse call(String key, String path, String body) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(path).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    String page(AbstractMockHttpServletRequestBuilder<?> request, MockHttpSession session) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.session(session)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    MockHttpSession signIn(String email, Role role, long tenant, Long seller) throws Exception {
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, role.name(), role, tenant, seller, PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }
}
