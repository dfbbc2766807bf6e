package io.otodoke.demo;

import io.otodoke.demo.DemoCatalog.Name;
import io.otodoke.demo.DemoCatalog.Product;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The demo shop's own delivery network for one service day (design/last-mile.md): a depot in 江東区,
 * five vans and 150 parcels in the wards around it, 30 stops a van. The wards and the neighbourhood
 * centres are real; the addresses are not (例町, デモ buildings, as in {@link DemoWorld}), and each
 * point lies a few hundred metres around its centre. The centres keep that far from the bay and the
 * big rivers (隅田川, 荒川), so every stop is on land. The same seed gives the same day.
 *
 * <p>A van's stops go in the order a driver would take them: the chosen time slots in the day's order
 * (午前中 first, the evening slots last, with the stops without a slot after the morning), and within
 * each, always the nearest stop next. The demo shopper's parcel is about the {@link #SHOPPER_STOP}th stop
 * of the first van, driven by the demo driver, so a visitor sees the van come closer.
 */
final class DemoFleet {

    static final String DEPOT_CODE = "DEMO-KOTO";
    static final String DEPOT_NAME = "江東デポ (デモ)";
    static final String DEPOT_ADDRESS = "東京都江東区例町1丁目1-1 (デモ)";
    /** Near 東陽町, between the neighbourhoods the vans serve. */
    static final double DEPOT_LATITUDE = 35.6700;
    static final double DEPOT_LONGITUDE = 139.8160;
    static final int VANS = 5;
    static final int STOPS_PER_NEIGHBOURHOOD = 15;
    static final int SHOPPER_STOP = 12;
    /** The demo user with the DRIVER role (account.DemoUsers) drives the first van; the others have none. */
    static final String DRIVER = "driver@example.jp";

    /** Yamato's time slots (時間帯お届け): a recipient chose one for some parcels. */
    enum Slot {
        MORNING(8, 12), FROM_14(14, 16), FROM_16(16, 18), FROM_18(18, 20), FROM_19(19, 21);

        final LocalTime from;
        final LocalTime to;

        Slot(int from, int to) {
            this.from = LocalTime.of(from, 0);
            this.to = LocalTime.of(to, 0);
        }
    }

    /** A ward's neighbourhood; two of them make one van's area. */
    record Neighbourhood(String ward, String postalCode, String name, double latitude, double longitude) {
    }

    static final List<Neighbourhood> NEIGHBOURHOODS = List.of(
            new Neighbourhood("江東区", "136-0000", "亀戸", 35.6975, 139.8265),
            new Neighbourhood("墨田区", "130-0000", "錦糸町", 35.6965, 139.8140),
            new Neighbourhood("江東区", "135-0000", "門前仲町", 35.6720, 139.7960),
            new Neighbourhood("中央区", "103-0000", "人形町", 35.6865, 139.7800),
            new Neighbourhood("台東区", "110-0000", "上野", 35.7100, 139.7790),
            new Neighbourhood("台東区", "111-0000", "浅草", 35.7150, 139.7900),
            new Neighbourhood("千代田区", "101-0000", "神田", 35.6940, 139.7710),
            new Neighbourhood("港区", "108-0000", "三田", 35.6480, 139.7430),
            new Neighbourhood("江戸川区", "134-0000", "船堀", 35.6840, 139.8670),
            new Neighbourhood("江戸川区", "134-0000", "西葛西", 35.6650, 139.8630));

    /**
     * One parcel's stop.
     *
     * @param slot    the time slot the recipient chose, or null
     * @param shopper the parcel is the demo shopper's (hanako@example.jp)
     */
    record PlannedStop(String orderNumber, String trackingNumber, String customerEmail, DemoRecipient recipient,
                       double latitude, double longitude, Slot slot, DemoItem item, boolean shopper) {

        String address() {
            return recipient.prefecture() + recipient.city() + recipient.addressLine();
        }
    }

    /** A van's round: its route code, the van's device id and name, its driver (or none) and its stops in order. */
    record PlannedRoute(String code, String deviceId, String vanName, String driver, List<PlannedStop> stops) {
    }

    private DemoFleet() {
    }

    /** The day's routes; tracking numbers say the service date, so another day's never clash. */
    static List<PlannedRoute> plan(long seed, LocalDate serviceDate) {
        Random random = new Random(seed);
        String day = serviceDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        List<PlannedRoute> routes = new ArrayList<>(VANS);
        int parcel = 0;
        for (int van = 0; van < VANS; van++) {
            List<PlannedStop> stops = new ArrayList<>();
            for (Neighbourhood n : NEIGHBOURHOODS.subList(2 * van, 2 * van + 2)) {
                for (int i = 0; i < STOPS_PER_NEIGHBOURHOOD; i++) {
                    parcel++;
                    stops.add(stop(random, n, parcel, "OTF%s%03d".formatted(day, parcel)));
                }
            }
            List<PlannedStop> ordered = order(stops);
            if (van == 0) {
                ordered = withShopper(ordered);
            }
            routes.add(new PlannedRoute("KOTO-" + (van + 1), "demo-van-" + (van + 1), "軽バン " + (van + 1) + "号 (デモ)",
                    van == 0 ? DRIVER : null, ordered));
        }
        return List.copyOf(routes);
    }

