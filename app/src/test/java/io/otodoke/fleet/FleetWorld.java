package io.otodoke.fleet;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.account.UserAccount;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.Recipient;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;

/** Makes a shop with a depot, a van, a driver and own-fleet shipments, fresh for each test that asks. */
class FleetWorld {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");
    /** Stops along a street in Tokyo (Chiyoda → Chuo), about 400 m apart. */
    static final double LAT = 35.6812;
    static final double LON = 139.7671;
    static final String PASSWORD = "correct horse battery";

    final Tenants tenants;
    final Accounts accounts;
    final Vehicles vehicles;
    final Depots depots;
    final Routes routes;
    final ShipmentRegistry registry;

    FleetWorld(ApplicationContext context) {
        this.tenants = context.getBean(Tenants.class);
        this.accounts = context.getBean(Accounts.class);
        this.vehicles = context.getBean(Vehicles.class);
        this.depots = context.getBean(Depots.class);
        this.routes = context.getBean(Routes.class);
        this.registry = context.getBean(ShipmentRegistry.class);
    }

    /** One tenant's fleet and a planned route of {@code stops} stops, one shipment each. */
    record Fleet(Shop shop, Caller operator, UserAccount driver, Caller driverCaller, Vehicle vehicle, Depot depot,
                 Route route, List<Long> shipments, List<String> numbers, Long giftOrder) {
    }

    /** The password a fleet's driver signs in with. */
    static String password(UserAccount driver) {
        return "driver-password-" + driver.email().substring("driver-".length(), driver.email().indexOf('@'));
    }

    Fleet fleet(int stops) {
        return fleet(stops, -1, null);
    }

    /**
     * As {@link #fleet(int)}, and the shipment at {@code giftStop} is a gift ordered by the shopper
     * {@code giverEmail} of this shop, who is made with the password {@link #PASSWORD}.
     */
    Fleet fleet(int stops, int giftStop, String giverEmail) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = tenants.create(SYSTEM_ADMIN, "fleet-" + run, "Fleet shop " + run, false);
        Caller operator = new Caller(Role.OPERATOR, shop.id(), null, null, null, "test");
        UserAccount driver = accounts.create(SYSTEM_ADMIN, new Accounts.NewUser("driver-" + run + "@example.jp",
                "Driver " + run, Role.DRIVER, shop.id(), null, "driver-password-" + run));
        Caller driverCaller = new Caller(Role.DRIVER, shop.id(), null, driver.id(), driver.email(), "test");
        Vehicle vehicle = vehicles.register(operator, "Van " + run, "van-" + run);
        Depot depot = depots.create(operator, new Depots.NewDepot("D" + run, "江東デポ", "東京都江東区", LAT - 0.01, LON + 0.01));
        List<String> numbers = IntStream.range(0, stops).mapToObj(i -> "OF" + run + "-" + i).toList();
        if (giverEmail != null) {
            accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(giverEmail, "贈り 主", Role.SHOPPER, shop.id(), null,
                    PASSWORD));
        }
        List<Long> shipments = new ArrayList<>();
        registry.register(shop.id(), IntStream.range(0, stops).mapToObj(i -> registration(numbers.get(i),
                i == giftStop ? gift("G-" + run, giverEmail) : null)).toList())
                .forEach(o -> shipments.add(o.shipmentId()));
        List<Routes.NewStop> newStops = IntStream.range(0, stops).mapToObj(i -> new Routes.NewStop(
                "東京都千代田区丸の内" + (i + 1) + "-1", LAT + 0.004 * i, LON, null, null, List.of(numbers.get(i)), null))
                .toList();
        Route route = routes.create(operator, new Routes.NewRoute("R-" + run, routes.today(), depot.code(),
                vehicle.deviceId(), driver.email(), newStops));
        return new Fleet(shop, operator, driver, driverCaller, vehicle, depot, route, shipments, numbers,
                giftStop < 0 ? null : registry.shipment(shop.id(), shipments.get(giftStop)).orElseThrow().orderId());
    }

    /** Registers own-fleet shipments with these tracking numbers in the shop; their ids. */
    List<Long> ownFleetShipments(Shop shop, List<String> numbers) {
        List<Long> shipments = new ArrayList<>();
        registry.register(shop.id(), numbers.stream().map(n -> registration(n, null)).toList())
                .forEach(o -> shipments.add(o.shipmentId()));
        return shipments;
    }

    private static ShipmentRegistration registration(String number, OrderDetails order) {
        return new ShipmentRegistration(Routes.OWN_FLEET, number, ShipmentLeg.OUTBOUND, order,
                new Recipient("受取 太郎", "100-0005", "東京都", "千代田区", "丸の内1-1", "03-0000-0000"), false, null);
    }

    private static OrderDetails gift(String number, String giverEmail) {
        return new OrderDetails(number, giverEmail, "贈り 主", Instant.now(), List.of(), 3000L, true, "贈り 主", "おめでとう",
                null, false, false);
    }
}
