package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import io.otodoke.account.DemoUsers;
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
 * Demo mode, where the demo shopper hanako@example.jp can sign in: the sign-in page, the banner,
 * and a shopper's own orders. Its own application context (demo users exist only in demo mode).
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class ShopperPagesTest {

    static final String HANAKO = "hanako@example.jp";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;
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

    JsonNode register(String shipment) throws Exception {
        String body = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(shipment))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    MockHttpSession signInAsHanako() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(HANAKO).password("otodoke-demo"))
                .andExpect(authenticated().withUsername(HANAKO)).andExpect(redirectedUrl("/orders"))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void theSignInPageListsTheDemoUsersAndEveryPageSaysItIsADemo() throws Exception {
        String login = page(get("/login"));
        assertThat(login).contains(HANAKO, "otodoke-demo", "デモ用アカウント", "name=\"_csrf\"");
        for (String path : new String[] {"/", "/login", "/track?numbers=1"}) {
            assertThat(page(get(path))).as(path).contains("class=\"demo-banner\"", "時間は実際の 60 倍の速さで進みます");
        }
        assertThat(page(get("/").param("lang", "en"))).contains("time runs 60 times faster than real time");
    }

    @Test
    void wrongCredentialsComeBackWithAMessage() throws Exception {
        mvc.perform(formLogin().user(HANAKO).password("wrong")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(page(get("/login").param("error", ""))).contains("メールアドレスまたはパスワードが正しくありません。");
        assertThat(page(get("/login"))).doesNotContain("メールアドレスまたはパスワードが正しくありません。");
    }

    @Test
    void aShopperSeesHerOwnOrdersNewestFirstAndNobodyElses() throws Exception {
        JsonNode older = register("""
                {"carrier":"japanpost","trackingNumber":"5100-0000-0001",
                 "order":{"orderNumber":"HANAKO-OLD","customerEmail":"Hanako@Example.jp","orderedAt":"2021-03-01T10:00:00+09:00",
                          "items":[{"name":"とうもろこし 5本","quantity":1,"unitPriceYen":1980}],"totalYen":1980}}""");
        JsonNode newer = register("""
                {"carrier":"yamato","trackingNumber":"5100-0000-0002",
                 "order":{"orderNumber":"HANAKO-NEW","customerEmail":"hanako@example.jp","orderedAt":"2021-04-01T10:00:00+09:00",
                          "items":[{"name":"抹茶ラテ","quantity":2,"unitPriceYen":990},{"name":"マグカップ","quantity":1,"unitPriceYen":3300}],
                          "totalYen":5280,"gift":true,"giverName":"鈴木 一郎","giftMessage":"いつもありがとう"},
                 "recipient":{"name":"山田 花子","postalCode":"150-0001","prefecture":"東京都","city":"渋谷区",
                              "addressLine":"神宮前1-2-3","phone":"090-0000-0000"}}""");
        JsonNode taros = register("""
                {"carrier":"sagawa","trackingNumber":"5100-0000-0003",
                 "order":{"orderNumber":"TARO-1","customerEmail":"taro@example.jp","orderedAt":"2021-05-01T10:00:00+09:00",
                          "items":[{"name":"秘密の品","quantity":1,"unitPriceYen":5000}],"totalYen":5000}}""");
        mvc.perform(post("/api/v1/events").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"carrier":"yamato","trackingNumber":"510000000002","source":"yamato","status":"OUT_FOR_DELIVERY",
                          "rawText":"配達中","occurredLocal":"2021-04-02T09:30","zone":"Asia/Tokyo","location":{"name":"渋谷センター"}}]"""))
                .andExpect(status().isOk());

        MockHttpSession hanako = signInAsHanako();
        String list = page(get("/orders").session(hanako));
        assertThat(list).contains("HANAKO-NEW", "HANAKO-OLD", "¥5,280", "¥1,980", "抹茶ラテ", "ほか 1 点", "2021年4月1日(木)",
                "class=\"badge tone-moving\"", ">配達中<", ">出荷完了（追跡番号発行済み）<",
                "action=\"/logout\"", "name=\"_csrf\"");
        assertThat(list.indexOf("HANAKO-NEW")).as("newest first").isLessThan(list.indexOf("HANAKO-OLD"));
        assertThat(list).doesNotContain("TARO-1", "秘密の品");

        String detail = page(get("/orders/" + newer.get("orderId").asLong()).session(hanako));
        assertThat(detail).contains("ご注文 HANAKO-NEW", "抹茶ラテ", "マグカップ", "¥1,980", "¥3,300", "¥5,280", "ギフト",
                "鈴木 一郎 様からの贈り物", "いつもありがとう", "ヤマト運輸", "510000000002", ">配達中<", "渋谷センター",
                "pno=510000000002", "target=\"_blank\" rel=\"noopener noreferrer\"", "東京都渋谷区");
        // a gift's giver sees where it goes, not the recipient's name, postal code, street or phone
        assertThat(detail).doesNotContain("山田 花子 様", "〒150-0001", "神宮前1-2-3", "090-0000-0000");
        assertThat(page(get("/orders/" + older.get("orderId").asLong()).session(hanako))).contains("HANAKO-OLD");

        mvc.perform(get("/orders/" + taros.get("orderId").asLong()).session(hanako)).andExpect(status().isNotFound());
        mvc.perform(get("/orders/987654321").session(hanako)).andExpect(status().isNotFound());
        mvc.perform(get("/orders/not-a-number").session(hanako)).andExpect(status().isNotFound());
    }

    @Test
    void theHomeAndSignInPagesListEveryDemoUserWithItsRole() throws Exception {
        String home = page(get("/"));
        assertThat(home).contains("デモ用アカウント", "購入者", "ショップ運営者", "出品者", "配達ドライバー", "システム管理者",
                "試せること", DemoUsers.PASSWORD);
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            assertThat(home).contains(user.username());
        }
        assertThat(page(get("/").param("lang", "en"))).contains("Demo accounts", "Shopper", "Shop operator",
                "Seller (marketplace)", "Delivery driver", "Administrator", "What to try");
        String login = page(get("/login"));
        assertThat(login).contains("購入者", "システム管理者", "このアカウントでサインイン");
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            assertThat(login).contains(user.username());
        }
    }
}
