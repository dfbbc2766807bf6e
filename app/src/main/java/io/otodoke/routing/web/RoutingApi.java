package io.otodoke.routing.web;

import io.otodoke.account.Caller;
import io.otodoke.routing.DayPlanner;
import io.otodoke.routing.VanRecommendations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Route optimisation for a shop's dispatcher: plan a day, ask which van should take an extra stop. */
@RestController
@Tag(name = "Routing", description = "Route optimisation of the own fleet (docs/routing.md)")
class RoutingApi {

    private final DayPlanner planner;
    private final VanRecommendations recommendations;

    RoutingApi(DayPlanner planner, VanRecommendations recommendations) {
        this.planner = planner;
        this.recommendations = recommendations;
    }

    @PostMapping("/api/v1/routing/plans")
    @Operation(summary = "Plan a service day: stops onto vans, optimised; with publish=true the routes are created",
            description = "Hard: capacity, windows (service starts by the window's end), shift end, locks; then least "
                    + "driving time, then fewest vans. Errors name the field, e.g. stops[2].latitude.")
    ResponseEntity<DayPlanner.Plan> plan(@RequestBody DayPlanner.PlanRequest body, Caller caller) {
        DayPlanner.Plan plan = planner.plan(caller, body);
        return ResponseEntity.status(plan.published() ? HttpStatus.CREATED : HttpStatus.OK).body(plan);
    }

    @PostMapping("/api/v1/routing/recommendations")
    @Operation(summary = "Rank the places an extra stop could take on the day's open routes (nothing is changed)")
    VanRecommendations.Recommendations recommend(@RequestBody VanRecommendations.RecommendRequest body, Caller caller) {
        return recommendations.recommend(caller, body);
    }
}
