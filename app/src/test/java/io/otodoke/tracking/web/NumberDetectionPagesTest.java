package io.otodoke.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The result page for numbers Otodoke does not track (tracking-numbers.md §5.3): every carrier a
 * number fits, the visitor's choice remembered in their own browser, and a helpful sentence for a
 * number that fits none. Through the whole application.
 */
@OtodokeTest
class NumberDetectionPagesTest {

    /** 12 digits with a valid 7DR check digit: Yamato, Sagawa and Japan Post. */
    static final String JP12 = "4444-1375-8703";
    static final String JP12_N = "444413758703";
    static final String YAMATO_URL = "https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=444413758703";
    static final String SAGAWA_URL = "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=444413758703";
    static final String JAPANPOST_URL = "https://trackings.post.japanpost.jp/services/srv/search/direct?searchKind=S002&amp;locale=ja&amp;reqCodeNo1=444413758703";

    @Autowired
    WebApplicationContext context;
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

    MockHttpServletResponse choose(String number, String carrier, Cookie... cookies) throws Exception {
        var request = post("/track/choice").with(csrf()).param("number", number).param("carrier", carrier)
                .param("numbers", number);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse();
    }

    @Test
    void aNumberThatFitsSeveralCarriersListsThemAllWithTheirOfficialPages() throws Exception {
        String html = page(get("/track").param("numbers", JP12));

        assertThat(html).contains("この番号は 3 社の形式に当てはまります", "番号だけでは配送業者を決められません",
                "ヤマト運輸", "佐川急便", "日本郵便", "12 桁の数字", "チェックディジット（確認用の数字）も一致");
        for (String url : List.of(YAMATO_URL, SAGAWA_URL, JAPANPOST_URL)) {
            assertThat(html).contains("href=\"" + url + "\" target=\"_blank\" rel=\"noopener noreferrer\"");
        }
        assertThat(html.indexOf(YAMATO_URL)).as("the default order in Japan").isLessThan(html.indexOf(SAGAWA_URL));
        assertThat(html.indexOf(SAGAWA_URL)).isLessThan(html.indexOf(JAPANPOST_URL));
        assertThat(html).contains("action=\"/track/choice\"", "name=\"_csrf\"", "name=\"carrier\" value=\"yamato\"",
                "name=\"carrier\" value=\"sagawa\"", "name=\"carrier\" value=\"japanpost\"", "この配送業者です",
                "id=\"r-444413758703\"")
                .doesNotContain("選択済み", "FedEx");

        assertThat(page(get("/track").param("numbers", JP12).param("lang", "en")))
                .contains("This number fits 3 carriers", "Yamato Transport", "Sagawa Express", "Japan Post",
                        "This is my carrier", "12 digits");
    }

    @Test
    void oneCandidateIsSaidSoButADigitsOnlyNumberIsNeverCalledCertain() throws Exception {
        assertThat(page(get("/track").param("numbers", "1z999aa10123456784")))
                .contains("この番号は 1 社の形式に当てはまります：UPS", "trackNums=1Z999AA10123456784")
                .doesNotContain("数字だけの番号は");
        assertThat(page(get("/track").param("numbers", "771613423732")))
                .as("FedEx only, and a mistyped Yamato number would look like this")
                .contains("この番号は 1 社の形式に当てはまります：FedEx", "数字だけの番号は、Otodoke が自動で見分けない配送業者",
                        "伝票がヤマト運輸（クロネコヤマト）、佐川急便、日本郵便の場合は", "打ち間違えているかもしれません");
    }

    @Test
    void theChosenCarrierIsRememberedInTheBrowserListedFirstAndCanBeChanged() throws Exception {
        var response = mvc.perform(post("/track/choice").with(csrf()).param("number", JP12).param("carrier", "japanpost")
                        .param("numbers", JP12 + "\n1Z999AA10123456784"))
                .andExpect(redirectedUrl("/track?numbers=4444-1375-8703%0A1Z999AA10123456784#r-444413758703"))
                .andExpect(cookie().value(CarrierChoices.COOKIE, JP12_N + ":japanpost"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Set-Cookie")).contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=");
        Cookie chosen = response.getCookie(CarrierChoices.COOKIE);

        String html = page(get("/track").param("numbers", JP12).cookie(chosen));
        assertThat(html).contains("選択済み", "あなたが選んだ配送業者を先頭に表示しています", "この配送業者に変更", "選択を取り消す",
                "name=\"carrier\" value=\"yamato\"", "name=\"carrier\" value=\"sagawa\"");
        assertThat(html.indexOf(JAPANPOST_URL)).as("the choice first, the others still there")
                .isLessThan(html.indexOf(YAMATO_URL)).isLessThan(html.indexOf(SAGAWA_URL));
        assertThat(html.indexOf("選択済み")).isLessThan(html.indexOf(YAMATO_URL));
        assertThat(page(get("/track").param("numbers", JP12).cookie(chosen).param("lang", "en")))
                .contains("Your choice", "Change to this carrier");

        Cookie changed = choose(JP12, "sagawa", chosen).getCookie(CarrierChoices.COOKIE);
        assertThat(changed.getValue()).isEqualTo(JP12_N + ":sagawa");
        String again = page(get("/track").param("numbers", JP12).cookie(changed));
        assertThat(again.indexOf(SAGAWA_URL)).isLessThan(again.indexOf(YAMATO_URL));

        Cookie forgotten = choose(JP12, "", changed).getCookie(CarrierChoices.COOKIE);
        assertThat(forgotten.getMaxAge()).as("nothing left: the cookie is deleted").isZero();
        assertThat(page(get("/track").param("numbers", JP12))).doesNotContain("選択済み");
    }

    @Test
    void aCarrierTheNumberDoesNotFitIsIgnoredAndSoIsAForgedCookie() throws Exception {
        for (String forged : List.of("ups", "fedex", "<script>", "yamato:x|y")) {
            assertThat(choose(JP12, forged).getHeader("Set-Cookie")).as(forged).isNull();
        }
        assertThat(choose("1234.5678", "yamato").getHeader("Set-Cookie")).isNull();
        mvc.perform(post("/track/choice").param("number", JP12).param("carrier", "yamato"))
                .andExpect(status().isForbidden());

        Cookie forged = new Cookie(CarrierChoices.COOKIE, JP12_N + ":ups|garbage|:|" + JP12_N + ":sagawa");
        String html = page(get("/track").param("numbers", JP12).cookie(forged));
        assertThat(html).as("ups does not fit: ignored, not shown").doesNotContain("選択済み", "UPS");
        assertThat(html.indexOf(YAMATO_URL)).isLessThan(html.indexOf(SAGAWA_URL));
    }

    @Test
    void theCookieKeepsTheFortyNewestChoices() throws Exception {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < CarrierChoices.MAX; i++) {
            pairs.add(jp12(10_000_000_000L + i) + ":yamato");
        }
        Cookie full = new Cookie(CarrierChoices.COOKIE, String.join("|", pairs));
        String value = choose(JP12, "sagawa", full).getCookie(CarrierChoices.COOKIE).getValue();
        List<String> kept = List.of(value.split("\\|"));
        assertThat(kept).hasSize(CarrierChoices.MAX).first().isEqualTo(JP12_N + ":sagawa");
        assertThat(kept).doesNotContain(pairs.getLast()).contains(pairs.getFirst());
        assertThat(value.length()).isLessThan(4000);
    }

