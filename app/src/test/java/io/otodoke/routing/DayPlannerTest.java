package io.otodoke.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Vehicles;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Planning a day on the real database, publishing it to the fleet, and the extra-stop recommendation. */
@OtodokeTest
class DayPlannerTest {

    static final Caller ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    /** Two clusters of stops ~3 km east and west of the depot in Tokyo. */
    static final double LAT = 35.6812;
    static final double LON = 139.7671;
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Autowired
    Tenants tenants;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Depots depots;
    @Autowired
    Routes routes;
    @Autowired
    ShipmentRegistry registry;
    @Autowired
    DayPlanner planner;
    @Autowired
    VanRecommendations recommendations;
    @Autowired
    Credentials credentials;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    record Shop2(Caller operator, String depot, List<String> vans, String run) {
    }

    Shop2 shop(int vans) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = tenants.create(ADMIN, "plan-" + run, "Plan shop " + run, false);
        Caller operator = new Caller(Role.OPERATOR, shop.id(), null, null, null, "test");
        depots.create(operator, new Depots.NewDepot("D" + run, "デポ", "東京都", LAT, LON));
        List<String> devices = IntStream.range(0, vans).mapToObj(i -> "van" + i + "-" + run).toList();
        devices.forEach(d -> vehicles.register(operator, "Van " + d, d));
        return new Shop2(operator, "D" + run, devices, run);
    }

    List<String> shipments(Shop2 s, int n) {
        List<String> numbers = IntStream.range(0, n).mapToObj(i -> "PL" + s.run() + "-" + i).toList();
        registry.register(s.operator().tenantId(), numbers.stream().map(x -> new ShipmentRegistration(Routes.OWN_FLEET,
                x, ShipmentLeg.OUTBOUND, null, new Recipient("受取 太郎", "100-0005", "東京都", "千代田区", "丸の内1-1",
                "03-0000-0000"), false, null)).toList());
        return numbers;
    }

    static OffsetDateTime at(int hour) {
        return DAY.atTime(hour, 0).atZone(EventTime.TOKYO).toOffsetDateTime();
    }

    /** Stop i: even ones west, odd ones east, each 300 m further north; every third one has a 2-hour slot. */
    static DayPlanner.StopInput stop(int i, String number, String locked) {
        double lon = LON + (i % 2 == 0 ? -0.03 : 0.03);
        boolean slot = i % 3 == 0;
        return new DayPlanner.StopInput("東京都 " + i, LAT + 0.003 * (i / 2), lon, slot ? at(10) : null,
                slot ? at(12) : null, number == null ? null : List.of(number), null, null, null, locked);
    }

    @Test
    void plansADayKeepsEveryWindowAndPublishesTheRoutesToTheFleet() {
        Shop2 s = shop(2);
        List<String> numbers = shipments(s, 12);
        List<DayPlanner.StopInput> stops = IntStream.range(0, 12).mapToObj(i -> stop(i, numbers.get(i), null)).toList();
        DayPlanner.Plan plan = planner.plan(s.operator(), new DayPlanner.PlanRequest(DAY, s.depot(),
                s.vans().stream().map(v -> new DayPlanner.VanInput(v, null, 10, null, null)).toList(), stops, 2, true));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.published()).isTrue();
        assertThat(plan.routes()).hasSize(2);
        assertThat(plan.routes().stream().flatMap(r -> r.stops().stream()).map(DayPlanner.PlannedStop::stop))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).boxed().toList());
        for (DayPlanner.PlannedRoute r : plan.routes()) {
            // the clusters are 5 km apart: a good plan gives each van one side
            assertThat(r.stops().stream().map(p -> p.longitude() > LON).distinct()).hasSize(1);
            assertThat(r.distanceMeters()).isPositive();
            assertThat(r.slackSeconds()).isNotNegative();
            for (DayPlanner.PlannedStop p : r.stops()) {
                DayPlanner.StopInput in = stops.get(p.stop());
                if (in.windowEnd() != null) {
                    assertThat(p.serviceStart()).isAfterOrEqualTo(in.windowStart()).isBeforeOrEqualTo(in.windowEnd());
                }
            }
        }
        List<Route> published = routes.day(s.operator(), DAY);
        assertThat(published).hasSize(2);
        for (DayPlanner.PlannedRoute r : plan.routes()) {
            Route route = published.stream().filter(x -> x.id() == r.routeId()).findFirst().orElseThrow();
            assertThat(route.deviceId()).isEqualTo(r.vehicle());
            assertThat(route.stops()).extracting(io.otodoke.fleet.Stop::address)
                    .containsExactlyElementsOf(r.stops().stream().map(DayPlanner.PlannedStop::address).toList());
        }
    }

    @Test
    void aStopLockedToAVanGoesOnThatVan() {
        Shop2 s = shop(2);
        List<DayPlanner.StopInput> stops = new ArrayList<>(IntStream.range(0, 8).mapToObj(i -> stop(i, null, null)).toList());
        // a west stop locked to whichever van does not take the west side on its own
        DayPlanner.Plan free = planner.plan(s.operator(), request(s, stops));
        String eastVan = free.routes().stream().filter(r -> r.stops().getFirst().longitude() > LON).findFirst()
                .orElseThrow().vehicle();
        stops.set(0, stop(0, null, eastVan));
        DayPlanner.Plan locked = planner.plan(s.operator(), request(s, stops));
        assertThat(locked.feasible()).isTrue();
        assertThat(locked.routes().stream().filter(r -> r.vehicle().equals(eastVan)).findFirst().orElseThrow().stops())
                .extracting(DayPlanner.PlannedStop::stop).contains(0);
        assertThat(locked.published()).isFalse();
        assertThat(routes.day(s.operator(), DAY)).isEmpty();
    }

    private static DayPlanner.PlanRequest request(Shop2 s, List<DayPlanner.StopInput> stops) {
        return new DayPlanner.PlanRequest(DAY, s.depot(), s.vans().stream()
                .map(v -> new DayPlanner.VanInput(v, null, 4, null, null)).toList(), stops, 1, false);
    }

    @Test
    void badInputIsAFieldErrorAndAnotherShopsDepotIsUnknown() {
        Shop2 a = shop(1);
        Shop2 b = shop(1);
        assertThat(status(() -> planner.plan(a.operator(), request(a, List.of(new DayPlanner.StopInput("x", 200.0,
                LON, null, null, null, null, null, null, null)))))).isEqualTo("400 invalid-stops[0].latitude");
        assertThat(status(() -> planner.plan(b.operator(), request(a, List.of(stop(1, null, null))))))
                .isEqualTo("400 invalid-depot");
        assertThat(status(() -> planner.plan(a.operator(), new DayPlanner.PlanRequest(DAY, a.depot(),
                List.of(new DayPlanner.VanInput(b.vans().getFirst(), null, null, null, null)), List.of(stop(1, null, null)),
                1, false)))).isEqualTo("400 invalid-vans[0].vehicle");
        assertThat(status(() -> planner.plan(a.operator(), new DayPlanner.PlanRequest(DAY, a.depot(),
                List.of(new DayPlanner.VanInput(a.vans().getFirst(), null, null, null, null)), List.of(stop(1, null, null)),
                3600, false)))).isEqualTo("400 invalid-seconds");
    }

    /** A realistic day, 5 vans of 30 stops each on their routes, and one more stop: answered in under a second. */
    @Test
    void recommendsAVanForAnExtraStopWithinOneSecond() {
        Shop2 s = shop(5);
        List<String> numbers = shipments(s, 150);
        for (int v = 0; v < 5; v++) {
            int van = v;
            List<Routes.NewStop> stops = IntStream.range(0, 30).mapToObj(i -> new Routes.NewStop("東京都 " + van + "-" + i,
                    LAT + 0.002 * i, LON + 0.02 * (van - 2), null, null, List.of(numbers.get(van * 30 + i)), null)).toList();
            routes.create(s.operator(), new Routes.NewRoute("R" + v + "-" + s.run(), DAY, s.depot(), s.vans().get(v), null,
                    stops));
        }
        VanRecommendations.RecommendRequest ask = new VanRecommendations.RecommendRequest(DAY,
                new DayPlanner.StopInput("追加", LAT + 0.031, LON + 0.0401, null, null, null, null, null, null, null), 3);
        recommendations.recommend(s.operator(), ask); // the first call warms the JIT up

        long started = System.nanoTime();
        VanRecommendations.Recommendations answer = recommendations.recommend(s.operator(), ask);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isLessThan(1000);
        assertThat(answer.recommendations()).hasSize(3);
        VanRecommendations.Recommendation best = answer.recommendations().getFirst();
        // the stop lies right beside the end of the easternmost route
        assertThat(best.vehicle()).isEqualTo(s.vans().get(4));
        assertThat(best.feasible()).isTrue();
        assertThat(best.position()).isBetween(15, 31);
        assertThat(best.extraDrivingSeconds()).isLessThan(answer.recommendations().get(1).extraDrivingSeconds() + 1);
        Shop2 other = shop(1);
        assertThat(status(() -> recommendations.recommend(other.operator(), ask))).isEqualTo("409 no-open-route");
    }

    /**
     * The same over HTTP as the dispatcher's client calls it (issue 10's acceptance): a 150-stop day, the
     * answer within a second measured at the client, JSON in and out, and bad input a 400 problem.
     */
    @Test
    void theRecommendationApiAnswersWithinOneSecondForA150StopDay() throws Exception {
        Shop2 s = shop(5);
        List<String> numbers = shipments(s, 150);
        LocalDate day = DAY.plusDays(1);
        for (int v = 0; v < 5; v++) {
            int van = v;
            List<Routes.NewStop> stops = IntStream.range(0, 30).mapToObj(i -> new Routes.NewStop("東京都 " + van + "-" + i,
                    LAT + 0.002 * i, LON + 0.02 * (van - 2), null, null, List.of(numbers.get(van * 30 + i)), null)).toList();
            routes.create(s.operator(), new Routes.NewRoute("H" + v + "-" + s.run(), day, s.depot(), s.vans().get(v), null,
                    stops));
        }
        String key = credentials.issueApiKey(ADMIN, "dispatch", Role.OPERATOR, s.operator().tenantId(), null).secret();
        String body = "{\"serviceDate\":\"" + day + "\",\"stop\":{\"address\":\"追加\",\"latitude\":" + (LAT + 0.031)
                + ",\"longitude\":" + (LON + 0.0401) + "},\"limit\":3}";
        post(key, body); // the first call warms the JIT up

        long started = System.nanoTime();
        HttpResponse<String> answer = post(key, body);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(millis).isLessThan(1000);
        JsonNode best = json.readTree(answer.body()).get("recommendations").get(0);
        assertThat(best.get("vehicle").asString()).isEqualTo(s.vans().get(4));
        assertThat(best.get("feasible").asBoolean()).isTrue();
        HttpResponse<String> bad = post(key, "{\"serviceDate\":\"" + day + "\",\"stop\":{\"latitude\":95,\"longitude\":0}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/routing/recommendations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(Runnable call) {
        try {
            call.run();
            return "no error";
        } catch (ErrorResponseException e) {
            String type = e.getBody().getType().toString();
            return e.getStatusCode().value() + " " + type.substring(type.lastIndexOf(':') + 1);
        }
    }
}
