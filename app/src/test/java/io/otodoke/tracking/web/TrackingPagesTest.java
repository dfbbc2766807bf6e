package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The public pages, through the whole application (security filters, real PostgreSQL). */
@OtodokeTest
class TrackingPagesTest {

    @Autowired
    WebApplicationContext context;
    @LocalServerPort
    int port;
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

    void api(String path, String json) throws Exception {
        mvc.perform(post(path).header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().is2xxSuccessful());
    }

    @Test
    void outsideDemoModeNoPageListsDemoUsers() throws Exception {
        for (String path : new String[] {"/", "/login"}) {
            assertThat(page(get(path))).as(path).doesNotContain("デモ用アカウント", "example.jp", "otodoke-demo", "購入者");
        }
        assertThat(page(get("/").param("lang", "en"))).doesNotContain("Demo accounts", "example.jp", "otodoke-demo");
    }

    @Test
    void theLookupShowsStatusAndTimelineOldestFirstAndNoPersonalData() throws Exception {
        api("/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"4000-1111-2222",
                 "order":{"orderNumber":"PAGES-1","customerEmail":"jiro@example.jp","customerName":"鈴木 次郎",
                          "items":[{"name":"玄米茶 200g","quantity":1,"unitPriceYen":1200}],"totalYen":1200},
                 "recipient":{"name":"鈴木 次郎","postalCode":"060-0001","prefecture":"北海道","city":"札幌市中央区",
                              "addressLine":"北一条西1-1","phone":"011-000-0000"}}""");
        api("/api/v1/events", """
                [{"carrier":"yamato","trackingNumber":"400011112222","source":"yamato","status":"PICKED_UP",
                  "rawText":"荷物受付","occurredLocal":"2026-11-20T09:12","zone":"Asia/Tokyo",
                  "location":{"name":"札幌北支店"},"sourceSequence":0},
                 {"carrier":"yamato","trackingNumber":"400011112222","source":"yamato","status":"IN_TRANSIT",
                  "rawText":"輸送中","occurredLocal":"2026-11-21","precision":"DAY","zone":"Asia/Tokyo","sourceSequence":1}]""");

        String html = page(get("/track").param("numbers", "4000-1111-2222\n0000-1111-2222"));

        assertThat(html).contains("<html lang=\"ja\"", "ヤマト運輸", "400011112222",
                "class=\"status-label\">配送中<", "荷物受付", "札幌北支店", "輸送中",
                "2026年11月20日(金) 09:12", "2026年11月21日(土)<", "情報元", "yamato");
        assertThat(html.indexOf("荷物受付")).as("oldest first").isLessThan(html.indexOf("輸送中"));
        assertThat(html).contains(
                "href=\"https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=400011112222\" target=\"_blank\" rel=\"noopener noreferrer\"");
        assertThat(html).as("an unknown number with a wrong check digit is explained")
                .contains("0000-1111-2222", "チェックディジット）が合いません。どこかの数字を打ち間違えているかもしれません")
                .doesNotContainIgnoringCase("error");
        assertThat(html).as("no personal data").doesNotContain("鈴木", "jiro@example.jp", "札幌市中央区", "北一条",
                "060-0001", "011-000-0000", "玄米茶", "PAGES-1");
    }

    @Test
    void theCarriersForecastIsShownWhileThePackageIsOnItsWay() throws Exception {
        api("/api/v1/shipments", """
                {"carrier":"sagawa","trackingNumber":"400011113333"}""");
        long id = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select id from shipments where tracking_number = '400011113333'").query(Long.class).single();
        context.getBean(io.otodoke.tracking.DeliveryEstimates.class).record(id,
                new io.otodoke.tracking.DeliveryEstimate(java.time.LocalDate.of(2026, 11, 21), "18～21時"));

        assertThat(page(get("/track").param("numbers", "400011113333")))
                .contains("お届け予定", "2026年11月21日(土)", "18～21時", "（配送業者の予定）");
        assertThat(page(get("/track").param("numbers", "400011113333").param("lang", "en")))
                .contains("Expected delivery", "Sat 21 Nov 2026", "(as the carrier expects)");
    }

    @Test
    void japaneseByDefaultEnglishOnRequestRememberedInACookie() throws Exception {
        assertThat(page(get("/"))).contains("<html lang=\"ja\"", "お荷物の配送状況を調べる", "日本語", "English",
                "href=\"/check\"", "詐欺メッセージの確認へ");
        assertThat(page(get("/").header("Accept-Language", "en-GB,en;q=0.8")))
                .contains("<html lang=\"en\"", "Where is my parcel?");
        assertThat(page(get("/").header("Accept-Language", "fr,ja;q=0.5"))).contains("<html lang=\"ja\"");

        var switched = mvc.perform(get("/track").param("numbers", "123412341234").param("lang", "en"))
                .andExpect(status().isOk()).andExpect(cookie().value("otodoke-lang", "en")).andReturn().getResponse();
        switched.setCharacterEncoding("UTF-8");
        assertThat(switched.getContentAsString()).contains("<html lang=\"en\"", "Tracking results",
                "This number does not fit any carrier", "a digit may be mistyped",
                "href=\"?numbers=123412341234&amp;lang=ja\"");

        Cookie remembered = new Cookie("otodoke-lang", "en");
        assertThat(page(get("/").cookie(remembered))).contains("<html lang=\"en\"");
        assertThat(page(get("/").cookie(remembered).param("lang", "xx"))).as("unsupported: ignored")
                .contains("<html lang=\"en\"");
        assertThat(page(get("/").cookie(remembered).param("lang", "ja"))).contains("<html lang=\"ja\"", "追跡する");
    }

    @Test
    void moreThanFortyNumbersAreRefusedKindlyAndNothingIsLookedUp() throws Exception {
        String numbers = IntStream.rangeClosed(1, 41).mapToObj(i -> "9000000000" + String.format("%02d", i))
                .collect(Collectors.joining("\n"));
        String html = page(get("/track").param("numbers", numbers));
        assertThat(html).contains("一度に調べられるのは 40 件までです（入力された件数: 41 件）", "aria-invalid=\"true\"",
                "900000000041");
        assertThat(html).doesNotContain("追跡結果", "まだ Otodoke では追跡されていません");

        assertThat(page(get("/track").param("numbers", numbers).param("lang", "en")))
                .contains("You can look up at most 40 numbers at once (41 were entered)");
    }

    @Test
    void emptyInputGoesBackHomeWithAHint() throws Exception {
        mvc.perform(get("/track").param("numbers", " , \n")).andExpect(redirectedUrl("/?missing"));
        assertThat(page(get("/").param("missing", ""))).contains("追跡番号を入力してください。");
        assertThat(page(get("/"))).doesNotContain("追跡番号を入力してください。");
    }

    @Test
    void ordersNeedASignInAndTheDemoBannerIsOnlyForDemos() throws Exception {
        mvc.perform(get("/orders")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/orders/1")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", endsWith("/login")));
        assertThat(page(get("/"))).doesNotContain("demo-banner", "これはデモです");
        assertThat(page(get("/login"))).contains("サインインできるアカウントはありません").doesNotContain("otodoke-demo");
    }

    @Test
    void aMissingPageIsAnHtmlPageInTheLayoutForBrowsers() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/no-such-page?lang=en")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<html lang=\"en\"", "Page not found", "お届け", "href=\"?lang=ja\"");
    }
}
