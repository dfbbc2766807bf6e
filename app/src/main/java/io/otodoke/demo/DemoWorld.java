package io.otodoke.demo;

import io.otodoke.demo.DemoCatalog.Name;
import io.otodoke.demo.DemoCatalog.Product;
import io.otodoke.demo.DemoPlaces.City;
import io.otodoke.tracking.EventTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import static io.otodoke.demo.WallClock.day;
import static io.otodoke.demo.WallClock.hm;
import static io.otodoke.demo.WallClock.minuteOfDay;
import static io.otodoke.demo.WallClock.within;

/**
 * The demo shop おとどけ商店 (デモ) and its recent orders, generated from a seed: the same seed
 * gives the same world. Plain data; storing it and playing it against a clock is the caller's.
 *
 * <h2>Time</h2>
 * The world is laid out around an <em>origin</em>, 00:00 JST of the demo's first day
 * ({@link #originOn}). Orders were placed during the {@value #DAYS_OF_ORDERS} days before it: an
 * order happened at {@code origin − orderedBefore}, and each event of its shipments at
 * {@code origin − orderedBefore + at}. With a JST-midnight origin every event falls between 07:00
 * and 21:00 Japanese time. Older parcels have arrived before the origin; those of the last two
 * days are still moving and go on after it; a few have only a label at the origin and are
 * collected the day after ({@code NOT_STARTED}).
 *
 * <h2>Scenario mix</h2>
 * For {@code n} orders: {@code n/40} label-only; one address problem (the only
 * {@code EXCEPTION}); redelivery loops ({@code n/40} Yamato, {@code n/40} Japan Post, both with
 * the request acknowledgement, and {@code n/67} Sagawa, which has no request word); held for
 * pickup ({@code n/60} post-office counter, {@code n/100} Yamato branch, {@code n/100} Amazon
 * locker); {@code n/25} 置き配, {@code n/33} 宅配ボックス, {@code n/25} ネコポス in the mailbox;
 * the rest straight to the door. Among those, {@code n/33} gifts and {@code n/33} orders shipped
 * in two parcels.
 */
public final class DemoWorld {

    public static final String SHOP_NAME = "おとどけ商店 (デモ)";

    public static final String YAMATO = "yamato";
    public static final String JAPAN_POST = "japanpost";
    public static final String SAGAWA = "sagawa";
    public static final String AMAZON_JP = "amazon_jp";

    public static final long SHIPPING_FEE_YEN = 550;
    public static final long FREE_SHIPPING_FROM_YEN = 5_000;

    static final int DAYS_OF_ORDERS = 14;

    private static final String EMAIL_DOMAIN = "example.jp";

    /** Online orders over the day, by hour 0–23: lunch and the late evening are busiest. */
    private static final int[] ORDERS_BY_HOUR =
            {3, 2, 1, 0, 0, 0, 1, 2, 3, 3, 4, 4, 6, 5, 4, 4, 4, 5, 6, 7, 8, 8, 7, 5};

    private record Customer(Name surname, Name given, String email, City city, String addressLine,
                            String phone) {

        String name() {
            return surname.kanji() + " " + given.kanji();
        }

        DemoRecipient home() {
            return new DemoRecipient(name(), city.postalCode(), city.prefecture(), city.city(), addressLine, phone);
        }
    }

    /** What happens to an order, before its details are drawn; a null carrier is chosen later. */
    private record Kind(DemoScenario scenario, String carrier, boolean gift, boolean twoShipments) {

        static final Kind PLAIN = new Kind(DemoScenario.NORMAL, null, false, false);
    }

    private record Draft(long orderedAt, Kind kind) {
    }

    private DemoWorld() {
    }

    /** The origin for a demo that starts on {@code firstDay}: that day's 00:00 in Japan. */
    public static Instant originOn(LocalDate firstDay) {
        return firstDay.atStartOfDay(EventTime.TOKYO).toInstant();
    }

