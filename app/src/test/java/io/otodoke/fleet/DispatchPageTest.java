package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The dispatcher's page and its data: one tenant's routes, vans and late stops, never another tenant's. */
@OtodokeTest
class DispatchPageTest {

    static final String PASSWORD = "dispatcher-password";

    @Autowired
    ApplicationContext context;
    @Autowired
    WebApplicationContext web;
    @Autowired
    PositionWriter writer;
    @Autowired
    ObjectMapper json;

    FleetWorld world;
    FleetWorld.Fleet ours;
    FleetWorld.Fleet theirs;
    Route late;
    MockMvc mvc;
    MockHttpSession operator;

    @BeforeEach
    void twoShops() throws Exception {
        world = new FleetWorld(context);
        ours = world.fleet(3);
        theirs = world.fleet(2);
        // a second route of ours whose only stop's window closed an hour ago: late
        String number = "LATE" + ours.route().code();
        world.ownFleetShipments(ours.shop(), List.of(number));
        OffsetDateTime closed = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        late = world.routes.create(ours.operator(), new Routes.NewRoute(ours.route().code() + "-L",
                ours.route().serviceDate(), ours.depot().code(), ours.vehicle().deviceId(), null,
                List.of(new Routes.NewStop("東京都中央区銀座9-9", FleetWorld.LAT, FleetWorld.LON + 0.01,
                        closed.minusHours(2), closed, List.of(number), null))));
        writer.store(List.of(new Positions.Located(ours.vehicle().id(), new PositionReport(ours.vehicle().deviceId(),
                Instant.now(), FleetWorld.LAT - 0.002, FleetWorld.LON, 8.0, null, null, null, null, Map.of()))), Instant.now());

        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        String email = "dispatcher-" + ours.route().code().toLowerCase() + "@example.jp";
        world.accounts.create(FleetWorld.SYSTEM_ADMIN, new Accounts.NewUser(email, "配車 担当", Role.OPERATOR,
                ours.shop().id(), null, PASSWORD));
        operator = (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void theOperatorSeesItsRoutesWithProgressLatenessAndTheMapButNoOtherShopsRoute() throws Exception {
        Document page = page(get("/dispatch").param("date", date()));
        assertThat(page.select("nav a[href=\"/dispatch\"]").attr("aria-current")).isEqualTo("page");
        List<String> codes = page.select(".route-card .route-code").eachText();
        assertThat(codes).containsExactlyInAnyOrder(ours.route().code(), late.code());
        assertThat(page.text()).doesNotContain(theirs.route().code());

        Element planned = card(page, ours.route().code());
        assertThat(planned.select(".badge").text()).isEqualTo("出発前");
        assertThat(planned.select("progress").attr("max")).isEqualTo("3");
        assertThat(planned.select(".route-progress span").text()).isEqualTo("0 / 3 件完了");
        assertThat(planned.select(".route-meta").text()).contains(ours.vehicle().name(), ours.driver().displayName());
        assertThat(planned.text()).contains("予測誤差 まだ実績なし", "#1 東京都千代田区丸の内1-1", "遅れなし");
        Element lateCard = card(page, late.code());
        assertThat(lateCard.select("dd.is-late").text()).isEqualTo("1 件");
        assertThat(lateCard.select(".late-stops li").eachText()).singleElement().asString().startsWith("#1 東京都中央区銀座9-9");

        Element layout = page.selectFirst(".dispatch-layout");
        assertThat(layout.attr("data-url")).isEqualTo("/dispatch/data?date=" + date());
        assertThat(page.selectFirst(".dispatch-map").attr("data-tile-url")).isNotBlank();
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/dispatch.js");
        assertThat(page.select("form[action=\"/dispatch/import\"] input[name=_csrf]")).hasSize(1);

        Document english = page(get("/dispatch").param("date", date()).param("lang", "en"));
        assertThat(english.select("h1").text()).isEqualTo("Dispatch");
        assertThat(card(english, ours.route().code()).select(".badge").text()).isEqualTo("Not started");
    }

    @Test
    void theDataForTheRefreshHoldsTheSameRoutesTheVansAndEveryStop() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/dispatch/data").param("date", date()).session(operator))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode board = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(board.get("date").asString()).isEqualTo(date());
        List<String> codes = new ArrayList<>();
        board.get("routes").forEach(route -> codes.add(route.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder(ours.route().code(), late.code());
        assertThat(board.toString()).doesNotContain(theirs.route().code(), theirs.vehicle().deviceId());

        JsonNode planned = board.get("routes").get(codes.indexOf(ours.route().code()));
        assertThat(planned.get("stops")).hasSize(3);
        assertThat(planned.get("stops").get(2).get("latitude").asDouble()).isEqualTo(FleetWorld.LAT + 0.008);
        assertThat(planned.get("etaError").asString()).startsWith("予測誤差");
        assertThat(planned.get("next").get("sequence").asInt()).isEqualTo(1);
        JsonNode lateRoute = board.get("routes").get(codes.indexOf(late.code()));
        assertThat(lateRoute.get("lateStops")).hasSize(1);
        assertThat(lateRoute.get("stops").get(0).get("late").asBoolean()).isTrue();

        assertThat(board.get("vans")).singleElement().satisfies(van -> {
            assertThat(van.get("deviceId").asString()).isEqualTo(ours.vehicle().deviceId());
            assertThat(van.get("latitude").asDouble()).isEqualTo(FleetWorld.LAT - 0.002);
        });
    }

    @Test
    void theOperatorUploadsTheRoutesCsvAndSeesTheReport() throws Exception {
        String number = "UP" + ours.route().code();
        world.ownFleetShipments(ours.shop(), List.of(number));
        String csv = "route,service_date,depot,vehicle,sequence,address,latitude,longitude,tracking_numbers\n"
                + ours.route().code() + "-U," + date() + "," + ours.depot().code() + "," + ours.vehicle().deviceId()
                + ",1,東京都千代田区1-1,35.68,139.76," + number + "\n"
                + ours.route().code() + "-V," + date() + "," + ours.depot().code() + "," + ours.vehicle().deviceId()
                + ",1,東京都千代田区1-2,135.68,139.76," + number + "\n";
        MockMultipartFile file = new MockMultipartFile("file", "routes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        Document page = page(multipart("/dispatch/import").file(file).param("date", date()).with(csrf()));
        assertThat(page.select(".import-summary").text()).isEqualTo("1 件のルートを作成しました。1 件は作成できませんでした。");
        assertThat(page.select(".import-errors tbody tr").eachText()).containsExactly("3 latitude latitude must be a number from -90 to 90.");
        assertThat(page.select(".route-card .route-code").eachText()).contains(ours.route().code() + "-U");

        Document broken = page(multipart("/dispatch/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "name\nx\n".getBytes(StandardCharsets.UTF_8))).with(csrf()));
        assertThat(broken.select(".notice-error").text()).contains("何も作成していません", "unknown columns [name]");
    }

    private String date() {
        return ours.route().serviceDate().toString();
    }

    private Document page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.session(operator)).andReturn().getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(html).isEqualTo(200);
        return Jsoup.parse(html);
    }

    private static Element card(Document page, String code) {
        return page.select(".route-card").stream().filter(c -> c.select(".route-code").text().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + code));
    }
}
