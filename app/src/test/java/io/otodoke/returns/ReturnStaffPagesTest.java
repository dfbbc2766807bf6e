package io.otodoke.returns;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The staff's return pages: the operator lists the return requests, opens one with its items, reason
 * and photo, approves it with an own-fleet label or a carrier number (a typo explained, nothing
 * decided), or rejects it with a reason the buyer then reads; another shop's operator, a buyer and an
 * administrator's decision find nothing or are refused.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnStaffPagesTest {

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
    @Autowired
    Returns returns;

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String apiKey;
    Caller operator;
    Caller shopper;
    String email;
    MockHttpSession buyer;
    MockHttpSession staffA;
    MockHttpSession staffB;
    MockHttpSession admin;
    int orders;

    @BeforeAll
    void twoShopsABuyerAndStaff() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop a = tenants.create(SYSTEM_ADMIN, "rs-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "rs-b-" + run, "Shop B", false);
        apiKey = credentials.issueApiKey(SYSTEM_ADMIN, "op", Role.OPERATOR, a.id(), null).secret();
        operator = new Caller(Role.OPERATOR, a.id(), null, null, null, "test");
        email = "rs-buyer-" + run + "@example.jp";
        shopper = new Caller(Role.SHOPPER, a.id(), null, null, email, "test");
        buyer = signIn(email, Role.SHOPPER, a.id());
        staffA = signIn("rs-op-a-" + run + "@example.jp", Role.OPERATOR, a.id());
        staffB = signIn("rs-op-b-" + run + "@example.jp", Role.OPERATOR, b.id());
        admin = signIn("rs-admin-" + run + "@example.jp", Role.ADMIN, null);
    }

    MockHttpSession signIn(String address, Role role, Long tenant) throws Exception {
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(address, role + " " + run, role, tenant, null, PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(address).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    /** A return asked by the buyer for one 急須 of a new order, with a photo. */
    ReturnAuthorisation asked(ReturnReason reason, String comment) throws Exception {
        String number = ReturnsTest.yamato(UUID.randomUUID().getLeastSignificantBits());
        var r = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content("""
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"RS-%s-%d","customerEmail":"%s",
                 "items":[{"name":"緑茶 100g","quantity":2,"unitPriceYen":980},{"name":"急須","quantity":1,"unitPriceYen":3300}]}}
                """.formatted(number, run, ++orders, email))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        long order = json.readTree(r.getContentAsString()).get("orderId").asLong();
        ReturnAuthorisation asked = returns.request(shopper, order, new Returns.NewReturn(reason, comment,
                List.of(new Returns.Wanted("急須", 1))));
        return returns.addPhoto(shopper, asked.id(), ReturnsTest.jpeg());
    }

    String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        var r = mvc.perform(request.session(session)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse().getStatus();
    }

    String after(MvcResult posted, String path, MockHttpSession session) throws Exception {
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(path);
        return page(get(path).flashAttrs(posted.getFlashMap()), session);
    }

    @Test
    void theOperatorSeesTheRequestWithItsItemsAndPhotoAndApprovesWithALabel() throws Exception {
        ReturnAuthorisation r = asked(ReturnReason.DAMAGED, "注ぎ口が欠けていました");
        String list = page(get("/returns"), staffA);
        assertThat(list).contains("返品の申し込み", "href=\"/returns/" + r.id() + "\"", "確認待ち", "急須 × 1",
                "href=\"/returns\"");
        assertThat(page(get("/returns?state=APPROVED"), staffA)).doesNotContain("href=\"/returns/" + r.id() + "\"");
        assertThat(page(get("/returns?state=nonsense"), staffA)).contains("href=\"/returns/" + r.id() + "\"");

        String detail = page(get("/returns/" + r.id()), staffA);
        assertThat(detail).contains("破損・汚れ", "注ぎ口が欠けていました", "急須 × 1（¥3,300）", "RS-" + run,
                "/returns/" + r.id() + "/photos/" + r.photoIds().getFirst(), "approve-form", "reject-form",
                "name=\"_csrf\"", email);
        var photo = mvc.perform(get("/returns/" + r.id() + "/photos/" + r.photoIds().getFirst()).session(staffA))
                .andReturn().getResponse();
        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(photo.getContentType()).startsWith("image/");
        assertThat(photo.getHeader("Cache-Control")).contains("no-store");

        assertThat(status(post("/returns/" + r.id() + "/approve").param("leg", "LABEL"), staffA))
                .as("without the CSRF token").isEqualTo(403);
        MvcResult ok = mvc.perform(post("/returns/" + r.id() + "/approve").param("leg", "LABEL")
                .param("note", "ラベルを印刷してください").session(staffA).with(csrf())).andReturn();
        String approved = after(ok, "/returns/" + r.id(), staffA);
        ReturnAuthorisation now = returns.get(operator, r.id());
        assertThat(now.state()).isEqualTo(ReturnState.APPROVED);
        assertThat(now.hasLabel()).isTrue();
        assertThat(approved).contains("承認しました。", now.returnTrackingNumber(), "/shipments/" + now.shipmentId(),
                "返金予定 ¥3,300").doesNotContain("approve-form", "reject-form");
        assertThat(page(get("/orders/" + r.orderId() + "/returns"), buyer))
                .contains("返品ラベルを印刷する", "ラベルを印刷してください");
        assertThat(page(get("/returns/" + r.id()).param("lang", "en"), staffA))
                .contains("Approved (awaiting the parcel)", "Return tracking number");
    }

    @Test
    void theOperatorApprovesWithTheCarrierNumberAndATypoDecidesNothing() throws Exception {
        ReturnAuthorisation r = asked(ReturnReason.WRONG_ITEM, null);
        String good = ReturnsTest.yamato(r.id() * 17 + 3);
        String typo = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        MvcResult bad = mvc.perform(post("/returns/" + r.id() + "/approve").param("leg", "CARRIER")
                .param("carrier", "yamato").param("trackingNumber", typo).session(staffA).with(csrf())).andReturn();
        assertThat(after(bad, "/returns/" + r.id(), staffA)).contains("承認はしていません", "approve-form");
        assertThat(returns.get(operator, r.id()).state()).as("rolled back").isEqualTo(ReturnState.REQUESTED);

        MvcResult ok = mvc.perform(post("/returns/" + r.id() + "/approve").param("leg", "CARRIER")
                .param("carrier", "yamato").param("trackingNumber", good).session(staffA).with(csrf())).andReturn();
        assertThat(after(ok, "/returns/" + r.id(), staffA)).contains("承認しました。", good)
                .doesNotContain("number-form");
        ReturnAuthorisation now = returns.get(operator, r.id());
        assertThat(now.returnCarrier()).isEqualTo("yamato");
        assertThat(now.labelExpiresAt()).isNull();
    }

    @Test
    void approvedWithoutANumberTheStaffMayGiveItLater() throws Exception {
        ReturnAuthorisation r = asked(ReturnReason.NO_LONGER_NEEDED, null);
        MvcResult ok = mvc.perform(post("/returns/" + r.id() + "/approve").param("leg", "CARRIER")
                .param("carrier", "yamato").param("trackingNumber", " ").session(staffA).with(csrf())).andReturn();
        assertThat(after(ok, "/returns/" + r.id(), staffA)).contains("承認しました。", "number-form");
        assertThat(returns.get(operator, r.id()).awaitsCarrierNumber()).isTrue();
        String good = ReturnsTest.yamato(r.id() * 19 + 5);
        MvcResult given = mvc.perform(post("/returns/" + r.id() + "/shipment").param("carrier", "yamato")
                .param("trackingNumber", good).session(staffA).with(csrf())).andReturn();
        assertThat(after(given, "/returns/" + r.id(), staffA)).contains("追跡番号を登録しました。", good);
    }

    @Test
    void aRejectionNeedsAReasonWhichTheBuyerReads() throws Exception {
        ReturnAuthorisation r = asked(ReturnReason.NOT_AS_DESCRIBED, null);
        MvcResult noNote = mvc.perform(post("/returns/" + r.id() + "/reject").session(staffA).with(csrf())).andReturn();
        assertThat(after(noNote, "/returns/" + r.id(), staffA)).contains("お断りする理由を入力してください。");
        MvcResult ok = mvc.perform(post("/returns/" + r.id() + "/reject").param("note", "開封済みのため")
                .session(staffA).with(csrf())).andReturn();
        assertThat(after(ok, "/returns/" + r.id(), staffA)).contains("お断りしました。", "お断り", "開封済みのため")
                .doesNotContain("approve-form");
        MvcResult again = mvc.perform(post("/returns/" + r.id() + "/approve").param("leg", "LABEL")
                .session(staffA).with(csrf())).andReturn();
        assertThat(after(again, "/returns/" + r.id(), staffA)).contains("この返品はすでに決定済みです。");
        assertThat(page(get("/orders/" + r.orderId() + "/returns"), buyer)).contains("お受けできませんでした", "開封済みのため");
    }

    @Test
    void nobodyReachesAnotherShopsReturnsAndOnlyTheShopDecides() throws Exception {
        ReturnAuthorisation r = asked(ReturnReason.OTHER, null);
        String path = "/returns/" + r.id();
        assertThat(status(get(path), staffB)).isEqualTo(404);
        assertThat(page(get("/returns"), staffB)).doesNotContain("href=\"" + path + "\"");
        assertThat(status(post(path + "/approve").param("leg", "LABEL").with(csrf()), staffB)).isEqualTo(404);
        assertThat(status(post(path + "/reject").param("note", "x").with(csrf()), staffB)).isEqualTo(404);
        assertThat(status(get(path + "/photos/" + r.photoIds().getFirst()), staffB)).isEqualTo(404);
        assertThat(status(get("/returns"), buyer)).as("a buyer has no staff page").isEqualTo(403);
        assertThat(status(get(path + "/photos/" + r.photoIds().getFirst()), buyer)).isEqualTo(403);
        assertThat(page(get(path), admin)).as("an administrator reads").contains("急須 × 1")
                .doesNotContain("approve-form");
        assertThat(status(post(path + "/approve").param("leg", "LABEL").with(csrf()), admin))
                .as("but has no shop to decide in").isEqualTo(403);
        assertThat(returns.get(operator, r.id()).state()).isEqualTo(ReturnState.REQUESTED);
        assertThat(status(get("/returns/x"), staffA)).isEqualTo(404);
        assertThat(status(get(path + "/photos/999999999"), staffA)).isEqualTo(404);
    }
}