    /** {@code orderCount} orders, oldest first, the same for the same seed. */
    public static List<DemoOrder> generate(long seed, int orderCount) {
        if (orderCount < 0) {
            throw new IllegalArgumentException("orderCount must not be negative: " + orderCount);
        }
        Random random = new Random(seed);
        List<Customer> customers = customers(random, Math.max(8, orderCount * 3 / 5));
        DemoTrackingNumbers numbers = new DemoTrackingNumbers();

        List<Draft> drafts = drafts(random, orderCount);
        List<DemoOrder> orders = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            orders.add(order(random, orders.size(), draft, customers, numbers));
        }
        return List.copyOf(orders);
    }

    private static List<Draft> drafts(RandomGenerator random, int n) {
        int notStarted = n / 40;
        int regular = n - notStarted;

        List<Kind> kinds = new ArrayList<>(regular);
        add(kinds, regular > 0 ? 1 : 0, DemoScenario.ADDRESS_UNKNOWN, YAMATO);
        add(kinds, n / 40, DemoScenario.REDELIVERY, YAMATO);
        add(kinds, n / 40, DemoScenario.REDELIVERY, JAPAN_POST);
        add(kinds, n / 67, DemoScenario.REDELIVERY, SAGAWA);
        add(kinds, n / 60, DemoScenario.HELD_FOR_PICKUP, JAPAN_POST);
        add(kinds, n / 100, DemoScenario.HELD_FOR_PICKUP, YAMATO);
        add(kinds, n / 100, DemoScenario.HELD_FOR_PICKUP, AMAZON_JP);
        add(kinds, n / 25, DemoScenario.SAFE_PLACE, AMAZON_JP);
        add(kinds, n / 33, DemoScenario.PARCEL_LOCKER, YAMATO);
        add(kinds, n / 25, DemoScenario.MAILBOX, YAMATO);
        int special = kinds.size();
        int gifts = Math.min(n / 33, regular - special);
        int twoShipments = Math.min(n / 33, regular - special - gifts);
        for (int i = 0; i < gifts; i++) {
            kinds.add(new Kind(DemoScenario.NORMAL, null, true, false));
        }
        for (int i = 0; i < twoShipments; i++) {
            kinds.add(new Kind(DemoScenario.NORMAL, null, false, true));
        }
        while (kinds.size() < regular) {
            kinds.add(Kind.PLAIN);
        }
        Collections.shuffle(kinds, random);
        keepTheExceptionInTheOlderHalf(random, kinds);

        List<Draft> drafts = new ArrayList<>(n);
        for (int i = 0; i < regular; i++) {
            long day = -DAYS_OF_ORDERS + (long) i * DAYS_OF_ORDERS / regular;
            drafts.add(new Draft(WallClock.at(day, orderMinute(random)), kinds.get(i)));
        }
        List<String> labelCarriers = List.of(YAMATO, SAGAWA, AMAZON_JP);
        for (int i = 0; i < notStarted; i++) {
            // Ordered the evening before the origin; the label is printed at once, the parcel
            // waits for the carrier until the day after the origin.
            drafts.add(new Draft(within(random, -1, hm(18, 0), hm(20, 0)),
                    new Kind(DemoScenario.NOT_STARTED, labelCarriers.get(i % labelCarriers.size()), false, false)));
        }
        drafts.sort(Comparator.comparingLong(Draft::orderedAt));
        return drafts;
    }

    private static void add(List<Kind> kinds, int count, DemoScenario scenario, String carrier) {
        for (int i = 0; i < count; i++) {
            kinds.add(new Kind(scenario, carrier, false, false));
        }
    }

    /**
     * Kinds are laid out oldest order first: moving the exception into the older half lets the
     * demo open with it already visible.
     */
    private static void keepTheExceptionInTheOlderHalf(RandomGenerator random, List<Kind> kinds) {
        int half = kinds.size() / 2;
        for (int i = half; i < kinds.size() && half > 0; i++) {
            if (kinds.get(i).scenario() == DemoScenario.ADDRESS_UNKNOWN) {
                Collections.swap(kinds, i, random.nextInt(half));
            }
        }
    }

    private static int orderMinute(RandomGenerator random) {
        int total = 0;
        for (int weight : ORDERS_BY_HOUR) {
            total += weight;
        }
        int pick = random.nextInt(total);
        int hour = 0;
        while (pick >= ORDERS_BY_HOUR[hour]) {
            pick -= ORDERS_BY_HOUR[hour];
            hour++;
        }
        return hm(hour, random.nextInt(60));
    }

    private static DemoOrder order(RandomGenerator random, int index, Draft draft, List<Customer> customers,
                                   DemoTrackingNumbers numbers) {
        Kind kind = draft.kind();
        boolean amazonOnly = AMAZON_JP.equals(kind.carrier());
        List<Customer> eligible = amazonOnly
                ? customers.stream().filter(c -> c.city().amazonDelivers()).toList()
                : customers;
        Customer customer = eligible.get(random.nextInt(eligible.size()));
        City to = kind.gift() ? weightedCity(random, DemoPlaces.CITIES) : customer.city();
        DemoRecipient recipient = kind.gift() ? giftRecipient(random, customer, to) : customer.home();

        String carrier = kind.carrier() != null ? kind.carrier() : carrierFor(random, to);
        List<DemoItem> items = items(random, kind);
        long itemsTotal = items.stream().mapToLong(DemoItem::lineTotalYen).sum();
        long total = itemsTotal + (itemsTotal < FREE_SHIPPING_FROM_YEN ? SHIPPING_FEE_YEN : 0);

        long orderedAt = draft.orderedAt();
        long labelAt;
        long pickupDay;
        if (kind.scenario() == DemoScenario.NOT_STARTED) {
            labelAt = orderedAt + random.nextInt(15, 41);
            pickupDay = 1;
        } else {
            // The shop packs between 10:00 and 15:00; orders after noon go out the next day.
            long day = day(orderedAt);
            int minute = minuteOfDay(orderedAt);
            labelAt = minute < hm(12, 0)
                    ? within(random, day, Math.max(minute + 20, hm(10, 0)), hm(15, 0))
                    : within(random, day + 1, hm(10, 0), hm(15, 0));
            pickupDay = day(labelAt);
        }
        List<DemoShipment> shipments = new ArrayList<>(2);
        shipments.add(shipment(random, numbers, carrier, recipient, to,
                new ShipmentPlan(kind.scenario(), to, orderedAt, labelAt, pickupDay)));
        if (kind.twoShipments()) {
            // The rest of the order was back-ordered and follows a day or two later.
            long secondLabel = within(random, pickupDay + 1 + random.nextInt(0, 2), hm(10, 0), hm(15, 0));
            String secondCarrier = List.of(YAMATO, JAPAN_POST, SAGAWA).get(random.nextInt(3));
            shipments.add(shipment(random, numbers, secondCarrier, recipient, to,
                    new ShipmentPlan(DemoScenario.NORMAL, to, orderedAt, secondLabel, day(secondLabel))));
        }
        return new DemoOrder("OTD-%06d".formatted(100_001 + index), customer.email(), customer.name(),
                Duration.ofMinutes(-orderedAt), items, total, kind.gift(), shipments);
    }

    private static DemoShipment shipment(RandomGenerator random, DemoTrackingNumbers numbers, String carrier,
                                         DemoRecipient recipient, City to, ShipmentPlan plan) {
        List<ScriptedEvent> script = switch (carrier) {
            case YAMATO -> YamatoScript.write(plan, random);
            case JAPAN_POST -> JapanPostScript.write(plan, random);
            case SAGAWA -> SagawaScript.write(plan, random);
            case AMAZON_JP -> AmazonScript.write(plan, random);
            default -> throw new IllegalArgumentException("unknown carrier " + carrier);
        };
        return new DemoShipment(carrier, numbers.issue(carrier, random), recipient, script);
    }

    /** An ordinary parcel: Yamato most often, Amazon only where its own network delivers. */
    private static String carrierFor(RandomGenerator random, City to) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return YAMATO;
        }
        if (pick < 65) {
            return JAPAN_POST;
        }
        if (pick < 85 || !to.amazonDelivers()) {
            return SAGAWA;
        }
        return AMAZON_JP;
    }

    private static List<DemoItem> items(RandomGenerator random, Kind kind) {
        if (kind.scenario() == DemoScenario.MAILBOX) {
            List<Product> small = DemoCatalog.PRODUCTS.stream().filter(Product::small).toList();
            Product product = small.get(random.nextInt(small.size()));
            return List.of(new DemoItem(product.name(), 1, product.priceYen()));
        }
        if (kind.gift()) {
            Product product = DemoCatalog.GIFTS.get(random.nextInt(DemoCatalog.GIFTS.size()));
            return List.of(new DemoItem(product.name(), random.nextInt(1, 3), product.priceYen()));
        }
        int lines = kind.twoShipments() ? 2 : 1 + (random.nextInt(100) < 35 ? 1 : 0) + (random.nextInt(100) < 10 ? 1 : 0);
        List<Product> shuffled = new ArrayList<>(DemoCatalog.PRODUCTS);
        Collections.shuffle(shuffled, random);
        List<DemoItem> items = new ArrayList<>(lines);
        for (Product product : shuffled.subList(0, lines)) {
            items.add(new DemoItem(product.name(), random.nextInt(5) == 0 ? 2 : 1, product.priceYen()));
        }
        return items;
    }

    private static List<Customer> customers(RandomGenerator random, int count) {
        List<Customer> customers = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            customers.add(customer(random, i, weightedCity(random, DemoPlaces.CITIES)));
        }
        if (customers.stream().noneMatch(c -> c.city().amazonDelivers())) {
            List<City> metro = DemoPlaces.CITIES.stream().filter(City::amazonDelivers).toList();
            customers.add(customer(random, count, weightedCity(random, metro)));
        }
        return customers;
    }

    private static Customer customer(RandomGenerator random, int index, City city) {
        Name surname = pick(random, DemoCatalog.SURNAMES);
        Name given = pick(random, DemoCatalog.GIVEN_NAMES);
        String email = "%s.%s%d@%s".formatted(given.latin(), surname.latin(), 101 + index, EMAIL_DOMAIN);
        return new Customer(surname, given, email, city, addressLine(random), phone(random));
    }

    /** Gifts go to someone else, often far away: parents, grandparents, a friend. */
    private static DemoRecipient giftRecipient(RandomGenerator random, Customer giver, City city) {
        Name surname = pick(random, DemoCatalog.SURNAMES);
        Name given = pick(random, DemoCatalog.GIVEN_NAMES);
        if (surname.equals(giver.surname()) && given.equals(giver.given())) {
            given = DemoCatalog.GIVEN_NAMES.get((DemoCatalog.GIVEN_NAMES.indexOf(given) + 1)
                    % DemoCatalog.GIVEN_NAMES.size());
        }
        return new DemoRecipient(surname.kanji() + " " + given.kanji(), city.postalCode(), city.prefecture(),
                city.city(), addressLine(random), phone(random));
    }

    /** 例町 is no real town; the building names say デモ or サンプル. */
    private static String addressLine(RandomGenerator random) {
        String line = "例町%d丁目%d-%d".formatted(random.nextInt(1, 6), random.nextInt(1, 31), random.nextInt(1, 21));
        if (random.nextInt(3) == 0) {
            return line;
        }
        String building = pick(random, DemoCatalog.BUILDINGS);
        return "%s %s %d%02d".formatted(line, building, random.nextInt(1, 9), random.nextInt(1, 11));
    }

    /** 000 is not a Japanese area or mobile prefix, so the number reaches nobody. */
    private static String phone(RandomGenerator random) {
        return "000-%04d-%04d".formatted(random.nextInt(10_000), random.nextInt(10_000));
    }

    private static City weightedCity(RandomGenerator random, List<City> cities) {
        int total = cities.stream().mapToInt(City::weight).sum();
        int pick = random.nextInt(total);
        for (City city : cities) {
            pick -= city.weight();
            if (pick < 0) {
                return city;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }

    private static <T> T pick(RandomGenerator random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
