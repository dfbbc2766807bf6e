package io.otodoke.fleet;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.tracking.ItemError;
import io.otodoke.web.ProblemType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Plans the routes of a CSV file ({@link RouteCsv}), each through {@link Routes#create} so that a
 * row is checked exactly as the JSON API checks a stop. Each route is created whole or not at all,
 * in its own transaction: a bad route never takes the good ones with it.
 */
@Service
public class RouteImport {

    /** Routes' field names → the file's columns, so that an error names what the planner typed. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("code", "route"),
            Map.entry("serviceDate", "service_date"), Map.entry("depot", "depot"), Map.entry("vehicle", "vehicle"),
            Map.entry("driver", "driver"), Map.entry("stops", "sequence"), Map.entry("address", "address"),
            Map.entry("latitude", "latitude"), Map.entry("longitude", "longitude"),
            Map.entry("windowStart", "window_start"), Map.entry("windowEnd", "window_end"),
            Map.entry("trackingNumbers", "tracking_numbers"), Map.entry("shipmentIds", "tracking_numbers"));
    private static final Pattern STOP_FIELD = Pattern.compile("stops\\[(\\d+)]\\.(\\w+)");

    private final Routes routes;

    RouteImport(Routes routes) {
        this.routes = routes;
    }

    /**
     * What became of one route of the file.
     *
     * @param lines  the line numbers of its rows, in stop order
     * @param id     the created route's id; null when it was rejected
     * @param errors why it was rejected; each error's index is a line number
     */
    public record RouteResult(String route, List<Integer> lines, Long id, List<ItemError> errors) {

        public boolean created() {
            return id != null;
        }
    }

    /** @param errors every error of the file, by line number: the routes' and those of rows without a route */
    public record Report(int created, int rejected, List<RouteResult> routes, List<ItemError> errors) {
    }

    /** Plans every route of the file in the caller's tenant; {@link RouteCsv.MalformedCsv} when it is not a routes CSV. */
    public Report importCsv(Caller caller, byte[] file) {
        if (caller.tenantId() == null || !caller.is(Role.OPERATOR)) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A route belongs to a tenant; only its operator plans it.");
        }
        RouteCsv.Parsed parsed = RouteCsv.read(file);
        List<RouteResult> results = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>(parsed.errors());
        for (RouteCsv.FileRoute r : parsed.routes()) {
            RouteResult result = r.route() == null ? new RouteResult(r.code(), r.lines(), null, r.errors())
                    : create(caller, r);
            results.add(result);
            errors.addAll(result.errors());
        }
        errors.sort(Comparator.comparingInt(ItemError::index));
        int created = (int) results.stream().filter(RouteResult::created).count();
        return new Report(created, results.size() - created, results, errors);
    }

    private RouteResult create(Caller caller, RouteCsv.FileRoute r) {
        try {
            return new RouteResult(r.code(), r.lines(), routes.create(caller, r.route()).id(), List.of());
        } catch (ErrorResponseException e) {
            return new RouteResult(r.code(), r.lines(), null, List.of(error(r.lines(), e.getBody())));
        }
    }

    /** The problem Routes answered, on the row it is about: {@code stops[2].latitude} is the third stop's latitude. */
    static ItemError error(List<Integer> lines, ProblemDetail problem) {
        String code = problem.getType().toString().replace(ProblemType.PREFIX, "");
        Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
        if (field == null) {
            return new ItemError(lines.getFirst(), code, null, problem.getDetail());
        }
        Matcher stop = STOP_FIELD.matcher(field.toString());
        int line = stop.matches() ? lines.get(Integer.parseInt(stop.group(1))) : lines.getFirst();
        String column = COLUMNS.getOrDefault(stop.matches() ? stop.group(2) : field.toString(), field.toString());
        String detail = problem.getDetail() == null ? null : problem.getDetail().replace(field.toString(), column);
        return new ItemError(line, code.startsWith("invalid-") ? "invalid-" + column.replace('_', '-') : code, column,
                detail);
    }
}
