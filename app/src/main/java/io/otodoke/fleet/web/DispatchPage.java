package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.fleet.RouteCsv;
import io.otodoke.fleet.RouteImport;
import io.otodoke.fleet.Routes;
import io.otodoke.fleet.Vehicles;
import io.otodoke.web.PageController;
import io.otodoke.web.ProblemType;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dispatcher's page: the routes of a day with their progress, lateness and ETA quality, and
 * every van and stop on one map, refreshed from {@code /dispatch/data} every 15 seconds; an
 * operator also uploads the routes CSV here (the same import as {@code POST /api/v1/routes/import}).
 */
@PageController
class DispatchPage {

    static final int REFRESH_SECONDS = 15;

    private final Routes routes;
    private final Vehicles vehicles;
    private final RouteImport imports;
    private final MessageSource messages;
    private final Clock clock;

    DispatchPage(Routes routes, Vehicles vehicles, RouteImport imports, MessageSource messages, Clock clock) {
        this.routes = routes;
        this.vehicles = vehicles;
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dispatch")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                Caller caller, Locale locale, Model model) {
        return render(board(date, caller, locale), caller, model);
    }

    @GetMapping(path = "/dispatch/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DispatchBoard data(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       Caller caller, Locale locale) {
        return board(date, caller, locale);
    }

    @PostMapping(path = "/dispatch/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importCsv(@RequestParam(required = false) MultipartFile file,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     Caller caller, Locale locale, Model model) throws IOException {
        if (!caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only a shop's operator plans its routes.");
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", messages.getMessage("dispatch.import.no-file", null, locale));
        } else {
            try {
                model.addAttribute("report", imports.importCsv(caller, file.getBytes()));
            } catch (RouteCsv.MalformedCsv e) {
                model.addAttribute("importError", e.getMessage());
            }
        }
        return render(board(date, caller, locale), caller, model);
    }

    private String render(DispatchBoard board, Caller caller, Model model) {
        model.addAttribute("board", board);
        model.addAttribute("today", routes.today());
        model.addAttribute("canImport", caller.is(Role.OPERATOR));
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        return "fleet/dispatch";
    }

    private DispatchBoard board(LocalDate date, Caller caller, Locale locale) {
        LocalDate day = date == null ? routes.today() : date;
        return DispatchBoard.of(day, routes.day(caller, day), vehicles.list(caller), clock.instant(), messages, locale);
    }
}
