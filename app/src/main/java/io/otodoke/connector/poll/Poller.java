package io.otodoke.connector.poll;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.connector.CarrierHealth;
import io.otodoke.connector.ConnectorProperties;
import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.connector.Parsers;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.PollTarget;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks carriers about the shipments in progress, each as often as its status calls for
 * ({@link PollCadence}): due shipments are grouped per source into batches of the source's size,
 * each request goes through the source's rate limiter, retry with backoff and circuit breaker,
 * the answer through the source's parser into ingest. A source whose circuit is open is not
 * called; its shipments wait.
 *
 * <p>Each carrier is polled by one source, the first in {@link #PREFERENCE} that can poll it as
 * configured ({@link SourceClient#carriers()}).
 */
@Component
public class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    /**
     * Which source polls a carrier when several can: the carrier's own page, then the carrier's own
     * API, then the aggregators, 17TRACK before AfterShip (whose free tier allows 100 requests a day,
     * carriers.md §6.2). A source not listed comes last.
     */
    static final List<String> PREFERENCE = List.of("yamato", "japanpost", "sagawa", "dhl", "amazon_mcf",
            "seventeentrack", "aftership");

    private final Map<String, SourceClient> clientsByCarrier;
    private final ConnectorProperties properties;
    private final ShipmentRegistry registry;
    private final TrackingIngest ingest;
    private final Parsers parsers;
    private final CarrierHealth health;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile PollCadence cadence;
    /** Sources pointed at a simulator (the demo): their base URL, and no rate limit worth the name. */
    private final Map<String, String> simulated = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    Poller(List<SourceClient> clients, ConnectorProperties properties, ShipmentRegistry registry, TrackingIngest ingest,
           Parsers parsers, CarrierHealth health, JdbcClient jdbc, Clock clock,
           @Value("${otodoke.connector.cadence-scale:1}") double cadenceScale) {
        this.clientsByCarrier = route(clients);
        this.properties = properties;
        this.registry = registry;
        this.ingest = ingest;
        this.parsers = parsers;
        this.health = health;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cadence = new PollCadence(cadenceScale);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        clientsByCarrier.forEach((carrier, client) -> health.polledBy(carrier, client.source()));
    }

    /** Each carrier to the most preferred source that can poll it. */
    static Map<String, SourceClient> route(List<SourceClient> clients) {
        Map<String, SourceClient> byCarrier = new LinkedHashMap<>();
        clients.stream().sorted(Comparator.comparingInt(Poller::rank).thenComparing(SourceClient::source))
                .forEach(client -> client.carriers().stream().sorted().forEach(carrier -> byCarrier.putIfAbsent(carrier, client)));
        return byCarrier;
    }

    private static int rank(SourceClient client) {
        int rank = PREFERENCE.indexOf(client.source());
        return rank < 0 ? PREFERENCE.size() : rank;
    }

    /** The source that polls each carrier's shipments, by carrier code. */
    public Map<String, String> sourcesByCarrier() {
        Map<String, String> out = new LinkedHashMap<>();
        clientsByCarrier.forEach((carrier, client) -> out.put(carrier, client.source()));
        return out;
    }

    /**
     * Points these sources at a carrier simulator and divides every cadence by {@code cadenceScale}
     * (the demo's speed): the demo's parcels then take the same poll → parse → ingest path as real ones.
     */
    public void simulate(Map<String, String> baseUrls, double cadenceScale) {
        simulated.putAll(baseUrls);
        cadence = new PollCadence(cadenceScale);
        limiters.keySet().removeAll(baseUrls.keySet());
    }

    @Scheduled(initialDelayString = "${otodoke.connector.poll-every:PT30S}", fixedDelayString = "${otodoke.connector.poll-every:PT30S}")
    void pollOnSchedule() {
        if (properties.polling()) {
            try {
                pollDue();
            } catch (RuntimeException e) {
                log.warn("Polling round failed; trying again at the next round: {}", e.toString());
            }
        }
    }

    /** One round: every due shipment of a carrier with a source is asked about once. Returns the requests made. */
    public int pollDue() {
        Instant now = clock.instant();
        Map<Long, Instant> next = new HashMap<>();
        Map<Long, Integer> failures = new HashMap<>();
        jdbc.sql("select shipment_id, next_poll_at, consecutive_failures from poll_state").query(rs -> {
            next.put(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
            failures.put(rs.getLong(1), rs.getInt(3));
        });
        List<PollTarget> due = registry.pollTargets(clientsByCarrier.keySet(), now.minus(PollCadence.AFTER_DELIVERY))
                .stream().filter(t -> !next.getOrDefault(t.id(), Instant.MIN).isAfter(now)).toList();
        int requests = 0;
        // per source, not per carrier: an aggregator's batch may mix carriers
        Map<SourceClient, List<PollTarget>> bySource = due.stream().collect(Collectors.groupingBy(
                t -> clientsByCarrier.get(t.carrier()), LinkedHashMap::new, Collectors.toList()));
        for (var entry : bySource.entrySet()) {
            SourceClient client = entry.getKey();
            Map<String, List<PollTarget>> byNumber = entry.getValue().stream()
                    .collect(Collectors.groupingBy(PollTarget::trackingNumber, LinkedHashMap::new, Collectors.toList()));
            List<String> numbers = new ArrayList<>(byNumber.keySet());
            int batch = batchSize(client);
            for (int from = 0; from < numbers.size(); from += batch) {
                List<String> slice = numbers.subList(from, Math.min(numbers.size(), from + batch));
                List<PollTarget> targets = slice.stream().flatMap(n -> byNumber.get(n).stream()).toList();
                if (poll(client, List.copyOf(slice), targets, failures)) {
                    requests++;
                }
            }
        }
        return requests;
    }

    /** Asks about one batch; false when the circuit did not let the call through. */
    private boolean poll(SourceClient client, List<String> numbers, List<PollTarget> targets, Map<Long, Integer> failures) {
        String source = client.source();
        CircuitBreaker breaker = health.breaker(source);
        Instant started = clock.instant();
        try {
            // A page the parser cannot read counts against the circuit like a failed request.
            List<ParsedShipment> parsed = breaker.executeCheckedSupplier(() -> parsers.parse(source,
                    Retry.decorateCheckedSupplier(retry(source), () -> fetch(client, numbers)).get(),
                    context(targets, started)));
            ingest(client, numbers, parsed, targets);
            health.succeeded(source, Duration.between(started, clock.instant()));
            scheduleAfterSuccess(client, targets);
            return true;
        } catch (CallNotPermittedException e) {
            return false; // the circuit is open: the shipments stay due and wait for it
        } catch (ParseException e) {
            failed(client, started, e.getMessage(), e.kind() == ParseException.Kind.LAYOUT_CHANGED, targets, failures);
            return true;
        } catch (Throwable e) {
            failed(client, started, describe(e), false, targets, failures);
            return true;
        }
    }

    private byte[] fetch(SourceClient client, List<String> numbers) throws IOException, InterruptedException {
        RateLimiter limiter = limiters.computeIfAbsent(client.source(), s -> RateLimiter.of(s, RateLimiterConfig.custom()
                .limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis((long) (1000 / requestsPerSecond(client))))
                .timeoutDuration(Duration.ofMinutes(1)).build()));
        return client.fetch(URI.create(baseUrl(client)), numbers, builder -> send(client, limiter, builder));
    }

    /** One request: rate-limited, identified, checked. Messages name the source and status only, never a credential. */
    private byte[] send(SourceClient client, RateLimiter limiter, java.net.http.HttpRequest.Builder builder)
            throws IOException, InterruptedException {
        RateLimiter.waitForPermission(limiter);
        var request = builder.timeout(properties.timeout()).header("User-Agent", properties.userAgent()).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new IOException(client.source() + " answered HTTP " + response.statusCode());
        }
        if (!client.parses(response.statusCode())) {
            throw new IllegalStateException(client.source() + " refused the request: HTTP " + response.statusCode());
        }
        return response.body();
    }

    private Retry retry(String source) {
        return Retry.of(source, RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(500), 2))
                .retryExceptions(IOException.class).build());
    }

    private ParseContext context(List<PollTarget> targets, Instant now) {
        Instant created = targets.stream().map(PollTarget::createdAt).min(Instant::compareTo).orElse(now);
        return new ParseContext(LocalDate.ofInstant(created, EventTime.TOKYO), LocalDate.ofInstant(now, EventTime.TOKYO), now);
    }

    /**
     * The parsed events go to every polled shipment with that number (a number may be in several
     * tenants). The one answer to a one-number request is about that number, whatever the source
     * calls it (Amazon answers a package number with the carrier's tracking number).
     */
    private void ingest(SourceClient client, List<String> numbers, List<ParsedShipment> parsed, List<PollTarget> targets) {
        Map<String, ParsedShipment> byNumber = new HashMap<>();
        parsed.forEach(p -> byNumber.put(TrackingNumbers.normalize(p.trackingNumber()), p));
        if (numbers.size() == 1 && parsed.size() == 1) {
            byNumber.put(numbers.getFirst(), parsed.getFirst());
        }
        Map<Long, List<IncomingEvent>> byTenant = new LinkedHashMap<>();
        for (PollTarget t : targets) {
            ParsedShipment p = byNumber.get(t.trackingNumber());
            if (p == null) {
                continue;
            }
            List<TrackingEvent> events = p.events().isEmpty() && p.notFound() ? notFound(client, t) : p.events();
            events.forEach(e -> byTenant.computeIfAbsent(t.tenantId(), k -> new ArrayList<>())
                    .add(new IncomingEvent(t.id(), null, null, null, e)));
        }
        byTenant.forEach((tenant, events) -> {
            var result = ingest.ingest(tenant, events);
            if (!result.errors().isEmpty()) {
                log.warn("Connector {}: {} events of a poll were refused, e.g. {}", client.source(), result.errors().size(),
                        result.errors().getFirst().detail());
            }
        });
    }

    /** Next time by the status the answer led to; a finished story is not asked about again. */
    /**
     * The carrier has no record of a number that has no scan yet: one NOT_FOUND event per day, so
     * that status derivation can tell a label still within its grace period (LABEL_CREATED) from a
     * number the carrier does not know (NOT_FOUND; status-model.md). A shipment with scans is left
     * alone: "no record" then only means the carrier's inquiry window has passed.
     */
    private List<TrackingEvent> notFound(SourceClient client, PollTarget t) {
        if (t.status() != TrackingStatus.LABEL_CREATED && t.status() != TrackingStatus.NOT_FOUND) {
            return List.of();
        }
        Instant now = clock.instant();
        return List.of(new TrackingEvent(client.source(), "NOT_FOUND", null, TrackingStatus.NOT_FOUND, null,
                EventTime.day(LocalDate.ofInstant(now, EventTime.TOKYO), EventTime.TOKYO), null, 0, now));
    }

    private void scheduleAfterSuccess(SourceClient client, List<PollTarget> targets) {
        var statuses = registry.statuses(targets.stream().map(PollTarget::id).toList());
        Instant now = clock.instant();
        for (PollTarget t : targets) {
            var status = statuses.getOrDefault(t.id(), t.status());
            Instant at = cadence.interval(status).map(d -> now.plus(scaled(client, d))).orElse(now.plus(Duration.ofDays(3650)));
            save(t.id(), at, now, 0);
        }
    }

    private void failed(SourceClient client, Instant started, String error, boolean layout, List<PollTarget> targets,
                        Map<Long, Integer> failures) {
        Instant now = clock.instant();
        health.failed(client.source(), Duration.between(started, now), error, layout);
        for (PollTarget t : targets) {
            int count = failures.getOrDefault(t.id(), 0) + 1;
            save(t.id(), now.plus(scaled(client, cadence.retryAfter(count, t.status()))), now, count);
        }
    }

    private void save(long shipmentId, Instant next, Instant polled, int failures) {
        jdbc.sql("""
                insert into poll_state (shipment_id, next_poll_at, last_polled_at, consecutive_failures)
                values (?, ?, ?, ?)
                on conflict (shipment_id) do update set next_poll_at = excluded.next_poll_at,
                    last_polled_at = excluded.last_polled_at, consecutive_failures = excluded.consecutive_failures
                """).params(shipmentId, utc(next), utc(polled), failures).update();
    }

    /** A source asked less often (AfterShip) stretches every interval, retries included: each request counts against its allowance. */
    private Duration scaled(SourceClient client, Duration interval) {
        Double configured = properties.source(client.source()).cadenceMultiplier();
        double multiplier = configured == null ? client.defaultCadenceMultiplier() : Math.max(0.01, configured);
        return Duration.ofMillis((long) (interval.toMillis() * multiplier));
    }

    private int batchSize(SourceClient client) {
        var config = properties.sources().get(client.source());
        int configured = config == null || config.batchSize() == null ? client.maxBatch() : config.batchSize();
        return Math.max(1, Math.min(configured, client.maxBatch()));
    }

    private double requestsPerSecond(SourceClient client) {
        if (simulated.containsKey(client.source())) {
            return 1000;
        }
        var config = properties.sources().get(client.source());
        return config == null || config.requestsPerSecond() == null ? client.defaultRequestsPerSecond()
                : Math.max(0.01, config.requestsPerSecond());
    }

    private String baseUrl(SourceClient client) {
        var config = properties.sources().get(client.source());
        String url = simulated.containsKey(client.source()) ? simulated.get(client.source())
                : config == null || config.baseUrl() == null ? client.defaultBaseUrl() : config.baseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
    }
}
