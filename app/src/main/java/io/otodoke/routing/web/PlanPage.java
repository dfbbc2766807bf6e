package io.otodoke.routing.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.Depot;
import io.otodoke.fleet.Depots;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.StopState;
import io.otodoke.routing.DayPlanner;
import io.otodoke.routing.RoutingProperties;
import io.otodoke.tracking.EventTime;
import io.otodoke.web.PageController;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The dispatcher's plan page (docs/routing.md): pick a depot and a day, and the pending stops of that day's
 * routes not yet started are planned onto their vans by {@link DayPlanner}; the page shows each planned route
 * on a map with its distance, duration and slack, lets the dispatcher lock a stop to a van and plan again,
 * and publishes the plan shown through {@link Routes#rearrange}. Routes under way are re-planned live
 * ({@link io.otodoke.routing.Replanner}), not here. Operators plan; an administrator sees the page without
 * a shop's depots.
 */
@PageController
class PlanPage {

    /** How long the page lets the planner search: a dispatcher waits for the answer. */
    static final int SECONDS = 3;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Depots depots;
    private final Routes routes;
    private final DayPlanner planner;
    private final RoutingProperties properties;
    private final MessageSource messages;
    private final ObjectMapper json;

    PlanPage(Depots depots, Routes routes, DayPlanner planner, RoutingProperties properties, MessageSource messages,
             ObjectMapper json) {
        this.depots = depots;
        this.routes = routes;
        this.planner = planner;
        this.properties = properties;
        this.messages = messages;
        this.json = json;
    }

    /** A stop of the plan as the page lists it. */
    record PlanStop(long id, int position, String address, String window, String arrival, String lockedVehicle) {
    }

    /** A planned route: the route it will be published onto, its van, and the figures the dispatcher judges it by. */
    record PlanRoute(long routeId, String code, String vehicle, String colour, String distance, String duration,
                     String slack, List<PlanStop> stops, String order) {
    }

    @GetMapping("/dispatch/plan")
    String page(@RequestParam(required = false) String depot,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                Caller caller, Locale locale, Model model) {
        Scope scope = scope(depot, date, caller, model);
        model.addAttribute("current", current(scope, caller));
        return "routing/plan";
    }

    @PostMapping("/dispatch/plan")
    String plan(@RequestParam MultiValueMap<String, String> form, Caller caller, Locale locale, Model model) {
        LocalDate date = null;
        try {
            date = form.getFirst("date") == null ? null : LocalDate.parse(form.getFirst("date"));
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("error", messages.getMessage("plan.bad-date", null, locale));
        }
        Scope scope = scope(form.getFirst("depot"), date, caller, model);
        List<Route> current = current(scope, caller);
        model.addAttribute("current", current);
        if (model.containsAttribute("error") || scope.depot() == null || current.isEmpty() || !caller.is(Role.OPERATOR)) {
            return "routing/plan";
        }
        try {
            if ("publish".equals(form.getFirst("action"))) {
                Map<Long, List<Long>> order = new LinkedHashMap<>();
                for (Route r : current) {
                    String value = form.getFirst("route-" + r.id());
                    List<Long> stops = new ArrayList<>();
                    if (value != null && !value.isBlank()) {
                        for (String id : value.split(",")) {
                            stops.add(Long.parseLong(id.trim()));
                        }
                    }
                    order.put(r.id(), stops);
                }
                routes.rearrange(caller, order);
                model.addAttribute("published", true);
                model.addAttribute("current", current(scope, caller));
                return "routing/plan";
            }
            show(scope, current, locks(form), caller, locale, model);
        } catch (NumberFormatException e) {
            model.addAttribute("error", messages.getMessage("plan.changed", null, locale));
        } catch (ErrorResponseException e) {
            model.addAttribute("error", e.getBody().getDetail());
        }
        return "routing/plan";
    }

    private record Scope(List<Depot> depots, Depot depot, LocalDate date) {
    }

    private Scope scope(String depotCode, LocalDate date, Caller caller, Model model) {
        List<Depot> all = caller.is(Role.OPERATOR) ? depots.list(caller) : List.of();
        Depot depot = all.stream().filter(d -> d.code().equals(depotCode)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        LocalDate day = date == null ? routes.today() : date;
        model.addAttribute("depots", all);
        model.addAttribute("depot", depot);
        model.addAttribute("date", day);
        model.addAttribute("canPlan", caller.is(Role.OPERATOR));
        model.addAttribute("seconds", Math.min(SECONDS, properties.solveTime().toSeconds()));
        return new Scope(all, depot, day);
    }

    /** The day's routes of the depot that have not started: what the page plans. */
    private List<Route> current(Scope scope, Caller caller) {
        if (scope.depot() == null) {
            return List.of();
        }
        return routes.day(caller, scope.date()).stream()
                .filter(r -> r.depot().id() == scope.depot().id() && r.state() == RouteState.PLANNED).toList();
    }

    /** The form's locks: {@code lock-<stop id>} = the device id of the van it must go on, or empty. */
    private static Map<Long, String> locks(MultiValueMap<String, String> form) {
        Map<Long, String> locks = new HashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("lock-") && !values.isEmpty() && values.getFirst() != null && !values.getFirst().isBlank()) {
                locks.put(Long.parseLong(key.substring("lock-".length())), values.getFirst());
            }
        });
        return locks;
    }

    private void show(Scope scope, List<Route> current, Map<Long, String> locks, Caller caller, Locale locale,
                      Model model) {
        Map<String, Route> byVehicle = new LinkedHashMap<>();
        for (Route r : current) {
            if (byVehicle.putIfAbsent(r.deviceId(), r) != null) {
                model.addAttribute("error", messages.getMessage("plan.two-routes", new Object[] {r.deviceId()}, locale));
                return;
            }
        }
        List<Stop> stops = current.stream().flatMap(r -> r.stops().stream())
                .filter(s -> s.state() == StopState.PENDING).toList();
        if (stops.isEmpty()) {
            model.addAttribute("error", messages.getMessage("plan.no-stops", null, locale));
            return;
        }
        List<DayPlanner.StopInput> inputs = stops.stream().map(s -> new DayPlanner.StopInput(s.address(), s.latitude(),
                s.longitude(), offset(s.windowStart()), offset(s.windowEnd()), null, s.shipmentIds(), null, null,
                byVehicle.containsKey(locks.get(s.id())) ? locks.get(s.id()) : null)).toList();
        List<DayPlanner.VanInput> vans = byVehicle.keySet().stream()
                .map(v -> new DayPlanner.VanInput(v, null, null, null, null)).toList();
        DayPlanner.Plan plan = planner.plan(caller, new DayPlanner.PlanRequest(scope.date(), scope.depot().code(), vans,
                inputs, (int) Math.min(SECONDS, properties.solveTime().toSeconds()), false));

        List<PlanRoute> planned = new ArrayList<>();
        List<Map<String, Object>> mapRoutes = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, Route> van : byVehicle.entrySet()) {
            DayPlanner.PlannedRoute p = plan.routes().stream().filter(x -> x.vehicle().equals(van.getKey())).findFirst()
                    .orElse(null);
            List<PlanStop> list = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            if (p != null) {
                for (DayPlanner.PlannedStop ps : p.stops()) {
                    Stop s = stops.get(ps.stop());
                    list.add(new PlanStop(s.id(), list.size() + 1, s.address(), window(s), hm(ps.arrival()),
                            inputs.get(ps.stop()).lockedVehicle()));
                    points.add(new double[] {s.latitude(), s.longitude()});
                }
            }
            String css = "route-colour-" + (colour++ % 12);
            planned.add(new PlanRoute(van.getValue().id(), van.getValue().code(), van.getKey(), css,
                    p == null ? "—" : String.format(Locale.ROOT, "%.1f km", p.distanceMeters() / 1000.0),
                    p == null ? "—" : minutes(p.durationSeconds(), locale),
                    p == null ? "—" : minutes(p.slackSeconds(), locale), list,
                    String.join(",", list.stream().map(x -> Long.toString(x.id())).toList())));
            mapRoutes.add(Map.of("colour", css, "code", van.getValue().code(), "points", points));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("planned", planned);
        model.addAttribute("mapData", json.writeValueAsString(Map.of("depot",
                new double[] {scope.depot().latitude(), scope.depot().longitude()}, "routes", mapRoutes)));
    }

    private String minutes(long seconds, Locale locale) {
        return messages.getMessage("plan.minutes", new Object[] {Duration.ofSeconds(seconds).toMinutes()}, locale);
    }

    private static String window(Stop s) {
        if (s.windowStart() == null && s.windowEnd() == null) {
            return "";
        }
        return (s.windowStart() == null ? "" : HOUR_MINUTE.format(s.windowStart().atZone(EventTime.TOKYO))) + "–"
                + (s.windowEnd() == null ? "" : HOUR_MINUTE.format(s.windowEnd().atZone(EventTime.TOKYO)));
    }

    private static String hm(OffsetDateTime t) {
        return t == null ? "" : HOUR_MINUTE.format(t.atZoneSameInstant(EventTime.TOKYO));
    }

    private static OffsetDateTime offset(java.time.Instant t) {
        return t == null ? null : t.atZone(EventTime.TOKYO).toOffsetDateTime();
    }
}
