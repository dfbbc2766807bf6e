package io.otodoke.claims;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetector;
import io.otodoke.carrier.TrackingNumbers;
import io.otodoke.fleet.DeliveryPhotos;
import io.otodoke.fleet.Photo;
import io.otodoke.fleet.Routes;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.RegistrationOutcome;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TimelineEntry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import io.otodoke.web.ProblemType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims for a shipment (docs/delivery.md#claims). The shop's operator or the order's seller files
 * one for a customer; the evidence is taken from tracking at that moment; the shop's rules approve
 * it at once or leave it for review; the operator or seller decides the rest (reship or refund).
 * A reship sends a replacement parcel for the same order: an own-fleet label with a generated number,
 * or the carrier number the shop gives. Administrators read. A shipment or claim outside the caller's
 * scope is not found.
 */
@Service
public class Claims {

    static final int MAX_TEXT = 1000;
    static final int MAX_LIST = 200;
    static final int MAX_PHOTOS = 5;
    static final String RULE = "rule";
    /** The timeline notes' source on the claimed parcel (the replacement's is {@link TrackingEvent#REPLACEMENT_NOTE_SOURCE}). */
    static final String NOTE_SOURCE = TrackingEvent.NOTE_SOURCE_PREFIX + "claims";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClaimStore store;
    private final ShipmentRegistry registry;
    private final Routes routes;
    private final TrackingIngest ingest;
    private final CarrierDirectory carriers;
    private final TrackingNumberDetector detector;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Claims(ClaimStore store, ShipmentRegistry registry, Routes routes, TrackingIngest ingest, CarrierDirectory carriers,
           TrackingNumberDetector detector, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.routes = routes;
        this.ingest = ingest;
        this.carriers = carriers;
        this.detector = detector;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * How a reship travels: an outside carrier's number the shop gives (checked by the detector), or
     * {@link #OWN_FLEET}: an own-fleet label with a generated number ({@code RS} and ten digits).
     */
    public record Replacement(String carrier, String trackingNumber) {

        public static final Replacement OWN_FLEET = new Replacement(null, null);

        boolean ownFleet() {
            return carrier == null && trackingNumber == null;
        }
    }

    public record NewClaim(ClaimKind kind, String description) {
    }

    @Transactional
    public Claim file(Caller staff, long shipmentId, NewClaim c) {
        if (!staff.is(Role.OPERATOR) && !staff.is(Role.SELLER) && !staff.is(Role.SHOPPER)) {
            throw forbidden("The shop, the order's seller or its buyer files a claim.");
        }
        // a shopper's scope is their own orders: someone else's parcel is not found
        ShipmentView s = registry.shipment(staff, shipmentId)
                .orElseThrow(() -> ProblemType.notFound("Shipment " + shipmentId));
        if (staff.is(Role.SHOPPER) && s.orderId() != null
                && registry.order(staff, s.orderId()).map(OrderView::gift).orElse(false)) {
            // the giver is not the one who receives it: the recipient asks the shop
            throw forbidden("A gift's claim is made by its recipient through the shop.");
        }
        if (c == null || c.kind() == null) {
            throw ProblemType.invalidField("kind", "kind is LOST, DAMAGED or NOT_RECEIVED.");
        }
        String description = text("description", c.description());
        ClaimRules rules = store.rules(s.tenantId());
        Instant now = clock.instant();
        ClaimEvidence evidence = evidence(s, now);
        eligible(s, c.kind(), evidence, rules);
        long id = store.insert(s.tenantId(), s.id(), c.kind(), description, evidence, staff.actor(), now)
                .orElseThrow(() -> ProblemType.exception(HttpStatus.CONFLICT, "claim-exists", "Claim exists",
                        "This parcel has an open " + c.kind() + " claim already."));
        automatic(c.kind(), evidence, rules).ifPresent(rule -> decide(id, s, c.kind(), ClaimState.APPROVED,
                rules.autoOutcome(), Replacement.OWN_FLEET, RULE, rule, null, now, true));
        return store.byId(id).orElseThrow();
    }

    /** What tracking says now: the latest lines, the delivery, days without news, the own fleet's proof. */
    ClaimEvidence evidence(ShipmentView s, Instant now) {
        List<TimelineEntry> timeline = s.timeline();
        List<ClaimEvidence.Line> last = timeline.subList(Math.max(0, timeline.size() - ClaimEvidence.LAST_EVENTS),
                timeline.size()).stream().map(e -> new ClaimEvidence.Line(e.occurredAt().instant(), e.status(),
                e.rawText(), e.location().name(), e.sources())).toList();
        Instant delivered = timeline.stream().filter(e -> e.status() == TrackingStatus.DELIVERED)
                .map(e -> e.occurredAt().instant()).reduce((a, b) -> b).orElse(null);
        Instant news = s.lastEventAt() != null ? s.lastEventAt() : s.createdAt();
        long quiet = Math.max(0, Duration.between(news, now).toDays());
        Optional<Routes.DeliveryProof> proof = routes.deliveryProof(s.tenantId(), s.id());
        return new ClaimEvidence(s.status(), last, proof.map(Routes.DeliveryProof::deliveredAt).orElse(delivered),
                quiet, proof.map(Routes.DeliveryProof::scanDistanceMeters).orElse(null),
                proof.map(Routes.DeliveryProof::place).orElse(s.reason() == null ? null : s.reason().name()),
                proof.map(Routes.DeliveryProof::photo).orElse(false));
    }

    private static void eligible(ShipmentView s, ClaimKind kind, ClaimEvidence e, ClaimRules rules) {
        if (s.leg() == ShipmentLeg.RETURN) {
            throw notEligible("A return leg is the shop's own parcel: no claim.");
        }
        switch (kind) {
            case LOST -> {
                boolean over = s.status() == TrackingStatus.DELIVERED || s.status() == TrackingStatus.RETURNED
                        || s.status() == TrackingStatus.CANCELLED;
                if (over) {
                    throw notEligible("A " + s.status() + " parcel is not lost.");
                }
                if (s.status() != TrackingStatus.EXPIRED && e.daysWithoutNews() < rules.lostAfterDays()) {
                    throw notEligible("A parcel is claimed lost after " + rules.lostAfterDays()
                            + " days without news; the last news is " + e.daysWithoutNews() + " days old.");
                }
            }
            case DAMAGED, NOT_RECEIVED -> {
                if (s.status() != TrackingStatus.DELIVERED) {
                    throw notEligible(kind + " is claimed for a delivered parcel; this one is " + s.status() + ".");
                }
            }
        }
    }

    /** The rule that approves this claim at once, in words; empty when a person decides. */
    static Optional<String> automatic(ClaimKind kind, ClaimEvidence e, ClaimRules rules) {
        if (kind == ClaimKind.NOT_RECEIVED && rules.farScanMeters() != null && e.scanDistanceMeters() != null
                && e.scanDistanceMeters() > rules.farScanMeters()) {
            return Optional.of("delivery scan " + e.scanDistanceMeters() + " m from the address > "
                    + rules.farScanMeters() + " m");
        }
        if (kind == ClaimKind.LOST && rules.autoApproveLost()) {
            return Optional.of("no news for " + e.daysWithoutNews() + " days ≥ " + rules.lostAfterDays());
        }
        return Optional.empty();
    }

    @Transactional
    public Claim approve(Caller staff, long claimId, ClaimOutcome outcome, String note) {
        return approve(staff, claimId, outcome, note, Replacement.OWN_FLEET);
    }

    /** Approve; a RESHIP sends the replacement parcel {@code how} says (null: an own-fleet label). */
    @Transactional
    public Claim approve(Caller staff, long claimId, ClaimOutcome outcome, String note, Replacement how) {
        if (outcome == null) {
            throw ProblemType.invalidField("outcome", "outcome is RESHIP or REFUND.");
        }
        Replacement replacement = how == null ? Replacement.OWN_FLEET : how;
        if (outcome != ClaimOutcome.RESHIP && !replacement.ownFleet()) {
            throw ProblemType.invalidField("trackingNumber", "A replacement's carrier number goes with outcome RESHIP.");
        }
        return decideByPerson(staff, claimId, ClaimState.APPROVED, outcome, replacement, note);
    }

    @Transactional
    public Claim reject(Caller staff, long claimId, String note) {
        if (text("note", note) == null) {
            throw ProblemType.invalidField("note", "Say why, for the customer.");
        }
        return decideByPerson(staff, claimId, ClaimState.REJECTED, null, Replacement.OWN_FLEET, note);
    }

    private Claim decideByPerson(Caller staff, long claimId, ClaimState state, ClaimOutcome outcome, Replacement how,
                                 String note) {
        if (!staff.is(Role.OPERATOR) && !staff.is(Role.SELLER)) {
            throw forbidden("The shop or the order's seller decides a claim.");
        }
        Claim c = visible(staff, claimId, true);
        if (c.state() != ClaimState.UNDER_REVIEW) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "claim-decided", "Conflict", "This claim is " + c.state() + ".");
        }
        ShipmentView s = registry.shipment(c.tenantId(), c.shipmentId()).orElseThrow();
        decide(c.id(), s, c.kind(), state, outcome, how, staff.actor(), null, text("note", note), clock.instant(), false);
        return store.byId(c.id()).orElseThrow();
    }

    private void decide(long id, ShipmentView s, ClaimKind kind, ClaimState state, ClaimOutcome outcome,
                        Replacement how, String by, String rule, String note, Instant at, boolean automatic) {
        store.decided(id, state, outcome, by, rule, note, at);
        ShipmentView replacement = null;
        if (state == ClaimState.APPROVED && outcome == ClaimOutcome.RESHIP) {
            replacement = reship(id, s, how, at);
            store.replacement(id, replacement.id());
        }
        publisher.publishEvent(new ClaimDecided(id, s.tenantId(), s.id(), kind, state, outcome, automatic, at,
                replacement == null ? null : replacement.carrier(),
                replacement == null ? null : replacement.trackingNumber()));
    }

    /**
     * The replacement parcel: a new outbound shipment of the same order, to the same recipient with the
     * same handling, registered with the shop's carrier number or an own-fleet label. Both timelines
     * say so in a note: the replacement's opens with 「再送」 (the pages mark it), the claimed parcel's
     * names the replacement.
     */
    private ShipmentView reship(long claimId, ShipmentView claimed, Replacement how, Instant at) {
        String orderNumber = claimed.orderId() == null ? null
                : registry.order(claimed.tenantId(), claimed.orderId()).map(OrderView::orderNumber).orElse(null);
        long shipmentId;
        if (how.ownFleet()) {
            shipmentId = ownFleetReplacement(claimed, orderNumber, at);
        } else {
            String carrier = how.carrier();
            if (carrier == null || !carriers.isKnown(carrier) || Routes.OWN_FLEET.equals(carrier)) {
                throw ProblemType.invalidField("carrier", "carrier is an outside carrier's code, e.g. yamato; "
                        + "GET /api/v1/carriers lists them. Without carrier and number the reship is an own-fleet label.");
            }
            String number = TrackingNumbers.normalize(how.trackingNumber() == null ? "" : how.trackingNumber());
            if (number.isEmpty() || !detector.detect(number).carriers().contains(carrier)) {
                throw ProblemType.invalidField("trackingNumber", "'" + how.trackingNumber() + "' is not a valid "
                        + carrier + " tracking number (format and check digit).");
            }
            RegistrationOutcome o = register(claimed, orderNumber, carrier, number, at);
            if (!o.created()) {
                throw ProblemType.exception(HttpStatus.CONFLICT, "number-in-use", "Conflict",
                        "This tracking number is registered already in this shop.");
            }
            shipmentId = o.shipmentId();
        }
        ShipmentView replacement = registry.shipment(claimed.tenantId(), shipmentId).orElseThrow();
        EventTime when = EventTime.of(at, EventTime.TOKYO);
        String key = "claim:" + claimId + ":reship";
        ingest.ingest(claimed.tenantId(), List.of(
                new IncomingEvent(replacement.id(), null, null, key, new TrackingEvent(TrackingEvent.REPLACEMENT_NOTE_SOURCE,
                        "RESHIP", "再送：お申し出 #" + claimId + " の代わりのお荷物です（元の追跡番号 "
                        + claimed.trackingNumber() + "）", replacement.status(), null, when, EventLocation.NONE, 0, at)),
                new IncomingEvent(claimed.id(), null, null, key, new TrackingEvent(NOTE_SOURCE, "RESHIP",
                        "お申し出 #" + claimId + "：代わりのお荷物を再送します（追跡番号 " + replacement.trackingNumber()
                        + "）", claimed.status(), null, when, EventLocation.NONE, 0, at))));
        return replacement;
    }

    private long ownFleetReplacement(ShipmentView claimed, String orderNumber, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String number = "RS" + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
            RegistrationOutcome o = register(claimed, orderNumber, Routes.OWN_FLEET, number, at);
            if (o.created()) {
                return o.shipmentId();
            }
        }
        throw new IllegalStateException("no free replacement label number after 5 attempts");
    }

    private RegistrationOutcome register(ShipmentView claimed, String orderNumber, String carrier, String number,
                                         Instant at) {
        OrderDetails same = orderNumber == null ? null : new OrderDetails(orderNumber, null, null, null, List.of(), null,
                false, null, null, null, false, false);
        RegistrationOutcome o = registry.register(claimed.tenantId(), List.of(new ShipmentRegistration(carrier, number,
                ShipmentLeg.OUTBOUND, same, claimed.recipient(), false, at, claimed.handling()))).getFirst();
        if (o.error() != null) {
            throw ProblemType.invalidField("trackingNumber", o.error().detail());
        }
        return o;
    }

    /** A photo (of the damage), re-encoded so no EXIF or other metadata is kept. */
    @Transactional
    public Claim addPhoto(Caller staff, long claimId, byte[] upload) {
        if (!staff.is(Role.OPERATOR) && !staff.is(Role.SELLER) && !staff.is(Role.SHOPPER)) {
            throw forbidden("The shop, the order's seller or the claimant adds photos.");
        }
        Claim c = visible(staff, claimId, true);
        if (c.photoIds().size() >= MAX_PHOTOS) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "too-many-photos", "Conflict",
                    "A claim has at most " + MAX_PHOTOS + " photos.");
        }
        Photo clean = DeliveryPhotos.clean(upload);
        store.photo(c.id(), clean);
        return store.byId(c.id()).orElseThrow();
    }

    public Claim get(Caller caller, long claimId) {
        return visible(caller, claimId, false);
    }

    public List<Claim> list(Caller staff, ClaimState state) {
        List<Claim> all = store.list(staff.is(Role.ADMIN) ? null : staff.tenantId(), state, MAX_LIST);
        return staff.is(Role.SELLER) ? all.stream().filter(c -> registry.shipment(staff, c.shipmentId()).isPresent()).toList()
                : all;
    }

    /** The claims of one parcel the caller may see (a shopper's own), newest first. */
    public List<Claim> ofShipment(Caller caller, long shipmentId) {
        return registry.shipment(caller, shipmentId).map(s -> store.ofShipment(s.tenantId(), s.id())).orElse(List.of());
    }

    public Optional<Photo> photo(Caller staff, long claimId, long photoId) {
        return store.photo(visible(staff, claimId, false).id(), photoId);
    }

    public ClaimRules rules(long tenantId) {
        return store.rules(tenantId);
    }

    @Transactional
    public ClaimRules rules(Caller operator, ClaimRules r) {
        if (!operator.is(Role.OPERATOR) || operator.tenantId() == null) {
            throw forbidden("A shop's operator sets its claim rules.");
        }
        if (r == null) {
            throw ProblemType.invalidField("farScanMeters", "Send the rules: farScanMeters, lostAfterDays, "
                    + "autoApproveLost, autoOutcome.");
        }
        if (r.farScanMeters() != null && (r.farScanMeters() < 1 || r.farScanMeters() > 100_000)) {
            throw ProblemType.invalidField("farScanMeters", "farScanMeters is 1 to 100000, or null for never.");
        }
        if (r.lostAfterDays() < 1 || r.lostAfterDays() > 90) {
            throw ProblemType.invalidField("lostAfterDays", "lostAfterDays is 1 to 90.");
        }
        store.rules(operator.tenantId(), r);
        return store.rules(operator.tenantId());
    }

    private Claim visible(Caller caller, long claimId, boolean forUpdate) {
        Optional<Claim> c = forUpdate ? store.forUpdate(claimId) : store.byId(claimId);
        return c.filter(x -> registry.shipment(caller, x.shipmentId()).isPresent())
                .orElseThrow(() -> ProblemType.notFound("Claim " + claimId));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT) {
            throw ProblemType.invalidField(field, field + " has more than " + MAX_TEXT + " characters.");
        }
        return v;
    }

    private static RuntimeException notEligible(String detail) {
        return ProblemType.exception(HttpStatus.UNPROCESSABLE_CONTENT, "claim-not-eligible", "Claim not eligible", detail);
    }

    private static RuntimeException forbidden(String detail) {
        return ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
