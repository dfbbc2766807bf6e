package io.otodoke.fleet.web;

import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Stop;
import io.otodoke.fleet.Vehicle;
import io.otodoke.tracking.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * What the dispatcher sees of one day: every route with its progress, late stops, ETA quality and
 * next stop, and every van where it is now. The page renders it and {@code /dispatch/data} sends it
 * as JSON every 15 seconds, so the texts come ready in the reader's language and times in Japan time.
 * Staff may see every stop of their routes (design/last-mile.md forbids that to recipients only).
 *
 * @param updatedAt when this was read, {@code HH:mm:ss}
 */
record DispatchBoard(LocalDate date, String updatedAt, List<RouteCard> routes, List<Van> vans) {

    /** Colours told apart on the map and in the list: route line i has class {@code route-colour-(i % COLOURS)}. */
    static final int COLOURS = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * @param colour      the route's colour class, the same on its card and its line on the map
     * @param tone        the state badge's tone class
     * @param percent     completed stops in percent, for the progress bar
     * @param etaError    「予測誤差 平均 N 分」, or that there is none yet
     * @param next        the first open stop, or null when none is open
     */
    record RouteCard(long id, String code, String colour, String depot, String vehicle, String driver, RouteState state,
                     String stateLabel, String tone, long completed, int total, int percent, String progress,
                     List<LateStop> lateStops, String late, String etaError, NextStop next, List<MapStop> stops) {
    }

    /** @param window when the window ended, {@code HH:mm} */
    record LateStop(int sequence, String address, String window) {
    }

    /** @param eta the predicted arrival {@code HH:mm}, or null before the route starts */
    record NextStop(int sequence, String address, String eta, String text) {
    }

    record MapStop(int sequence, double latitude, double longitude, String state, boolean late, String label) {
    }

    /** @param time when the position was taken, {@code HH:mm}; route the code of its route that day, if one */
    record Van(String name, String deviceId, double latitude, double longitude, String time, String route,
               String label) {
    }

    static DispatchBoard of(LocalDate date, List<Route> routes, List<Vehicle> vehicles, Instant now,
                            MessageSource messages, Locale locale) {
        Texts t = new Texts(messages, locale);
        Map<Long, String> routeOfVehicle = new HashMap<>();
        List<RouteCard> cards = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            routeOfVehicle.putIfAbsent(r.vehicleId(), r.code());
            cards.add(card(r, "route-colour-" + (i % COLOURS), now, t));
        }
        List<Van> vans = vehicles.stream().filter(v -> v.currentPosition() != null).map(v -> {
            String time = clock(v.currentPosition().time());
            String route = routeOfVehicle.get(v.id());
            return new Van(v.name(), v.deviceId(), v.currentPosition().latitude(), v.currentPosition().longitude(), time,
                    route, t.get("dispatch.van.label", v.name(), route == null ? "—" : route, time));
        }).toList();
        return new DispatchBoard(date, ZonedDateTime.ofInstant(now, EventTime.TOKYO).format(SECONDS), cards, vans);
    }

    private static RouteCard card(Route r, String colour, Instant now, Texts t) {
        int total = r.stops().size();
        long completed = r.completedStops();
        List<LateStop> late = r.stops().stream().filter(s -> s.late(now))
                .map(s -> new LateStop(s.sequence(), s.address(), clock(s.windowEnd()))).toList();
        Stop open = r.stops().stream().filter(s -> s.state().open()).findFirst().orElse(null);
        NextStop next = null;
        if (open != null) {
            String eta = open.estimatedArrival() == null ? null : clock(open.estimatedArrival());
            next = new NextStop(open.sequence(), open.address(), eta, eta == null
                    ? t.get("dispatch.next.no-eta", open.sequence(), open.address())
                    : t.get("dispatch.next.text", open.sequence(), open.address(), eta));
        }
        List<MapStop> stops = r.stops().stream().map(s -> new MapStop(s.sequence(), s.latitude(), s.longitude(),
                s.state().name(), s.late(now), t.get("dispatch.stop.label", s.sequence(), s.address(),
                        t.get("dispatch.stop-state." + s.state().name())))).toList();
        String tone = switch (r.state()) {
            case PLANNED -> "tone-muted";
            case STARTED -> "tone-moving";
            case FINISHED -> "tone-done";
        };
        return new RouteCard(r.id(), r.code(), colour, r.depot().name(), r.vehicleName(),
                r.driverName() == null ? t.get("dispatch.no-driver") : r.driverName(), r.state(),
                t.get("dispatch.route-state." + r.state().name()), tone, completed, total,
                total == 0 ? 0 : (int) (completed * 100 / total), t.get("dispatch.progress", completed, total),
                late, late.isEmpty() ? t.get("dispatch.late.none") : t.get("dispatch.late.count", late.size()),
                r.etaErrorSeconds() == null ? t.get("dispatch.eta-error.none")
                        : t.get("dispatch.eta-error", Math.round(r.etaErrorSeconds() / 60.0)),
                next, stops);
    }

    private static String clock(Instant t) {
        return t == null ? null : ZonedDateTime.ofInstant(t, EventTime.TOKYO).format(CLOCK);
    }

    private record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }
}