    private static PlannedStop stop(RandomGenerator random, Neighbourhood n, int parcel, String trackingNumber) {
        Name surname = pick(random, DemoCatalog.SURNAMES);
        Name given = pick(random, DemoCatalog.GIVEN_NAMES);
        String line = "例町%d丁目%d-%d".formatted(random.nextInt(1, 6), random.nextInt(1, 31), random.nextInt(1, 21));
        if (random.nextInt(3) > 0) {
            line = "%s %s %d%02d".formatted(line, pick(random, DemoCatalog.BUILDINGS), random.nextInt(1, 9),
                    random.nextInt(1, 11));
        }
        DemoRecipient recipient = new DemoRecipient(surname.kanji() + " " + given.kanji(), n.postalCode(), "東京都",
                n.ward(), line, "000-%04d-%04d".formatted(random.nextInt(10_000), random.nextInt(10_000)));
        double latitude = n.latitude() + random.nextDouble(-0.0035, 0.0035);
        double longitude = n.longitude() + random.nextDouble(-0.004, 0.004);
        Product product = pick(random, DemoCatalog.PRODUCTS);
        String email = "%s.%s%d@example.jp".formatted(given.latin(), surname.latin(), 600 + parcel);
        return new PlannedStop("OTD-F%03d".formatted(parcel), trackingNumber, email, recipient, latitude, longitude,
                slot(random), new DemoItem(product.name(), 1, product.priceYen()), false);
    }

    /** About half the recipients choose a slot; the morning most often, as on Yamato's pages. */
    private static Slot slot(RandomGenerator random) {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return Slot.MORNING;
        }
        if (pick < 23) {
            return Slot.FROM_14;
        }
        if (pick < 31) {
            return Slot.FROM_16;
        }
        if (pick < 39) {
            return Slot.FROM_18;
        }
        if (pick < 45) {
            return Slot.FROM_19;
        }
        return null;
    }

    /** Slot by slot in the day's order, nearest stop next, starting from the depot. */
    static List<PlannedStop> order(List<PlannedStop> stops) {
        List<PlannedStop> ordered = new ArrayList<>(stops.size());
        double lat = DEPOT_LATITUDE;
        double lon = DEPOT_LONGITUDE;
        List<PlannedStop> left = new ArrayList<>(stops);
        left.sort(Comparator.comparingInt(DemoFleet::rank));
        while (!left.isEmpty()) {
            int rank = rank(left.getFirst());
            double fromLat = lat;
            double fromLon = lon;
            PlannedStop next = left.stream().filter(s -> rank(s) == rank)
                    .min(Comparator.comparingDouble(s -> squaredDistance(fromLat, fromLon, s))).orElseThrow();
            left.remove(next);
            ordered.add(next);
            lat = next.latitude();
            lon = next.longitude();
        }
        return ordered;
    }

    /** The stops without a slot go between the morning and the afternoon. */
    private static int rank(PlannedStop s) {
        return s.slot() == null ? 1 : s.slot() == Slot.MORNING ? 0 : s.slot().ordinal() + 1;
    }

    /** The stop without a slot nearest to {@link #SHOPPER_STOP} becomes the demo shopper's parcel. */
    private static List<PlannedStop> withShopper(List<PlannedStop> ordered) {
        int best = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).slot() == null
                    && (best < 0 || Math.abs(i + 1 - SHOPPER_STOP) < Math.abs(best + 1 - SHOPPER_STOP))) {
                best = i;
            }
        }
        List<PlannedStop> stops = new ArrayList<>(ordered);
        PlannedStop s = stops.get(best);
        DemoRecipient r = s.recipient();
        stops.set(best, new PlannedStop(s.orderNumber(), s.trackingNumber(), DemoSimulator.DEMO_SHOPPER, new DemoRecipient(
                DemoSimulator.DEMO_SHOPPER_NAME, r.postalCode(), r.prefecture(), r.city(), r.addressLine(), r.phone()),
                s.latitude(), s.longitude(), null, s.item(), true));
        return List.copyOf(stops);
    }

    /** Enough to compare distances within a few kilometres. */
    private static double squaredDistance(double lat, double lon, PlannedStop s) {
        double dLat = s.latitude() - lat;
        double dLon = (s.longitude() - lon) * Math.cos(Math.toRadians(lat));
        return dLat * dLat + dLon * dLon;
    }

    private static <T> T pick(RandomGenerator random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
