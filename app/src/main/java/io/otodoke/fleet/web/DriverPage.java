package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.DeliveryPhotos;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteState;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Stop;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.StatusReason;
import io.otodoke.web.PageController;
import io.otodoke.web.ProblemType;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The driver's phone page: today's routes in order and one big button per next step, as plain forms
 * so that it works on any phone browser with a poor signal (post, redirect back, a flash message).
 * What a driver may do is decided by {@link Routes}; a refusal the driver can act on (the route is not
 * started, the stop is done, the photo is unreadable) is said on the page, while a stop that is not
 * theirs is simply not found, as in the API.
 */
@PageController
class DriverPage {

    private final Routes routes;
    private final ShipmentRegistry shipments;
    private final MessageSource messages;

    DriverPage(Routes routes, ShipmentRegistry shipments, MessageSource messages) {
        this.routes = routes;
        this.shipments = shipments;
        this.messages = messages;
    }

    /** A route as the page shows it. */
    record RouteCard(Route route, List<StopCard> stops) {

        boolean started() {
            return route.state() == RouteState.STARTED;
        }
    }

    /**
     * A stop with its times in Japan time and its parcels' tracking numbers.
     *
     * @param instruction what the recipient asked for (e.g. 置き配（玄関前）), or null
     */
    record StopCard(Stop stop, LocalTime windowStart, LocalTime windowEnd, LocalTime estimatedArrival,
                    List<String> trackingNumbers, String instruction) {
    }

    @GetMapping("/driver")
    String page(Caller caller, Model model) {
        List<Route> today = routes.day(caller, routes.today());
        Map<Long, String> numbers = shipments.trackingNumbers(today.stream()
                .flatMap(r -> r.stops().stream()).flatMap(s -> s.shipmentIds().stream()).toList());
        List<RouteCard> cards = new ArrayList<>();
        for (Route r : today) {
            Map<Long, String> instructions = routes.instructions(r);
            cards.add(new RouteCard(r, r.stops().stream().map(s -> new StopCard(s, japan(s.windowStart()),
                    japan(s.windowEnd()), r.state() == RouteState.STARTED && s.state().open() ? japan(s.estimatedArrival()) : null,
                    s.shipmentIds().stream().map(id -> numbers.getOrDefault(id, "#" + id)).toList(),
                    instructions.get(s.id()))).toList()));
        }
        model.addAttribute("serviceDate", routes.today());
        model.addAttribute("routes", cards);
        model.addAttribute("reporting", cards.stream().anyMatch(RouteCard::started));
        model.addAttribute("places", Routes.PLACES);
        model.addAttribute("attemptReasons", Routes.ATTEMPT_REASONS);
        return "fleet/driver";
    }

    @PostMapping("/driver/routes/{id}/start")
    String start(@PathVariable long id, Caller caller, RedirectAttributes flash, Locale locale) {
        return act(flash, locale, "driver.done.started", () -> routes.start(caller, id));
    }

    @PostMapping("/driver/stops/{id}/arrived")
    String arrived(@PathVariable long id, Caller caller, RedirectAttributes flash, Locale locale) {
        return act(flash, locale, "driver.done.arrived", () -> routes.arrived(caller, id));
    }

    /** Multipart for the photo; a plain form (a browser without the file input) is delivered without one. */
    @PostMapping("/driver/stops/{id}/delivered")
    String delivered(@PathVariable long id, @RequestParam(required = false) StatusReason place,
                     @RequestParam(required = false) String note, @RequestParam(required = false) Double latitude,
                     @RequestParam(required = false) Double longitude,
                     @RequestParam(required = false) MultipartFile photo, Caller caller, RedirectAttributes flash,
                     Locale locale) {
        return act(flash, locale, "driver.done.delivered",
                () -> routes.delivered(caller, id, place, note, latitude, longitude, photo(photo)));
    }

    @PostMapping("/driver/stops/{id}/attempted")
    String attempted(@PathVariable long id, @RequestParam(required = false) StatusReason reason,
                     @RequestParam(required = false) String note, @RequestParam(required = false) Double latitude,
                     @RequestParam(required = false) Double longitude, Caller caller, RedirectAttributes flash,
                     Locale locale) {
        return act(flash, locale, "driver.done.attempted",
                () -> routes.attempted(caller, id, reason, note, latitude, longitude));
    }

    /** An empty file input sends an empty part: no photo. */
    private static Photo photo(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            return null;
        }
        try {
            return DeliveryPhotos.clean(upload.getBytes());
        } catch (IOException e) {
            throw ProblemType.invalidField("photo", "The photo could not be read.");
        }
    }

    /**
     * Does it and goes back to the page (post/redirect/get, so a reload never repeats an outcome). A
     * not-found stays an error page: the stop is someone else's, and nothing on this page leads there.
     */
    private String act(RedirectAttributes flash, Locale locale, String done, Supplier<Route> action) {
        try {
            action.get();
            flash.addFlashAttribute("done", messages.getMessage(done, null, locale));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/driver";
    }

    /** The problem in the driver's language ({@code driver.error.<type>}), else its English detail. */
    private String message(ErrorResponseException e, Locale locale) {
        URI type = e.getBody().getType();
        String code = type.toString().startsWith(ProblemType.PREFIX)
                ? type.toString().substring(ProblemType.PREFIX.length()) : "";
        return messages.getMessage("driver.error." + code, null, e.getBody().getDetail(), locale);
    }

    private static LocalTime japan(Instant t) {
        return t == null ? null : LocalTime.ofInstant(t, EventTime.TOKYO);
    }
}
