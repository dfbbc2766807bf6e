package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.DeliveryPhotos;
import io.otodoke.fleet.Route;
import io.otodoke.fleet.RouteCsv;
import io.otodoke.fleet.RouteImport;
import io.otodoke.fleet.Routes;
import io.otodoke.tracking.StatusReason;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Routes for the dispatcher (plan and follow) and the driver's phone (start, arrived, delivered,
 * attempted). A driver reaches only the routes assigned to them; an operator those of its tenant.
 */
@RestController
@Tag(name = "Routes", description = "A fleet's routes and stops, and the outcomes the driver records")
class RouteApi {

    private final Routes routes;
    private final RouteImport imports;

    RouteApi(Routes routes, RouteImport imports) {
        this.routes = routes;
        this.imports = imports;
    }

    record RouteList(LocalDate serviceDate, List<Route> routes) {
    }

    record Attempt(StatusReason reason, String note, Double latitude, Double longitude) {
    }

    @PostMapping("/api/v1/routes")
    @Operation(summary = "Plan a route: depot, vehicle, driver and its stops in order",
            description = "Each stop names its own-fleet shipments by tracking number or id. Errors name the field, "
                    + "e.g. stops[2].latitude.")
    ResponseEntity<Route> create(@RequestBody Routes.NewRoute body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(routes.create(caller, body));
    }

    @PostMapping(path = "/api/v1/routes/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Plan routes from a CSV file, one row per stop (docs/api.md)",
            description = "Each route is created whole or not at all; the good ones are kept. 200 with a report per "
                    + "route and per row (errors by line number and column); 422 no-valid-routes when none could be "
                    + "created; 400 malformed-csv when the file is not a routes CSV.")
    ResponseEntity<?> importCsv(@RequestBody byte[] file, Caller caller) {
        return answer(importing(imports, caller, file));
    }

    /** The file's routes, or 400 when it is not a routes CSV at all. */
    static RouteImport.Report importing(RouteImport imports, Caller caller, byte[] file) {
        try {
            return imports.importCsv(caller, file);
        } catch (RouteCsv.MalformedCsv e) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-csv", "Malformed CSV",
                    e.getMessage() + ". Nothing was stored.");
        }
    }

    /** As the other batches answer: 200 when anything was kept, 422 with the same errors when nothing was. */
    private static ResponseEntity<?> answer(RouteImport.Report report) {
        if (report.created() == 0) {
            ProblemDetail p = ProblemType.detail(HttpStatus.UNPROCESSABLE_CONTENT, "no-valid-routes", "No valid routes",
                    "None of the " + report.routes().size() + " routes could be created; see routes and errors.");
            p.setProperties(Map.of("routes", report.routes(), "errors", report.errors()));
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/routes")
    @Operation(summary = "The routes of a day (default today in Japan): an operator's, or a driver's own")
    RouteList list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   Caller caller) {
        LocalDate day = date == null ? routes.today() : date;
        return new RouteList(day, routes.day(caller, day));
    }

    @GetMapping("/api/v1/routes/{id}")
    Route route(@PathVariable long id, Caller caller) {
        return routes.route(caller, id).orElseThrow(() -> ProblemType.notFound("Route " + id));
    }

    @PostMapping("/api/v1/routes/{id}/start")
    @Operation(summary = "The van leaves the depot: its shipments are out for delivery")
    Route start(@PathVariable long id, Caller caller) {
        return routes.start(caller, id);
    }

    @PostMapping("/api/v1/stops/{id}/arrived")
    Route arrived(@PathVariable long id, Caller caller) {
        return routes.arrived(caller, id);
    }

    @PostMapping(path = "/api/v1/stops/{id}/delivered", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Delivered, with where it was left and an optional photo (stored without metadata)")
    Route delivered(@PathVariable long id, @RequestParam StatusReason place,
                    @RequestParam(required = false) String note, @RequestParam(required = false) Double latitude,
                    @RequestParam(required = false) Double longitude,
                    @RequestPart(required = false) MultipartFile photo, Caller caller) throws IOException {
        return routes.delivered(caller, id, place, note, latitude, longitude,
                photo == null || photo.isEmpty() ? null : DeliveryPhotos.clean(photo.getBytes()));
    }

    @PostMapping(path = "/api/v1/stops/{id}/attempted", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Not delivered, and why (absent, closed, address unknown, refused)")
    Route attempted(@PathVariable long id, @RequestBody Attempt body, Caller caller) {
        return routes.attempted(caller, id, body.reason(), body.note(), body.latitude(), body.longitude());
    }
}
