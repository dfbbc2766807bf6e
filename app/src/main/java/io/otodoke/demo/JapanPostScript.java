package io.otodoke.demo;

import io.otodoke.demo.DemoPlaces.City;
import io.otodoke.demo.DemoPlaces.Region;
import io.otodoke.tracking.EventLocation;

import java.util.List;
import java.util.random.RandomGenerator;

import static io.otodoke.demo.WallClock.after;
import static io.otodoke.demo.WallClock.day;
import static io.otodoke.demo.WallClock.hm;
import static io.otodoke.demo.WallClock.within;

/**
 * A ゆうパック from 大森郵便局 through 新東京郵便局 to the delivering post office, in the words of
 * carriers.md §3.2. Japan Post prints nothing before 引受, and the attempt as a date only, as in
 * the real capture of nayutaya/packtrack {@code tracker/jppost/package/fixtures/list_count01.html}.
 */
final class JapanPostScript {

    private JapanPostScript() {
    }

    static List<ScriptedEvent> write(ShipmentPlan plan, RandomGenerator random) {
        City to = plan.to();
        EventLocation office = to.post();
        ScriptBuilder script = new ScriptBuilder(plan.orderedAt(), DemoCarrierWords.JAPAN_POST);

        long pickup = within(random, plan.pickupDay(), hm(16, 30), hm(18, 30));
        script.add(pickup, "引受", DemoPlaces.POST_PICKUP);
        long d = day(pickup);
        script.add(within(random, d, hm(19, 30), hm(20, 55)), "通過", DemoPlaces.POST_ORIGIN_HUB);
        Region region = to.region();
        long a = d + region.transitDays;
        if (region.postHub != null) {
            long hub = region.transitDays == 1
                    ? within(random, a, hm(7, 0), hm(7, 25))
                    : within(random, a - 1, hm(19, 0), hm(20, 45));
            script.add(hub, "通過", region.postHub);
        }
        long arrived = within(random, a, hm(7, 30), hm(8, 30));
        script.add(arrived, "到着", office);

        switch (plan.scenario()) {
            case HELD_FOR_PICKUP -> {
                // 窓口受取: the parcel waits at the counter from the morning it arrives.
                script.add(after(random, arrived, 10, 60), "窓口保管", office);
                script.add(within(random, a + random.nextInt(0, 3), hm(12, 0), hm(18, 50)), "窓口でお渡し", office);
            }
            case REDELIVERY -> {
                script.add(within(random, a, hm(8, 40), hm(10, 0)), "持ち出し中", office);
                script.addDateOnly(within(random, a, hm(10, 30), hm(16, 0)), "ご不在のため持ち戻り", office);
                script.add(within(random, a, hm(17, 30), hm(20, 45)), "配達希望受付", office);
                if (random.nextBoolean()) {
                    script.add(within(random, a + 1, hm(8, 40), hm(10, 0)), "持ち出し中", office);
                    script.add(within(random, a + 1, hm(10, 10), hm(12, 0)), "お届け先にお届け済み", office);
                } else {
                    script.add(within(random, a + 1, hm(17, 40), hm(18, 20)), "持ち出し中", office);
                    script.add(within(random, a + 1, hm(18, 30), hm(20, 50)), "お届け先にお届け済み", office);
                }
            }
            case NORMAL -> {
                script.add(within(random, a, hm(8, 40), hm(10, 0)), "持ち出し中", office);
                script.add(within(random, a, hm(10, 10), hm(19, 30)), "お届け先にお届け済み", office);
            }
            default -> throw new IllegalArgumentException("Japan Post does not play " + plan.scenario());
        }
        return script.build();
    }
}
