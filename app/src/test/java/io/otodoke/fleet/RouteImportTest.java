package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/routes/import}: good routes are planned, bad ones are reported by line and column. */
@OtodokeTest
class RouteImportTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WebApplicationContext web;
    @Autowired
    Credentials credentials;
    @Autowired
    ObjectMapper json;

    FleetWorld world;
    FleetWorld.Fleet fleet;
    String key;
    MockMvc mvc;

    @BeforeEach
    void fleet() {
        world = new FleetWorld(context);
        fleet = world.fleet(1);
        key = credentials.issueApiKey(FleetWorld.SYSTEM_ADMIN, "planner", Role.OPERATOR, fleet.shop().id(), null).secret();
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void goodRoutesArePlannedAndEveryBadRowIsReportedWithItsLineAndColumn() throws Exception {
        String code = fleet.route().code();
        MockHttpServletResponse r = send(file(code, numbers(6)));
        JsonNode report = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).as(report.toString()).isEqualTo(200);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);

        JsonNode a = report.get("routes").get(0);
        assertThat(a.get("route").asString()).isEqualTo(code + "-A");
        assertThat(a.get("lines").toString()).isEqualTo("[3,2]"); // in sequence order, not file order
        Route planned = world.routes.route(fleet.operator(), a.get("id").asLong()).orElseThrow();
        assertThat(planned.stops()).extracting(Stop::address).containsExactly("東京都千代田区丸の内1-1", "東京都千代田区丸の内2-1");
        assertThat(planned.stops().get(1).shipmentIds()).hasSize(2);
        assertThat(planned.driverUserId()).isEqualTo(fleet.driver().id());
        assertThat(planned.stops().getFirst().windowStart()).hasToString(planned.serviceDate() + "T00:00:00Z");

        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("index").asInt() + " " + e.get("code").asString() + " "
                + (e.has("field") ? e.get("field").asString() : "-")));
        assertThat(errors).containsExactly("5 invalid-latitude latitude", "6 invalid-window-end window_end",
                "7 missing-route route", "8 invalid-tracking-numbers tracking_numbers");
        assertThat(report.get("routes").get(1).has("id")).isFalse(); // absent: not created
        assertThat(world.routes.day(fleet.operator(), planned.serviceDate())).extracting(Route::code)
                .containsExactlyInAnyOrder(code, code + "-A");
    }

    @Test
    void aFileOfOnlyBadRoutesIs422AndAFileThatIsNoRoutesCsvIs400() throws Exception {
        String bad = "route,service_date,depot,vehicle,sequence,address,latitude,longitude,tracking_numbers\n"
                + "X1,2026-12-01,NO-SUCH-DEPOT,v,1,東京都,35.6,139.7,N1\n";
        MockHttpServletResponse none = send(bad.getBytes(StandardCharsets.UTF_8));
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("no-valid-routes", "invalid-depot");

        for (byte[] malformed : List.of("route,sequence\nX,1\n".getBytes(StandardCharsets.UTF_8),
                (bad.replace("tracking_numbers", "tracking_numbers,colour")).getBytes(StandardCharsets.UTF_8),
                bad.replace("東京都", "\u6771").getBytes(java.nio.charset.Charset.forName("Shift_JIS")),
                bad.lines().findFirst().orElseThrow().getBytes(StandardCharsets.UTF_8))) {
            MockHttpServletResponse r = send(malformed);
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat(r.getContentAsString()).contains("malformed-csv");
        }
    }

    private MockHttpServletResponse send(byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/routes/import").header("Authorization", "Bearer " + key)
                .contentType("text/csv").content(body)).andReturn().getResponse();
    }

    private List<String> numbers(int count) {
        String prefix = "IMP" + fleet.route().code();
        List<String> numbers = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        world.ownFleetShipments(fleet.shop(), numbers);
        return numbers;
    }

    /** The test file (with a BOM, rows out of order, a quoted address) for this test's shop. */
    private byte[] file(String route, List<String> numbers) throws Exception {
        String text = new ClassPathResource("fleet/routes-import.csv").getContentAsString(StandardCharsets.UTF_8)
                .replace("{route}", route).replace("{date}", fleet.route().serviceDate().toString())
                .replace("{depot}", fleet.depot().code()).replace("{vehicle}", fleet.vehicle().deviceId())
                .replace("{driver}", fleet.driver().email());
        for (int i = 0; i < numbers.size(); i++) {
            text = text.replace("{n" + i + "}", numbers.get(i));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
