package io.otodoke.demo;

import io.otodoke.demo.DemoPlaces.City;
import io.otodoke.demo.DemoPlaces.Region;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.TrackingStatus;

import java.util.List;
import java.util.random.RandomGenerator;

import static io.otodoke.demo.WallClock.after;
import static io.otodoke.demo.WallClock.day;
import static io.otodoke.demo.WallClock.hm;
import static io.otodoke.demo.WallClock.within;

/**
 * A Sagawa parcel through 関東中継センター, in the words of carriers.md §3.3 and the shape of the
 * 2026 captures (集荷 → 輸送中 → 輸送中 → 保管中 → 配達中 → 配達完了). Sagawa's 保管中 is an arrival
 * before any 配達中 and an attempt after one.
 */
final class SagawaScript {

    private SagawaScript() {
    }

    static List<ScriptedEvent> write(ShipmentPlan plan, RandomGenerator random) {
        City to = plan.to();
        EventLocation branch = to.sagawa();
        List<DemoCarrierWords.Word> words = DemoCarrierWords.SAGAWA;
        ScriptBuilder script = new ScriptBuilder(plan.orderedAt(), words);

        script.add(plan.labelAt(), "出荷情報受付", DemoPlaces.SAGAWA_PICKUP);
        long pickup = within(random, plan.pickupDay(), hm(16, 30), hm(18, 30));
        script.add(pickup, "集荷", DemoPlaces.SAGAWA_PICKUP);
        script.add(after(random, pickup, 40, 90), "輸送中", DemoPlaces.SAGAWA_ORIGIN_HUB);
        long d = day(pickup);
        Region region = to.region();
        long a = d + region.transitDays;
        if (region.sagawaHub != null) {
            long hub = region.transitDays == 1
                    ? within(random, a, hm(7, 0), hm(7, 25))
                    : within(random, a - 1, hm(19, 0), hm(20, 45));
            script.add(hub, "輸送中", region.sagawaHub);
        }
        if (random.nextInt(3) == 0) {
            script.add(within(random, a, hm(7, 30), hm(8, 30)),
                    DemoCarrierWords.word(words, "保管中", TrackingStatus.ARRIVED_AT_DELIVERY_BASE, null), branch);
        }
        script.add(within(random, a, hm(8, 40), hm(10, 30)), "配達中", branch);

        switch (plan.scenario()) {
            case REDELIVERY -> {
                script.add(within(random, a, hm(11, 0), hm(16, 0)),
                        DemoCarrierWords.word(words, "保管中", TrackingStatus.DELIVERY_ATTEMPTED, null), branch);
                script.add(within(random, a + 1, hm(8, 40), hm(10, 30)), "配達中", branch);
                script.add(within(random, a + 1, hm(10, 40), hm(13, 0)), "配達完了", branch);
            }
            case NORMAL, NOT_STARTED -> script.add(within(random, a, hm(10, 40), hm(20, 30)), "配達完了", branch);
            default -> throw new IllegalArgumentException("Sagawa does not play " + plan.scenario());
        }
        return script.build();
    }
}
