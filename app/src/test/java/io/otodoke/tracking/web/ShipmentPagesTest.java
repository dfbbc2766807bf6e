package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The staff's shipment pages in demo mode (same context as {@link ShopperPagesTest}): the demo
 * operator sees its tenant's shipments, the demo seller only those of its own orders, and every
 * view of a recipient's address is in the audit log.
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class ShipmentPagesTest {

    static final String OPERATOR = "shop@example.jp", SELLER = "seller@example.jp";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditLog audit;
    @Autowired
    Tenants tenants;
    @Autowired
    ShipmentRegistry registry;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    MockHttpSession signIn(String email, String home) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(email).password("otodoke-demo"))
                .andExpect(authenticated().withUsername(email)).andExpect(redirectedUrl(home))
                .andReturn().getRequest().getSession(false);
    }

    JsonNode register(String shipment) throws Exception {
        String body = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(shipment))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void anOperatorSeesTheShopsShipmentsAndEachViewOfAnAddressIsAudited() throws Exception {
        JsonNode s = register("""
                {"carrier":"yamato","trackingNumber":"6200-0000-0011",
                 "order":{"orderNumber":"STAFF-1","customerEmail":"jiro@example.jp","orderedAt":"2021-04-01T10:00:00+09:00",
                          "items":[{"name":"ほうじ茶 200g","quantity":3,"unitPriceYen":1200}],"totalYen":3600},
                 "recipient":{"name":"佐藤 次郎","postalCode":"530-0001","prefecture":"大阪府","city":"大阪市北区",
                              "addressLine":"梅田1-1-1","phone":"06-0000-0000"}}""");
        long id = s.get("id").asLong();
        MockHttpSession operator = signIn(OPERATOR, "/shipments");

        String list = page(get("/shipments").session(operator));
        assertThat(list).contains("出荷一覧", "href=\"/shipments/" + id + "\"", "620000000011", "name=\"status\"",
                ">出荷完了（追跡番号発行済み）<", "aria-current=\"page\">出荷一覧<", ">アカウント<");
        assertThat(list).as("the list shows no addresses").doesNotContain("梅田1-1-1", "佐藤 次郎");
        assertThat(list).as("the demo shop has more than a page").contains("rel=\"next\"", ">次へ<");

        int before = audit.recent(1000, AuditLog.ADDRESS_VIEWED).size();
        String detail = page(get("/shipments/" + id).session(operator));
        assertThat(detail).contains("出荷 620000000011", "ヤマト運輸", "佐藤 次郎 様", "〒530-0001", "大阪府大阪市北区梅田1-1-1",
                "06-0000-0000", "STAFF-1", "ほうじ茶 200g", "¥1,200", "¥3,600", "監査ログ");
        page(get("/shipments/" + id).session(operator));
        List<AuditLog.Entry> viewed = audit.recent(1000, AuditLog.ADDRESS_VIEWED);
        assertThat(viewed).hasSize(before + 2);
        assertThat(viewed.getFirst().target()).isEqualTo("shipment:" + id);
        assertThat(viewed.getFirst().actor()).contains(OPERATOR);
        assertThat(viewed.getFirst().actorRole()).isEqualTo("OPERATOR");

        assertThat(page(get("/shipments").param("lang", "en").session(operator))).contains("Shipments", "Filter by status", "Next");
        mvc.perform(get("/shipments/not-a-number").session(operator)).andExpect(status().isNotFound());
        mvc.perform(get("/shipments/987654321").session(operator)).andExpect(status().isNotFound());
    }

    @Test
    void theListPagesOnFiftyAtATimeAndFiltersByStatus() throws Exception {
        MockHttpSession operator = signIn(OPERATOR, "/shipments");
        String first = page(get("/shipments").session(operator));
        assertThat(count(first, "class=\"order-row\"")).isEqualTo(ShipmentPages.PAGE_SIZE);
        String next = first.replaceAll("(?s).*href=\"/shipments\\?before=(\\d+)\" rel=\"next\".*", "$1");
        String second = page(get("/shipments").param("before", next).session(operator));
        assertThat(second).contains("最新へ戻る").doesNotContain("href=\"/shipments/" + next + "\"");

        String delivered = page(get("/shipments").param("status", "DELIVERED").session(operator));
        assertThat(delivered).contains("<option value=\"DELIVERED\" selected=\"selected\">配達完了</option>");
        assertThat(count(delivered, "class=\"badge tone-done\"")).isEqualTo(count(delivered, "class=\"order-row\""))
                .isPositive();
        assertThat(page(get("/shipments").param("status", "nonsense").session(operator))).contains("出荷一覧");
    }

    @Test
    void aSellerSeesTheShipmentsOfItsOwnOrdersOnly() throws Exception {
        long own = register("""
                {"carrier":"sagawa","trackingNumber":"6200-0000-0021",
                 "order":{"orderNumber":"SELLER-OWN","seller":"yamada-en","items":[{"name":"玉露","quantity":1,"unitPriceYen":3000}]},
                 "recipient":{"name":"田中 三郎","prefecture":"京都府","city":"京都市","addressLine":"中京区1"}}""").get("id").asLong();
        long shops = register("""
                {"carrier":"sagawa","trackingNumber":"6200-0000-0022",
                 "order":{"orderNumber":"SHOP-ONLY","items":[{"name":"急須","quantity":1,"unitPriceYen":5000}]}}""")
                .get("id").asLong();
        MockHttpSession seller = signIn(SELLER, "/shipments");

        String list = page(get("/shipments").session(seller));
        assertThat(list).contains("href=\"/shipments/" + own + "\"").doesNotContain("href=\"/shipments/" + shops + "\"");
        assertThat(page(get("/shipments/" + own).session(seller))).contains("SELLER-OWN", "玉露", "田中 三郎 様",
                "出品者", "山田園 (デモ)");
        mvc.perform(get("/shipments/" + shops).session(seller)).andExpect(status().isNotFound());
        // Every shipment the seller's list shows is of one of its orders (demo: every 4th order).
        for (String id : list.split("href=\"/shipments/")) {
            if (id.matches("(?s)\\d+\".*")) {
                String shown = id.substring(0, id.indexOf('"'));
                assertThat(registry.shipment(new Caller(Role.SELLER, 1L, sellerId(), null, null, "test"), Long.parseLong(shown)))
                        .as("shipment " + shown).isPresent();
            }
        }
    }

    @Test
    void anotherTenantsShipmentIsNotFound() throws Exception {
        Caller admin = new Caller(Role.ADMIN, null, null, null, null, "test");
        long other = tenants.create(admin, "other-" + UUID.randomUUID().toString().substring(0, 8), "よその店", false).id();
        long foreign = registry.register(other, List.of(new ShipmentRegistration("yamato", "6200-0000-0031", null, null,
                new Recipient("よその 人", null, "北海道", "札幌市", "1", null), false, null))).getFirst().shipmentId();
        mvc.perform(get("/shipments/" + foreign).session(signIn(OPERATOR, "/shipments"))).andExpect(status().isNotFound());
        mvc.perform(get("/shipments/" + foreign).session(signIn(SELLER, "/shipments"))).andExpect(status().isNotFound());
        assertThat(page(get("/shipments/" + foreign).session(signIn("admin@example.jp", "/admin")))).contains("よその 人 様");
    }

    @Test
    void shoppersAndDriversMayNotSeeShipments() throws Exception {
        mvc.perform(get("/shipments").session(signIn("hanako@example.jp", "/orders"))).andExpect(status().isForbidden());
        mvc.perform(get("/shipments").session(signIn("driver@example.jp", "/driver"))).andExpect(status().isForbidden());
    }

    private long sellerId() {
        return tenants.seller(1L, "yamada-en").orElseThrow().id();
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
