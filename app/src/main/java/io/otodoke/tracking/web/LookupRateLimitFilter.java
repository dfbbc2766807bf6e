package io.otodoke.tracking.web;

import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.tracking.TrackingLookup;
import io.otodoke.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * The public lookup ({@code GET /api/v1/track} and the page {@code GET /track}) is open without
 * sign-in, so it is rate-limited per client address and per number. Over the limit: 429 with
 * {@code Retry-After}, as a problem for the API and as the error page for people.
 */
@Component
class LookupRateLimitFilter extends OncePerRequestFilter {

    private final LookupLimits limits;
    private final LookupRateLimiter limiter;
    private final ObjectMapper json;

    LookupRateLimitFilter(LookupLimits limits, Clock clock, ObjectMapper json) {
        this.limits = limits;
        this.limiter = new LookupRateLimiter(limits, clock);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !limits.enabled() || !"GET".equals(request.getMethod())
                || !(path.equals("/api/v1/track") || path.equals("/track"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> queries = TrackingLookup.split(request.getParameter("numbers"));
        if (queries.size() > TrackingLookup.MAX_NUMBERS) {
            chain.doFilter(request, response); // refused by the lookup itself, nothing is looked up
            return;
        }
        Set<String> numbers = new LinkedHashSet<>();
        queries.forEach(q -> numbers.add(TrackingNumbers.normalize(q)));
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr(), numbers);
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), ProblemType.detail(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many lookups", "Too many tracking numbers were looked up from this address, or this number was "
                            + "looked up too often. Try again in " + seconds + " s."));
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }
}