    @Test
    void aWrongCheckDigitSaysADigitMayBeMistyped() throws Exception {
        String html = page(get("/track").param("numbers", "4444-1375-8704"));
        assertThat(html).contains("この番号は、どの配送業者の形式にも当てはまりません",
                "ヤマト運輸（クロネコヤマト）、佐川急便、日本郵便、FedExの番号と同じ形ですが、末尾の確認用の数字（チェックディジット）が合いません",
                "どこかの数字を打ち間違えているかもしれません", "伝票の番号と見比べてください")
                .doesNotContain("まだ Otodoke では追跡されていません", "action=\"/track/choice\"", "kuronekoyamato.co.jp/parcel");
        assertThat(page(get("/track").param("numbers", "4444-1375-8704").param("lang", "en")))
                .contains("It has the shape of a Yamato Transport, Sagawa Express, Japan Post or FedEx number",
                        "the check digit at the end does not match: a digit may be mistyped");
    }

    @Test
    void somethingThatIsNoNumberAtAllGetsAHelpfulSentenceNeverAnError() throws Exception {
        assertThat(page(get("/track").param("numbers", "1234.5678")))
                .contains("追跡番号に使われるのは数字と英字だけですが、「.」が入っています");
        assertThat(page(get("/track").param("numbers", "ーー"))).contains("数字や英字が入っていません");
        assertThat(page(get("/track").param("numbers", "123456789")))
                .contains("9 桁の数字の追跡番号は、Otodoke が自動で見分けられる配送業者では使われていません", "西濃運輸や福山通運");
        assertThat(page(get("/track").param("numbers", "ABC123").param("lang", "en")))
                .contains("None of the carriers Otodoke recognises uses numbers of this shape (6 letters and digits)");
        assertThat(page(get("/track").param("numbers", "1".repeat(10_000))))
                .contains("入力が長すぎるため、追跡番号として読み取れません（256 文字まで）");
        assertThat(page(get("/track").param("numbers", "\uD83D\uDCE6\u0007<b>").param("lang", "en")))
                .contains("Tracking numbers contain only digits and Latin letters, but this one contains", "U+0007", "&lt;")
                .doesNotContain("<b>", "<B>");
        assertThat(page(get("/track").param("numbers", "1' OR '1'='1")))
                .contains("この番号は、どの配送業者の形式にも当てはまりません").doesNotContainIgnoringCase("exception");
    }

    @Test
    void aTrackedNumberKeepsTheShopsCarrierAndMentionsTheOthersItFits() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + OtodokeTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"carrier":"sagawa","trackingNumber":"6000-7955-5353",
                         "order":{"orderNumber":"DETECT-1","customerEmail":"saburo@example.jp","customerName":"田中 三郎",
                                  "items":[{"name":"ほうじ茶 100g","quantity":1,"unitPriceYen":800}],"totalYen":800},
                         "recipient":{"name":"田中 三郎","postalCode":"100-0001","prefecture":"東京都","city":"千代田区",
                                      "addressLine":"千代田1-1","phone":"03-0000-0000"}}"""))
                .andExpect(status().is2xxSuccessful());

        String html = page(get("/track").param("numbers", "600079555353"));
        assertThat(html).contains("class=\"carrier\"", "佐川急便", "ほかの配送業者の形式にも当てはまります",
                "pno=600079555353", "reqCodeNo1=600079555353", "tracknumbers=600079555353")
                .doesNotContain("action=\"/track/choice\"", "この配送業者です");
        assertThat(html).as("no personal data").doesNotContain("田中", "saburo@example.jp", "千代田", "100-0001",
                "03-0000-0000", "ほうじ茶", "DETECT-1");
    }

    /** A 12-digit number from 11 digits, with its 7DR check digit. */
    static String jp12(long first11) {
        return String.format("%011d", first11) + (first11 % 7);
    }
}
