package io.otodoke.returns;

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
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The buyer's returns page: ask with a photo, follow the state and the refund, print the label, give a number. */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnPagesTest {

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

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String operator;
    String email;
    MockHttpSession buyer;
    int orders;

    @BeforeAll
    void shopAndBuyer() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop shop = tenants.create(SYSTEM_ADMIN, "rp-" + run, "Shop", false);
        operator = credentials.issueApiKey(SYSTEM_ADMIN, "op", Role.OPERATOR, shop.id(), null).secret();
        email = "returner-" + run + "@example.jp";
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, "返 品子", Role.SHOPPER, shop.id(), null, "correct horse battery"));
        buyer = (MockHttpSession) mvc.perform(formLogin().user(email).password("correct horse battery"))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    long order() throws Exception {
        String number = ReturnsTest.yamato(UUID.randomUUID().getLeastSignificantBits());
        JsonNode s = api("POST", "/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"RP-%s-%d","customerEmail":"%s",
                 "items":[{"name":"緑茶 100g","quantity":2,"unitPriceYen":980},{"name":"急須","quantity":1,"unitPriceYen":3300}]}}
                """.formatted(number, run, ++orders, email));
        return s.get("orderId").asLong();
    }

    JsonNode api(String method, String path, String body) throws Exception {
        var r = mvc.perform((method.equals("POST") ? post(path) : get(path)).header("Authorization", "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "" : body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
        return json.readTree(r.getContentAsString());
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        var r = mvc.perform(request.session(buyer)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    @Test
    void aBuyerAsksWithAPhotoFollowsTheRefundAndPrintsTheLabel() throws Exception {
        long o = order();
        assertThat(page(get("/orders/" + o))).contains("href=\"/orders/" + o + "/returns\"", "返品を申し込む・返品の状況");
        String form = page(get("/orders/" + o + "/returns"));
        assertThat(form).contains("返品を申し込む", "緑茶 100g", "急須", "破損・汚れ", "enctype=\"multipart/form-data\"");

        MvcResult posted = mvc.perform(multipart("/orders/" + o + "/returns")
                .file(new MockMultipartFile("photo", "box.jpg", "image/jpeg", ReturnsTest.withExif(ReturnsTest.jpeg())))
                .param("reason", "DAMAGED").param("comment", "箱がつぶれていました")
                .param("quantity", "1").param("quantity", "0").session(buyer).with(csrf())).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + o + "/returns");
        String asked = page(get("/orders/" + o + "/returns").flashAttrs(posted.getFlashMap()));
        assertThat(asked).contains("返品をお申し込みました。", "お申し込み済み（ショップの確認待ち）", "なし（¥980）", "緑茶 100g × 1");

        JsonNode r = api("GET", "/api/v1/orders/" + o + "/returns", null).get("returns").get(0);
        assertThat(r.get("photoIds")).hasSize(1);
        assertThat(r.get("requestedBy").asString()).contains(email);
        long id = r.get("id").asLong();
        JsonNode approved = api("POST", "/api/v1/returns/" + id + "/approve", "{\"label\":true}");

        String list = page(get("/orders/" + o + "/returns"));
        assertThat(list).contains("承認されました。商品をお送りください", "返金予定 ¥980", "返品ラベルを印刷する");
        String label = page(get("/orders/" + o + "/returns/" + id + "/label"));
        assertThat(label).contains("返品ラベル", approved.get("returnTrackingNumber").asString(), "RP-" + run);
        assertThat(page(get("/orders/" + o))).as("the return leg is its own card, marked 返品")
                .contains(approved.get("returnTrackingNumber").asString(), ">返品<");

        String english = page(get("/orders/" + o + "/returns").param("lang", "en"));
        assertThat(english).contains("Approved: please send the items", "To be refunded: ¥980", "Print the return label");
    }

    @Test
    void aBuyerGivesTheCarrierNumberAndATypoIsExplained() throws Exception {
        long o = order();
        long id = api("POST", "/api/v1/orders/" + o + "/returns",
                "{\"reason\":\"WRONG_ITEM\",\"items\":[{\"name\":\"急須\"}]}").get("id").asLong();
        api("POST", "/api/v1/returns/" + id + "/approve", "{}");
        assertThat(page(get("/orders/" + o + "/returns"))).contains("name=\"trackingNumber\"");

        String good = ReturnsTest.yamato(id * 13 + 1);
        String typo = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        MvcResult bad = mvc.perform(post("/orders/" + o + "/returns/" + id + "/shipment").param("carrier", "yamato")
                .param("trackingNumber", typo).session(buyer).with(csrf())).andReturn();
        assertThat(page(get("/orders/" + o + "/returns").flashAttrs(bad.getFlashMap())))
                .contains("その追跡番号は、選んだ配送業者の番号として正しくありません。");

        MvcResult ok = mvc.perform(post("/orders/" + o + "/returns/" + id + "/shipment").param("carrier", "yamato")
                .param("trackingNumber", good).session(buyer).with(csrf())).andReturn();
        String done = page(get("/orders/" + o + "/returns").flashAttrs(ok.getFlashMap()));
        assertThat(done).contains("追跡番号を登録しました。", good).doesNotContain("name=\"trackingNumber\"");
    }

    @Test
    void aReturnWithNothingChosenComesBackAsAMessageAndSomeoneElsesReturnIsNotFound() throws Exception {
        long o = order();
        MvcResult nothing = mvc.perform(multipart("/orders/" + o + "/returns").param("reason", "OTHER")
                .param("quantity", "0").param("quantity", "0").session(buyer).with(csrf())).andReturn();
        assertThat(page(get("/orders/" + o + "/returns").flashAttrs(nothing.getFlashMap())))
                .contains("返品する商品の数を選んでください。");

        long other = order();
        long id = api("POST", "/api/v1/orders/" + other + "/returns",
                "{\"reason\":\"OTHER\",\"items\":[{\"name\":\"急須\"}]}").get("id").asLong();
        api("POST", "/api/v1/returns/" + id + "/approve", "{\"label\":true}");
        // the return exists and is the buyer's, but not of this order: not found here
        assertThat(mvc.perform(get("/orders/" + o + "/returns/" + id + "/label").session(buyer)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/orders/" + o + "/returns/" + id + "/shipment").param("carrier", "yamato")
                .param("trackingNumber", "1").session(buyer).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
