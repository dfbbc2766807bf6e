package io.otodoke.safety.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The page {@code /check}: anyone may paste a message; the verdict is explained in the page's
 * language; links from the message appear only as defanged text — never in an href or src, never
 * as a link — and a signed-in shopper's own parcels are compared.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckPageTest {

    static final Caller ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    static final String LURE_HOST = "kuroneko-redelivery.example.com";
    static final String LURE = "【ヤマト運輸】お荷物のお届けにあがりましたが不在の為持ち帰りました。詳細：https://" + LURE_HOST
            + "/track?id=1です";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    Credentials credentials;

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    static MockHttpServletRequestBuilder check(String text, String channel, String sender) {
        return post("/check").with(csrf()).param("text", text).param("channel", channel).param("sender", sender);
    }

    @Test
    void theFormIsPublicAndJapaneseByDefault() throws Exception {
        Document doc = Jsoup.parse(page(get("/check")));
        assertThat(doc.select("html").attr("lang")).isEqualTo("ja");
        assertThat(doc.select("form[action=/check][method=post] textarea[name=text]")).hasSize(1);
        assertThat(doc.select("input[name=_csrf]")).hasSize(1);
        assertThat(doc.select("h1").text()).isEqualTo("この配送連絡は本物？");
    }

    @Test
    void aLureIsExplainedAndItsLinkIsShownOnlyAsDefangedText() throws Exception {
        String html = page(check(LURE, "sms", "090-1234-5678"));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select(".result h2").text()).isEqualTo("フィッシング詐欺の可能性が高いです");
        assertThat(doc.select(".safety-reasons li").eachAttr("data-code"))
                .contains("NON_OFFICIAL_DOMAIN_FOR_BRAND", "CARRIER_SENDS_NO_SMS", "SMS_PERSONAL_NUMBER");
        assertThat(doc.select(".safety-links li").text()).contains("hxxps://kuroneko-redelivery[.]example[.]com/track?id=1");
        // never a link, an image or any other reference to the message's host
        for (Element e : doc.getAllElements()) {
            for (var attribute : e.attributes()) {
                assertThat(attribute.getValue()).as(e.tagName() + "@" + attribute.getKey()).doesNotContain(LURE_HOST);
            }
        }
        // nor clickable once rendered: outside the echoed textarea the host appears only defanged
        doc.select("textarea").remove();
        assertThat(doc.outerHtml()).doesNotContain(LURE_HOST).contains("kuroneko-redelivery[.]example[.]com");
        assertThat(html).doesNotContainPattern("(?i)<a[^>]+" + Pattern.quote(LURE_HOST));
        // the official page to check instead is Otodoke's own
        assertThat(doc.select(".result a.external").eachAttr("href")).contains("https://toi.kuronekoyamato.co.jp/cgi-bin/tneko");
    }

    @Test
    void englishThroughTheLanguageSwitch() throws Exception {
        Document doc = Jsoup.parse(page(check(LURE, "sms", "").param("lang", "en")));
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select(".result h2").text()).isEqualTo("Very likely phishing");
        assertThat(doc.select(".safety-reasons").text()).contains("This carrier states that it sends no absence");
    }

    @Test
    void noRedFlagsIsNeverCalledSafe() throws Exception {
        Document doc = Jsoup.parse(page(check("ご注文の商品を発送しました。", "email", "")));
        assertThat(doc.select(".result h2").text()).isEqualTo("既知の危険な特徴は見つかりませんでした");
        assertThat(doc.select(".result").text()).contains("本物だという意味ではありません").doesNotContain("安全です");
    }

    @Test
    void anEmptyMessageAsksForOneAndAPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Document doc = Jsoup.parse(page(check(" ", "", "")));
        assertThat(doc.select("[role=alert]").text()).isEqualTo("メッセージを貼り付けてください。");
        assertThat(doc.select(".result")).isEmpty();
        int status = mvc.perform(post("/check").param("text", LURE)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void aSignedInShopperLearnsThatTheNumberIsNotOneOfTheirParcels() throws Exception {
        Shop shop = tenants.create(ADMIN, "safety-" + run, "Safety shop", false);
        String key = credentials.issueApiKey(ADMIN, "op", Role.OPERATOR, shop.id(), null).secret();
        String email = "shopper-" + run + "@example.jp";
        String body = """
                {"carrier":"yamato","trackingNumber":"400000000002","order":{"orderNumber":"S-%s","customerEmail":"%s"},
                 "recipient":{"name":"受取 太郎","prefecture":"東京都","city":"千代田区","addressLine":"千代田1-1"}}
                """.formatted(run, email);
        int created = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
        assertThat(created).isEqualTo(201);
        accounts.create(ADMIN, new Accounts.NewUser(email, "Shopper", Role.SHOPPER, shop.id(), null, "correct horse battery"));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(email).password("correct horse battery"))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);

        String theirs = "ヤマト運輸 お荷物お届けのお知らせ 伝票番号：4000-0000-0002";
        String other = "ヤマト運輸 お荷物お届けのお知らせ 伝票番号：4000-0000-0013";
        assertThat(codes(page(check(theirs, "email", "").session(session)))).doesNotContain("UNKNOWN_SHIPMENT");
        assertThat(codes(page(check(other, "email", "").session(session)))).contains("UNKNOWN_SHIPMENT");
        // nobody signed in: no comparison at all
        assertThat(codes(page(check(other, "email", "")))).doesNotContain("UNKNOWN_SHIPMENT");
    }

    private static String codes(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("data-code=\"([A-Z_]+)\"").matcher(html);
        while (m.find()) {
            out.append(m.group(1)).append(' ');
        }
        return out.toString();
    }
}
