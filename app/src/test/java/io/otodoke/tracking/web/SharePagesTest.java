package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import io.otodoke.account.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Share links, from the shopper's order page to the page the recipient opens: what the link
 * shows (status and city, never prices or personal details), what a gift's giver decides, and
 * that a dead link says so. Demo mode, where hanako@example.jp can sign in (the context of
 * {@link ShopperPagesTest}).
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class SharePagesTest {

    static final String HANAKO = "hanako@example.jp";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    MockMvc mvc;
    MockHttpSession hanako;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        hanako = (MockHttpSession) mvc.perform(formLogin().user(HANAKO).password(DemoUsers.PASSWORD))
                .andExpect(authenticated().withUsername(HANAKO)).andReturn().getRequest().getSession(false);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return text(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse());
    }

    static String text(MockHttpServletResponse response) throws Exception {
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    /** Registers a shipment with its order as the shop does; answers the shipment (id, orderId). */
    JsonNode register(String shipment) throws Exception {
        String body = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(shipment))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    static String linksOf(JsonNode shipment) {
        return "/orders/" + shipment.get("orderId").asLong() + "/shipments/" + shipment.get("id").asLong() + "/share-links";
    }

    /** Creates a link on the order page as hanako; answers its path, /s/<token>, shown once. */
    String share(JsonNode shipment, String... params) throws Exception {
        var request = post(linksOf(shipment)).session(hanako).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var result = mvc.perform(request).andExpect(status().isFound()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/orders/" + shipment.get("orderId").asLong() + "#share-" + shipment.get("id").asLong());
        OrderPages.NewLink link = (OrderPages.NewLink) result.getFlashMap().get("newLink");
        assertThat(link.url()).startsWith("http://localhost/s/");
        // shown once: on the page right after the redirect, in a read-only field
        String order = page(get("/orders/" + shipment.get("orderId").asLong()).session(hanako));
        assertThat(order).contains("value=\"" + link.url() + "\"", "readonly", "このリンクが表示されるのは今回だけです");
        assertThat(page(get("/orders/" + shipment.get("orderId").asLong()).session(hanako))).doesNotContain(link.url());
        return link.url().substring("http://localhost".length());
    }

    ResultActions open(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("X-Robots-Tag", "noindex"));
    }

    @Test
    void aLinkShowsTheStatusAndTheCityButNoPricesAddressesNorNames() throws Exception {
        JsonNode s = register("""
                {"carrier":"yamato","trackingNumber":"5200-0000-0001",
                 "order":{"orderNumber":"SHARE-1","customerEmail":"hanako@example.jp","customerName":"山田 花子",
                          "orderedAt":"2021-04-01T10:00:00+09:00",
                          "items":[{"name":"抹茶ラテ","quantity":2,"unitPriceYen":1234},{"name":"マグカップ","quantity":1,"unitPriceYen":4321}],
                          "totalYen":6789},
                 "recipient":{"name":"山田 花子","postalCode":"150-0001","prefecture":"東京都","city":"渋谷区",
                              "addressLine":"神宮前1-2-3","phone":"090-1111-2222"}}""");
        mvc.perform(post("/api/v1/events").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"carrier":"yamato","trackingNumber":"520000000001","source":"yamato","status":"OUT_FOR_DELIVERY",
                          "rawText":"配達中","occurredLocal":"2021-04-02T09:30","zone":"Asia/Tokyo","location":{"name":"渋谷センター"}}]"""))
                .andExpect(status().isOk());

        String path = share(s, "validDays", "7");
        String shared = text(open(path).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(shared).contains("お荷物の配送状況", "ご注文者（送り主）が", ">配達中<", "渋谷センター", "520000000001",
                "東京都渋谷区", "抹茶ラテ", "× 2", "マグカップ", "このリンクの有効期限");
        assertThat(shared).doesNotContain("¥", "1,234", "4,321", "6,789", "1234", "4321", "6789", "合計",
                "神宮前", "150-0001", "090-1111-2222", "山田 花子", "hanako@example.jp", "SHARE-1");
        assertThat(text(open(path + "?lang=en").andExpect(status().isOk()).andReturn().getResponse()))
                .contains("Your parcel&#39;s delivery status", "Delivery area", "東京都渋谷区").doesNotContain("¥", "神宮前");

        // the buyer of her own order still sees her whole address on her order page
        assertThat(page(get("/orders/" + s.get("orderId").asLong()).session(hanako)))
                .contains("山田 花子 様", "〒150-0001", "東京都渋谷区神宮前1-2-3", "共有リンク", "7日間", ">有効<");
    }

    @Test
    void aGiftsLinkShowsTheGiverAndTheItemsOnlyWhenTheGiverSaysSoAndNeverPrices() throws Exception {
        JsonNode s = register("""
                {"carrier":"sagawa","trackingNumber":"5200-0000-0002",
                 "order":{"orderNumber":"GIFT-1","customerEmail":"hanako@example.jp","customerName":"山田 花子",
                          "orderedAt":"2021-04-01T10:00:00+09:00",
                          "items":[{"name":"玉露 100g","quantity":3,"unitPriceYen":2468}],"totalYen":7404,
                          "gift":true,"giverName":"山田 花子","giftMessage":"合格おめでとう"},
                 "recipient":{"name":"佐藤 桜","postalCode":"530-0001","prefecture":"大阪府","city":"大阪市北区",
                              "addressLine":"梅田9-8-7","phone":"06-9999-8888"}}""");
        long orderId = s.get("orderId").asLong();

        // the giver sees where it goes, not the recipient's name, street, postal code or phone
        String order = page(get("/orders/" + orderId).session(hanako));
        assertThat(order).contains("大阪府大阪市北区", "贈り主の名前を表示する", "商品名を表示する（金額は表示されません）");
        assertThat(order).doesNotContain("佐藤 桜", "梅田9-8-7", "530-0001", "06-9999-8888", "checked");

        String path = share(s); // boxes left unticked
        String shared = text(open(path).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(shared).contains("あなたへの贈り物", "合格おめでとう", "大阪府大阪市北区");
        assertThat(shared).doesNotContain("山田 花子", "玉露", "¥", "2,468", "2468", "7,404", "7404",
                "佐藤 桜", "梅田9-8-7", "530-0001", "06-9999-8888", "hanako@example.jp");

        share(s, "showGiver", "true", "showItems", "true");
        // the choice belongs to the order: the first link shows it too
        shared = text(open(path).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(shared).contains("山田 花子 様からの贈り物", "合格おめでとう", "玉露 100g", "× 3");
        assertThat(shared).doesNotContain("¥", "2,468", "2468", "7,404", "7404", "佐藤 桜", "梅田9-8-7", "530-0001");
        assertThat(page(get("/orders/" + orderId).session(hanako))).contains("checked");
    }

    @Test
    void anExpiredOrRevokedLinkIsGoneAndAnUnknownOneWasNeverThere() throws Exception {
        JsonNode s = register("""
                {"carrier":"japanpost","trackingNumber":"5200-0000-0003",
                 "order":{"orderNumber":"GONE-1","customerEmail":"hanako@example.jp","orderedAt":"2021-04-01T10:00:00+09:00",
                          "items":[{"name":"煎茶","quantity":1,"unitPriceYen":800}],"totalYen":800}}""");
        String expired = share(s);
        String revoked = share(s);
        open(expired).andExpect(status().isOk());
        jdbc.update("update share_links set expires_at = timestamptz '2001-01-01 00:00:00+00' where token_sha256 = "
                + "(select token_sha256 from share_links where id = (select min(id) from share_links where shipment_id = ?))",
                s.get("id").asLong());
        String gone = text(open(expired).andExpect(status().isGone()).andReturn().getResponse());
        assertThat(gone).contains("このリンクは使えなくなりました", "新しいリンク", "トップページで追跡番号から");
        assertThat(gone).doesNotContain("520000000003", "5200-0000-0003", "煎茶", "GONE-1");

        long revokedId = jdbc.queryForObject("select max(id) from share_links where shipment_id = ?", Long.class,
                s.get("id").asLong());
        mvc.perform(post(linksOf(s) + "/" + revokedId + "/revoke").session(hanako).with(csrf()))
                .andExpect(status().isFound());
        gone = text(open(revoked).andExpect(status().isGone()).andReturn().getResponse());
        assertThat(gone).doesNotContain("520000000003");
        assertThat(text(open(revoked + "?lang=en").andExpect(status().isGone()).andReturn().getResponse()))
                .contains("This link no longer works", "expired or was withdrawn", "ask the person who sent you the link");
        assertThat(page(get("/orders/" + s.get("orderId").asLong()).session(hanako))).contains(">期限切れ<", ">取り消し済み<");

        open("/s/" + "A".repeat(43)).andExpect(status().isNotFound());
        open("/s/not-a-token").andExpect(status().isNotFound());
    }

    @Test
    void onlyTheShopperWhoseOrderItIsMayShareItAndOnlyWithTheCsrfToken() throws Exception {
        JsonNode mine = register("""
                {"carrier":"yamato","trackingNumber":"5200-0000-0004",
                 "order":{"orderNumber":"MINE-1","customerEmail":"hanako@example.jp","orderedAt":"2021-04-01T10:00:00+09:00"}}""");
        JsonNode taros = register("""
                {"carrier":"yamato","trackingNumber":"5200-0000-0005",
                 "order":{"orderNumber":"TARO-2","customerEmail":"taro@example.jp","orderedAt":"2021-04-01T10:00:00+09:00"}}""");

        mvc.perform(post(linksOf(mine)).session(hanako)).andExpect(status().isForbidden());
        mvc.perform(post(linksOf(mine)).with(csrf())).andExpect(status().isFound()); // not signed in: to the sign-in page
        mvc.perform(post(linksOf(taros)).session(hanako).with(csrf())).andExpect(status().isNotFound());
        String taroShipmentInMyOrder = "/orders/" + mine.get("orderId").asLong() + "/shipments/" + taros.get("id").asLong()
                + "/share-links";
        mvc.perform(post(taroShipmentInMyOrder).session(hanako).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(linksOf(mine)).session(hanako).with(csrf()).param("validDays", "365"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from share_links where shipment_id in (?, ?)", Long.class,
                mine.get("id").asLong(), taros.get("id").asLong())).isZero();

        // a link of another shipment cannot be revoked through mine
        mvc.perform(post("/api/v1/shipments/" + taros.get("id").asLong() + "/share-links")
                .header("Authorization", "Bearer " + OtodokeTest.API_KEY)).andExpect(status().isCreated());
        long tarosLink = jdbc.queryForObject("select max(id) from share_links where shipment_id = ?", Long.class,
                taros.get("id").asLong());
        mvc.perform(post(linksOf(mine) + "/" + tarosLink + "/revoke").session(hanako).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(linksOf(taros) + "/" + tarosLink + "/revoke").session(hanako).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select revoked_at is null from share_links where id = ?", Boolean.class, tarosLink))
                .isTrue();
    }
}
