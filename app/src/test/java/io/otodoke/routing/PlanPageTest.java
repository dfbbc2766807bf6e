package io.otodoke.routing;

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
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The dispatcher's plan page over HTTP: a shop's two routes not yet started, each with stops on both sides of
 * town, are planned so each van takes one side; a stop locked to a van goes on it; publishing writes the plan
 * shown onto the routes; another shop's operator never sees them.
 */
@OtodokeTest
class PlanPageTest {

    static final Caller ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    static final String PASSWORD = "planner-password";
    static final double LAT = 35.6812;
    static final double LON = 139.7671;
    static final LocalDate DAY = LocalDate.of(2026, 12, 14);

    @Autowired
    WebApplicationContext web;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Depots depots;
    @Autowired
    Routes routes;
    @Autowired
    ShipmentRegistry registry;

    MockMvc mvc;
    Caller operator;
    String depot;
    List<Route> ours;
    MockHttpSession session;
    MockHttpSession otherSession;

    @BeforeEach
    void shopWithTwoMixedRoutes() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = tenants.create(ADMIN, "planpage-" + run, "Plan page " + run, false);
        operator = new Caller(Role.OPERATOR, shop.id(), null, null, null, "test");
        depot = "P" + run;
        depots.create(operator, new Depots.NewDepot(depot, "中央デポ", "東京都", LAT, LON));
        List<String> numbers = IntStream.range(0, 8).mapToObj(i -> "PP" + run + "-" + i).toList();
        registry.register(shop.id(), numbers.stream().map(x -> new ShipmentRegistration(Routes.OWN_FLEET, x,
                ShipmentLeg.OUTBOUND, null, new Recipient("受取 太郎", "100-0005", "東京都", "千代田区", "丸の内1-1",
                "03-0000-0000"), false, null)).toList());
        ours = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            String device = "pv" + v + "-" + run;
            vehicles.register(operator, "Van " + v, device);
            int van = v;
            // each route zig-zags: stop i is west when even, east when odd, 3.6 km either side, all between 10:00
            // and 10:48 — too tight for one van to do both sides (the last stop at ~10:53), enough for a van to
            // cross once (~10:42)
            List<Routes.NewStop> stops = IntStream.range(0, 4).mapToObj(i -> new Routes.NewStop("東京都 " + van + "-" + i,
                    LAT + 0.002 * i + 0.001 * van, LON + (i % 2 == 0 ? -0.04 : 0.04), at(10, 0), at(10, 48),
                    List.of(numbers.get(van * 4 + i)), null)).toList();
            ours.add(routes.create(operator, new Routes.NewRoute("PR" + v + "-" + run, DAY, depot, device, null, stops)));
        }
        session = signIn("planner-" + run + "@example.jp", shop.id());
        Shop other = tenants.create(ADMIN, "planpage-x-" + run, "Other " + run, false);
        depots.create(new Caller(Role.OPERATOR, other.id(), null, null, null, "test"),
                new Depots.NewDepot("X" + run, "他社デポ", "東京都", LAT, LON));
        otherSession = signIn("other-planner-" + run + "@example.jp", other.id());
    }

    private MockHttpSession signIn(String email, long tenant) throws Exception {
        accounts.create(ADMIN, new Accounts.NewUser(email, "配車 担当", Role.OPERATOR, tenant, null, PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void plansLocksAndPublishesTheDaysRoutesNotStarted() throws Exception {
        Document start = page(get("/dispatch/plan").param("depot", depot).param("date", DAY.toString()), session);
        assertThat(start.select("h1").text()).isEqualTo("ルート計画");
        assertThat(start.select(".plan-current-route strong").eachText())
                .containsExactlyInAnyOrder(ours.get(0).code(), ours.get(1).code());

        Document planned = plan(List.of());
        assertThat(planned.select(".plan-summary .badge").text()).isEqualTo("すべての時間帯・積載・勤務時間を守れます");
        assertThat(planned.select(".plan-route")).hasSize(2);
        for (Element card : planned.select(".plan-route")) {
            assertThat(card.select(".plan-distance").text()).endsWith(" km");
            assertThat(card.select(".plan-duration").text()).endsWith(" 分");
            assertThat(card.select(".plan-slack").text()).endsWith(" 分");
        }
        assertThat(planned.select(".plan-map").attr("data-plan")).contains("\"routes\"", "\"points\"");
        // a good plan gives each van one side of town
        String eastVan = null;
        for (Element card : planned.select(".plan-route")) {
            List<Long> ids = stopIds(card);
            assertThat(ids.stream().map(this::east).distinct()).hasSize(1);
            if (east(ids.getFirst())) {
                eastVan = card.select(".route-card-head > span").text();
            }
        }
        assertThat(eastVan).isNotNull();

        // lock a west stop to the east van: it goes on that van
        long west = allStops().stream().filter(s -> !east(s.id())).findFirst().orElseThrow().id();
        Document locked = plan(List.of("lock-" + west, eastVan));
        String finalEastVan = eastVan;
        Element eastCard = locked.select(".plan-route").stream()
                .filter(c -> c.select(".route-card-head > span").text().equals(finalEastVan)).findFirst().orElseThrow();
        assertThat(stopIds(eastCard)).contains(west);
        assertThat(eastCard.select("select[name=lock-" + west + "] option[selected]").attr("value")).isEqualTo(eastVan);

        // publish what is shown: the routes take exactly those stops in that order
        MockHttpServletRequestBuilder publish = post("/dispatch/plan").param("depot", depot).param("date", DAY.toString())
                .param("action", "publish").with(csrf());
        for (Element hidden : locked.select("input[type=hidden][name^=route-]")) {
            publish.param(hidden.attr("name"), hidden.attr("value"));
        }
        Document done = page(publish, session);
        assertThat(done.select(".notice-done").text()).startsWith("計画を公開しました");
        for (Element hidden : locked.select("input[type=hidden][name^=route-]")) {
            long routeId = Long.parseLong(hidden.attr("name").substring("route-".length()));
            List<Long> shown = hidden.attr("value").isEmpty() ? List.of()
                    : Arrays.stream(hidden.attr("value").split(",")).map(Long::valueOf).toList();
            assertThat(routes.route(operator, routeId).orElseThrow().stops()).extracting(Stop::id)
                    .containsExactlyElementsOf(shown);
        }

        // a stale plan (a stop missing) is refused with a message, not an error page
        Element first = locked.select("input[type=hidden][name^=route-]").first();
        Document stale = page(post("/dispatch/plan").param("depot", depot).param("date", DAY.toString())
                .param("action", "publish").param(first.attr("name"), "").with(csrf()), session);
        assertThat(stale.select(".notice-error").text()).isNotEmpty();
    }

    @Test
    void anotherShopsOperatorSeesNothingOfOursAndEnglishIsOffered() throws Exception {
        Document theirs = page(get("/dispatch/plan").param("depot", depot).param("date", DAY.toString()), otherSession);
        assertThat(theirs.text()).doesNotContain(ours.get(0).code(), ours.get(1).code(), "中央デポ");
        Document posted = page(post("/dispatch/plan").param("depot", depot).param("date", DAY.toString())
                .param("action", "plan").with(csrf()), otherSession);
        assertThat(posted.select(".plan-route")).isEmpty();
        assertThat(posted.text()).doesNotContain(ours.get(0).code());

        Document english = page(get("/dispatch/plan").param("date", DAY.toString()).param("lang", "en"), session);
        assertThat(english.select("h1").text()).isEqualTo("Route plan");
        Document badDate = page(post("/dispatch/plan").param("depot", depot).param("date", "tomorrow").with(csrf()), session);
        assertThat(badDate.select(".notice-error").text()).isEqualTo("日付を YYYY-MM-DD で指定してください。");
    }

    static java.time.OffsetDateTime at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(io.otodoke.tracking.EventTime.TOKYO).toOffsetDateTime();
    }

    private Document plan(List<String> extra) throws Exception {
        MockHttpServletRequestBuilder request = post("/dispatch/plan").param("depot", depot)
                .param("date", DAY.toString()).param("action", "plan").with(csrf());
        for (int i = 0; i < extra.size(); i += 2) {
            request.param(extra.get(i), extra.get(i + 1));
        }
        return page(request, session);
    }

    private List<Stop> allStops() {
        return ours.stream().flatMap(r -> r.stops().stream()).toList();
    }

    private boolean east(long stopId) {
        return allStops().stream().filter(s -> s.id() == stopId).findFirst().orElseThrow().longitude() > LON;
    }

    private static List<Long> stopIds(Element card) {
        return card.select(".plan-stop").eachAttr("data-stop").stream().map(Long::valueOf).toList();
    }

    private Document page(MockHttpServletRequestBuilder request, MockHttpSession as) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.session(as)).andReturn().getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(html).isEqualTo(200);
        return Jsoup.parse(html);
    }
}
