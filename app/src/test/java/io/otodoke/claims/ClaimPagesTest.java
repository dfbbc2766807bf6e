package io.otodoke.claims;

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
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.StatusReason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The claim pages: a buyer reports a parcel not received from the order page; the shop's operator
 * sees the evidence tracking gave (the delivery time, the scan's distance from the address) and
 * decides; another shop's operator and another buyer find nothing.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimPagesTest {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    static final String PASSWORD = "correct horse battery";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    Depots depots;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Routes routes;
    @Autowired
    Claims claims;

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    Caller operator;
    String email;
    MockHttpSession buyer;
    MockHttpSession otherBuyer;
    MockHttpSession staffA;
    MockHttpSession staffB;
    String device;
    int numbers;

    @BeforeAll
    void shopsWithAFleetABuyerAndStaff() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Shop a = tenants.create(SYSTEM_ADMIN, "cp-a-" + run, "Shop A", false);
        Shop b = tenants.create(SYSTEM_ADMIN, "cp-b-" + run, "Shop B", false);
        operator = new Caller(Role.OPERATOR, a.id(), null, null, null, "test");
        device = "cp-van-" + run;
        vehicles.register(operator, "Van", device);
        depots.create(operator, new Depots.NewDepot("CP" + run, "江東デポ", "東京都江東区", ClaimsTest.LAT - 0.01,
                ClaimsTest.LON + 0.01));
        claims.rules(operator, new ClaimRules(200, null, null, null));
        email = "claimant-" + run + "@example.jp";
        buyer = signIn(email, Role.SHOPPER, a.id());
        otherBuyer = signIn("other-" + run + "@example.jp", Role.SHOPPER, a.id());
        staffA = signIn("op-a-" + run + "@example.jp", Role.OPERATOR, a.id());
        staffB = signIn("op-b-" + run + "@example.jp", Role.OPERATOR, b.id());
    }

    MockHttpSession signIn(String address, Role role, long tenant) throws Exception {
        accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(address, role + " " + run, role, tenant, null, PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(address).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    /** An own-fleet parcel of the buyer's order, delivered with the phone {@code metersNorth} north of the door. */
    long[] delivered(double metersNorth) {
        String n = "CP" + run.replaceAll("[^0-9a-f]", "0") + (++numbers);
        var outcome = registry.register(operator.tenantId(), List.of(new ShipmentRegistration("own_fleet", n, null,
                new OrderDetails("CP-" + n, email, null, null, null, null, false, null, null, null, false, false),
                null, false, null))).getFirst();
        long shipment = outcome.shipmentId();
        Route route = routes.create(operator, new Routes.NewRoute("R" + n, routes.today(), "CP" + run, device, null,
                List.of(new Routes.NewStop("東京都千代田区丸の内1-1", ClaimsTest.LAT, ClaimsTest.LON, null, null, List.of(n), null))));
        routes.start(operator, route.id());
        routes.delivered(operator, route.stops().getFirst().id(), StatusReason.SAFE_PLACE, "玄関前",
                ClaimsTest.LAT + metersNorth / 111_195.0, ClaimsTest.LON, null);
        return new long[] {registry.shipment(operator.tenantId(), shipment).orElseThrow().orderId(), shipment};
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

    @Test
    void aBuyerReportsANotReceivedParcelAndTheStaffSeeTheEvidenceAndTheRule() throws Exception {
        long[] ids = delivered(1000);
        long o = ids[0], s = ids[1];
        String base = "/orders/" + o + "/shipments/" + s + "/claim";
        assertThat(page(get("/orders/" + o), buyer)).contains("href=\"" + base + "\"", "届いていない・破損している");
        assertThat(page(get(base), buyer)).contains("「配達完了」なのに受け取っていない", "enctype=\"multipart/form-data\"");

        MvcResult posted = mvc.perform(post(base).param("kind", "NOT_RECEIVED").param("description", "ポストにも玄関にもありません")
                .session(buyer).with(csrf())).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(base);
        String after = page(get(base).flashAttrs(posted.getFlashMap()), buyer);
        assertThat(after).contains("お申し出を受け付けました。", "承認されました", "再送");

        Claim c = claims.ofShipment(operator, s).getFirst();
        assertThat(c.requestedBy()).contains(email);
        String list = page(get("/claims"), staffA);
        assertThat(list).contains("href=\"/claims/" + c.id() + "\"", "配達済みだが届いていない");
        assertThat(page(get("/claims?state=UNDER_REVIEW"), staffA)).doesNotContain("href=\"/claims/" + c.id() + "\"");
        String detail = page(get("/claims/" + c.id()), staffA);
        assertThat(detail).contains("1000 m", "配達日時", "ルールで自動承認：delivery scan 1000 m from the address &gt; 200 m",
                "置き配", "ポストにも玄関にもありません", "配達完了（置き配：玄関前）");
        assertThat(detail).containsPattern("id=\"delivered-at\">20\\d\\d年\\d+月\\d+日");
        assertThat(detail).as("decided already: no forms").doesNotContain("approve-form");
        assertThat(page(get("/claims/" + c.id()).header("Accept-Language", "en"), staffA)).isNotEmpty();
    }

    @Test
    void theStaffDecideAClaimUnderReviewWithAnOutcome() throws Exception {
        long[] ids = delivered(30);
        Claim c = claims.file(new Caller(Role.SHOPPER, operator.tenantId(), null, null, email, "test"), ids[1],
                new Claims.NewClaim(ClaimKind.NOT_RECEIVED, null));
        assertThat(c.state()).isEqualTo(ClaimState.UNDER_REVIEW);
        String detail = page(get("/claims/" + c.id()), staffA);
        assertThat(detail).contains("30 m", "担当者の確認待ち", "approve-form", "reject-form", "name=\"_csrf\"");
        MvcResult noNote = mvc.perform(post("/claims/" + c.id() + "/reject").session(staffA).with(csrf())).andReturn();
        assertThat(page(get("/claims/" + c.id()).flashAttrs(noNote.getFlashMap()), staffA))
                .contains("お断りする理由を入力してください。");
        assertThat(status(post("/claims/" + c.id() + "/approve").param("outcome", "REFUND"), staffA))
                .as("without the CSRF token").isEqualTo(403);
        MvcResult ok = mvc.perform(post("/claims/" + c.id() + "/approve").param("outcome", "REFUND")
                .param("note", "返金します").session(staffA).with(csrf())).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/claims/" + c.id());
        assertThat(claims.get(operator, c.id()).outcome()).isEqualTo(ClaimOutcome.REFUND);
        assertThat(page(get("/orders/" + ids[0] + "/shipments/" + ids[1] + "/claim"), buyer))
                .contains("承認されました（返金）", "返金します");
    }

    @Test
    void aReshipDecidedOnTheStaffPageReachesTheBuyersOrderMarked再送() throws Exception {
        long[] ids = delivered(20);
        Claim c = claims.file(new Caller(Role.SHOPPER, operator.tenantId(), null, null, email, "test"), ids[1],
                new Claims.NewClaim(ClaimKind.NOT_RECEIVED, null));
        assertThat(page(get("/claims/" + c.id()), staffA)).contains("name=\"trackingNumber\"", "再送の追跡番号（任意）");
        MvcResult typo = mvc.perform(post("/claims/" + c.id() + "/approve").param("outcome", "RESHIP")
                .param("carrier", "yamato").param("trackingNumber", "300000000001").session(staffA).with(csrf())).andReturn();
        assertThat(page(get("/claims/" + c.id()).flashAttrs(typo.getFlashMap()), staffA))
                .contains("選んだ配送業者の番号として正しくありません（決定はしていません）", "approve-form");
        MvcResult ok = mvc.perform(post("/claims/" + c.id() + "/approve").param("outcome", "RESHIP")
                .param("carrier", "yamato").param("trackingNumber", "").param("note", "再送いたします")
                .session(staffA).with(csrf())).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/claims/" + c.id());
        Claim decided = claims.get(operator, c.id());
        assertThat(decided.replacementCarrier()).as("no number given: an own-fleet label").isEqualTo("own_fleet");
        String number = decided.replacementTrackingNumber();
        assertThat(page(get("/claims/" + c.id()), staffA))
                .contains("href=\"/shipments/" + decided.replacementShipmentId() + "\"", number);

        String order = page(get("/orders/" + ids[0]), buyer);
        assertThat(order).as("the replacement is its own card, marked 再送, its timeline says why")
                .contains(number, "leg-replacement\">再送<", "再送：お申し出 #" + c.id() + " の代わりのお荷物です",
                        "代わりのお荷物を再送します（追跡番号 " + number + "）");
        assertThat(page(get("/orders/" + ids[0]).param("lang", "en"), buyer)).contains(">Replacement<");
        assertThat(page(get("/orders/" + ids[0] + "/shipments/" + ids[1] + "/claim"), buyer))
                .contains("承認されました（再送）", "再送のお荷物", number, "再送いたします");
    }

    @Test
    void aDamagedParcelIsReportedWithAPhotoThatTheStaffSee() throws Exception {
        long[] ids = delivered(10);
        String base = "/orders/" + ids[0] + "/shipments/" + ids[1] + "/claim";
        mvc.perform(multipart(base).file(new MockMultipartFile("photo", "box.jpg", "image/jpeg", jpeg()))
                .param("kind", "DAMAGED").session(buyer).with(csrf())).andReturn();
        Claim c = claims.ofShipment(operator, ids[1]).getFirst();
        assertThat(c.kind()).isEqualTo(ClaimKind.DAMAGED);
        assertThat(c.photoIds()).hasSize(1);
        assertThat(page(get("/claims/" + c.id()), staffA)).contains("/claims/" + c.id() + "/photos/" + c.photoIds().getFirst());
        var photo = mvc.perform(get("/claims/" + c.id() + "/photos/" + c.photoIds().getFirst()).session(staffA))
                .andReturn().getResponse();
        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(photo.getContentType()).startsWith("image/");
        assertThat(status(get("/claims/" + c.id() + "/photos/" + c.photoIds().getFirst()), staffB)).isEqualTo(404);
    }

    @Test
    void aParcelNotYetDeliveredGetsAPlainAnswerNotAnError() throws Exception {
        long[] ids = delivered(10);
        String base = "/orders/" + ids[0] + "/shipments/" + ids[1] + "/claim";
        MvcResult lost = mvc.perform(post(base).param("kind", "LOST").session(buyer).with(csrf())).andReturn();
        assertThat(page(get(base).flashAttrs(lost.getFlashMap()), buyer)).contains("この内容のお申し出はお受けできません");
        MvcResult nothing = mvc.perform(post(base).session(buyer).with(csrf())).andReturn();
        assertThat(page(get(base).flashAttrs(nothing.getFlashMap()), buyer)).contains("内容を選んでください。");
    }

    @Test
    void nobodyReachesAnotherShopsOrAnotherBuyersClaims() throws Exception {
        long[] ids = delivered(5000);
        Claim c = claims.file(operator, ids[1], new Claims.NewClaim(ClaimKind.NOT_RECEIVED, null));
        String base = "/orders/" + ids[0] + "/shipments/" + ids[1] + "/claim";
        assertThat(status(get("/claims/" + c.id()), staffB)).isEqualTo(404);
        assertThat(page(get("/claims"), staffB)).doesNotContain("href=\"/claims/" + c.id() + "\"");
        assertThat(status(post("/claims/" + c.id() + "/reject").param("note", "x").with(csrf()), staffB)).isEqualTo(404);
        assertThat(status(get(base), otherBuyer)).isEqualTo(404);
        assertThat(status(post(base).param("kind", "DAMAGED").with(csrf()), otherBuyer)).isEqualTo(404);
        assertThat(status(get("/claims"), buyer)).as("a buyer has no staff page").isEqualTo(403);
        assertThat(status(get(base), staffA)).as("the staff have no buyer page").isEqualTo(403);
        assertThat(status(get("/claims/x"), staffA)).isEqualTo(404);
    }

    static byte[] jpeg() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
