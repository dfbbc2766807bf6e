package io.otodoke.delivery;

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
import io.otodoke.tracking.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** 「受取日時・場所を変更」: a buyer whose parcel was attempted picks an evening slot and sees it in the timeline. */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryChangePageTest {

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
    String operatorKey;
    String email;
    MockHttpSession buyer;
    int numbers;

    @BeforeAll
    void aShopAndItsBuyer() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop shop = tenants.create(SYSTEM_ADMIN, "dp-" + run, "Shop", false);
        operatorKey = credentials.issueApiKey(SYSTEM_ADMIN, "op", Role.OPERATOR, shop.id(), null).secret();
        email = "buyer-" + run + "@example.jp";
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, "買い手", Role.SHOPPER, shop.id(), null, PASSWORD));
        buyer = (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    /** An order of the buyer with one parcel of this carrier in this state; {orderId, shipmentId, number}. */
    String[] parcel(String carrier, String status, String text, boolean gift) throws Exception {
        String number = "88" + run.replaceAll("[^0-9]", "2").substring(0, 6) + String.format("%04d", ++numbers);
        JsonNode s = json.readTree(api("/api/v1/shipments", """
                {"carrier":"%s","trackingNumber":"%s","order":{"orderNumber":"DP-%s","customerEmail":"%s","gift":%s},
                 "recipient":{"name":"受取 花子","prefecture":"東京都","city":"渋谷区","addressLine":"神宮前1-2-3"}}
                """.formatted(carrier, number, number, email, gift)));
        api("/api/v1/events", """
                [{"carrier":"%s","trackingNumber":"%s","source":"%s","status":"%s","reason":"ABSENT","rawText":"%s","occurredAt":"%s"}]
                """.formatted(carrier, number, carrier, status, text,
                Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)));
        return new String[] {s.get("orderId").asString(), s.get("id").asString(), number};
    }

    String api(String path, String body) throws Exception {
        var r = mvc.perform(post(path).header("Authorization", "Bearer " + operatorKey)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
        return r.getContentAsString();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        var r = mvc.perform(request.session(buyer)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    static String path(String[] p) {
        return "/orders/" + p[0] + "/shipments/" + p[1] + "/delivery";
    }

    @Test
    void aBuyerWhoseParcelWasAttemptedPicksAnEveningSlotAndSeesItInTheTimeline() throws Exception {
        String[] p = parcel("yamato", "DELIVERY_ATTEMPTED", "持戻（ご不在）", false);
        String order = page(get("/orders/" + p[0]));
        assertThat(order).contains("href=\"" + path(p) + "\"", "受取日時・場所を変更");

        String form = page(get(path(p)));
        LocalDate day = LocalDate.now(EventTime.TOKYO).plusDays(3);
        assertThat(form).contains("再配達を依頼する", "value=\"" + day + "|19-21\"", "19時〜21時", "午前中", "name=\"_csrf\"",
                "置き配（対面せずに指定の場所へ）", "玄関前", "宅配ボックス", "メーターボックス", "車庫", "物置",
                "確定するのはヤマト運輸（クロネコヤマト）です");

        MvcResult posted = mvc.perform(post(path(p)).session(buyer).with(csrf()).param("kind", "REDELIVERY")
                .param("when", day + "|19-21").param("idempotencyKey", "page-" + p[2])).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(path(p));
        String done = page(get(path(p)).flashAttrs(posted.getFlashMap()));
        assertThat(done).contains("ご希望を記録しました。", "変更はまだ確定していません。",
                "href=\"https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=" + p[2] + "\"",
                "追跡番号を入力した状態で開きます。", "これまでのご依頼");

        String timeline = page(get("/orders/" + p[0]));
        assertThat(timeline).contains(">お手続き<", "再配達のご依頼：" + day.getMonthValue() + "月" + day.getDayOfMonth()
                + "日 19時〜21時", "配送業者のページへご案内しました。変更は配送業者が確定します");
        assertThat(timeline).as("the status stays the carrier's").contains(">ご不在のため持ち戻り<");

        String english = page(get(path(p)).param("lang", "en"));
        assertThat(english).contains("Ask for redelivery", "19:00–21:00", "Morning (8–12)", "Your requests so far",
                "Yamato Transport confirms the change.");
    }

    @Test
    void aSlotThatIsNotOfferedComesBackAsAMessageNotAnErrorPage() throws Exception {
        String[] p = parcel("yamato", "DELIVERY_ATTEMPTED", "持戻（ご不在）", false);
        LocalDate day = LocalDate.now(EventTime.TOKYO).plusDays(2);
        MvcResult posted = mvc.perform(post(path(p)).session(buyer).with(csrf()).param("kind", "REDELIVERY")
                .param("when", day + "|12-14").param("idempotencyKey", "bad-" + p[2])).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(path(p));
        assertThat(page(get(path(p)).flashAttrs(posted.getFlashMap()))).contains("その日時はいま選べません。");

        MvcResult noSpot = mvc.perform(post(path(p)).session(buyer).with(csrf()).param("kind", "CHANGE_PLACE")
                .param("place", "SAFE_PLACE").param("spot", "").param("idempotencyKey", "spot-" + p[2])).andReturn();
        assertThat(page(get(path(p)).flashAttrs(noSpot.getFlashMap()))).contains("置き配の場所をお選びください");

        MvcResult door = mvc.perform(post(path(p)).session(buyer).with(csrf()).param("kind", "CHANGE_PLACE")
                .param("place", "SAFE_PLACE").param("spot", "FRONT_DOOR").param("idempotencyKey", "door-" + p[2])).andReturn();
        assertThat(page(get(path(p)).flashAttrs(door.getFlashMap()))).contains("ご希望を記録しました。");
        assertThat(page(get("/orders/" + p[0]))).contains("お届け場所変更のご依頼：置き配（玄関前）");
    }

    @Test
    void withoutTheFormsTokenNothingIsRecorded() throws Exception {
        String[] p = parcel("yamato", "DELIVERY_ATTEMPTED", "持戻（ご不在）", false);
        int status = mvc.perform(post(path(p)).session(buyer).param("kind", "REDELIVERY")
                .param("when", LocalDate.now(EventTime.TOKYO).plusDays(2) + "|19-21").param("idempotencyKey", "x"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(page(get(path(p)))).doesNotContain("これまでのご依頼");
    }

    @Test
    void aDeliveredParcelSaysWhyNothingCanBeChanged() throws Exception {
        String[] p = parcel("japanpost", "DELIVERED", "お届け済み", false);
        String form = page(get(path(p)));
        assertThat(form).contains("このお荷物の配送は終わっているため、変更できません。").doesNotContain("name=\"when\"");
    }

    @Test
    void aGiftsGiverIsNotOfferedTheRecipientsDelivery() throws Exception {
        String[] p = parcel("yamato", "DELIVERY_ATTEMPTED", "持戻（ご不在）", true);
        assertThat(page(get("/orders/" + p[0]))).doesNotContain(path(p));
        assertThat(page(get(path(p)))).contains("ギフトのお届けは、受け取る方のものです。").doesNotContain("name=\"when\"");
        int status = mvc.perform(post(path(p)).session(buyer).with(csrf()).param("kind", "REDELIVERY")
                .param("when", LocalDate.now(EventTime.TOKYO).plusDays(2) + "|19-21").param("idempotencyKey", "g"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
