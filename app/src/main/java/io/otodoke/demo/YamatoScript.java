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
 * A Yamato parcel from the shop's branch through 羽田クロノゲートベース to the delivering branch,
 * in the words of carriers.md §3.1. 荷物受付 and 発送済み often share a minute, as in the 2026
 * captures.
 */
final class YamatoScript {

    private YamatoScript() {
    }

    static List<ScriptedEvent> write(ShipmentPlan plan, RandomGenerator random) {
        City to = plan.to();
        EventLocation branch = to.yamato();
        ScriptBuilder script = new ScriptBuilder(plan.orderedAt(), DemoCarrierWords.YAMATO);

        script.add(plan.labelAt(), "出荷指示", DemoPlaces.YAMATO_PICKUP);
        long pickup = within(random, plan.pickupDay(), hm(16, 30), hm(18, 30));
        script.add(pickup, "荷物受付", DemoPlaces.YAMATO_PICKUP);
        script.add(pickup + (random.nextBoolean() ? 0 : random.nextInt(1, 20)), "発送済み",
                DemoPlaces.YAMATO_PICKUP);
        long d = day(pickup);
        script.add(within(random, d, hm(19, 30), hm(20, 55)), "作業店通過", DemoPlaces.YAMATO_ORIGIN_BASE);
        Region region = to.region();
        if (region == Region.OKINAWA) {
            script.add(within(random, d + 1, hm(9, 0), hm(11, 0)), "陸・海上切替え", DemoPlaces.YAMATO_ORIGIN_BASE);
        } else if (region.transitDays > 1) {
            script.add(within(random, d + 1, hm(10, 0), hm(14, 0)), "輸送中", DemoPlaces.YAMATO_ORIGIN_BASE);
        }
        long a = d + region.transitDays;
        if (region.yamatoBase != null) {
            long base = region.transitDays == 1
                    ? within(random, a, hm(7, 0), hm(7, 25))
                    : within(random, a - 1, hm(19, 0), hm(20, 45));
            script.add(base, "作業店通過", region.yamatoBase);
        }
        long arrived = within(random, a, hm(7, 30), hm(8, 15));

        switch (plan.scenario()) {
            case MAILBOX -> {
                script.add(arrived, "投函予定", branch);
                script.add(within(random, a, hm(9, 30), hm(17, 0)), "投函完了", branch);
            }
            case HELD_FOR_PICKUP -> {
                script.add(arrived, "配達店到着", branch);
                script.add(after(random, arrived, 10, 40), "保管中（ご指定店）", branch);
                script.add(within(random, a + random.nextInt(0, 2), hm(17, 30), hm(20, 50)), "お客様引渡完了", branch);
            }
            case ADDRESS_UNKNOWN -> {
                script.add(arrived, "配達店到着", branch);
                script.add(within(random, a, hm(8, 20), hm(9, 30)), "配達中", branch);
                script.add(within(random, a, hm(10, 30), hm(15, 0)), "持戻（住所不明）", branch);
            }
            case REDELIVERY -> {
                script.add(arrived, "配達店到着", branch);
                script.add(within(random, a, hm(8, 20), hm(9, 30)), "配達中", branch);
                long absent = within(random, a, hm(10, 0), hm(16, 0));
                script.add(absent, "持戻（ご不在）", branch);
                script.add(after(random, absent, 5, 40), "保管中", branch);
                if (random.nextBoolean()) {
                    // Requested that evening for the next morning.
                    script.add(within(random, a, hm(18, 0), hm(20, 30)), "依頼受付（再配達）", branch);
                    script.add(within(random, a + 1, hm(8, 20), hm(9, 30)), "配達中", branch);
                    script.add(within(random, a + 1, hm(9, 40), hm(12, 0)), "配達完了", branch);
                } else {
                    // Requested the next morning for the 19–21 slot.
                    script.add(within(random, a + 1, hm(7, 30), hm(9, 0)), "依頼受付（再配達）", branch);
                    script.add(within(random, a + 1, hm(18, 0), hm(18, 45)), "配達中", branch);
                    script.add(within(random, a + 1, hm(19, 0), hm(20, 55)), "配達完了", branch);
                }
            }
            case PARCEL_LOCKER -> {
                script.add(arrived, "配達店到着", branch);
                script.add(within(random, a, hm(8, 20), hm(9, 30)), "配達中", branch);
                script.add(within(random, a, hm(9, 45), hm(19, 0)), "配達完了（宅配ボックス）", branch);
            }
            case NORMAL, NOT_STARTED -> {
                script.add(arrived, "配達店到着", branch);
                if (random.nextInt(5) == 0) {
                    int[] slot = TIME_SLOTS.get(random.nextInt(TIME_SLOTS.size()));
                    script.add(after(random, arrived, 5, 30), "配達日・時間帯指定（保管中）", branch);
                    script.add(within(random, a, slot[0] - 50, slot[0] - 15), "配達中", branch);
                    script.add(within(random, a, slot[0], slot[1] - 5), "配達完了", branch);
                } else {
                    script.add(within(random, a, hm(8, 20), hm(9, 30)), "配達中", branch);
                    script.add(within(random, a, hm(9, 40), hm(19, 30)), "配達完了", branch);
                }
            }
            default -> throw new IllegalArgumentException("Yamato does not play " + plan.scenario());
        }
        return script.build();
    }

    /** Yamato's delivery time slots (時間帯指定) in the afternoon and evening. */
    private static final List<int[]> TIME_SLOTS = List.of(
            new int[] {hm(14, 0), hm(16, 0)},
            new int[] {hm(16, 0), hm(18, 0)},
            new int[] {hm(18, 0), hm(20, 0)},
            new int[] {hm(19, 0), hm(21, 0)});
}
