package io.otodoke.demo;

import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;

import java.util.List;
import java.util.random.RandomGenerator;

import static io.otodoke.demo.WallClock.after;
import static io.otodoke.demo.WallClock.day;
import static io.otodoke.demo.WallClock.hm;
import static io.otodoke.demo.WallClock.within;

/**
 * An Amazon-delivered parcel (Multi-Channel Fulfillment) from a fulfilment centre through a
 * delivery station, next day, in the event codes of carriers.md §4.1.
 */
final class AmazonScript {

    private AmazonScript() {
    }

    static List<ScriptedEvent> write(ShipmentPlan plan, RandomGenerator random) {
        List<DemoCarrierWords.Word> words = DemoCarrierWords.AMAZON_JP;
        EventLocation centre = DemoPlaces.amazonFulfilmentCentre(plan.to().region());
        EventLocation station = DemoPlaces.amazonStation(plan.to());
        ScriptBuilder script = new ScriptBuilder(plan.orderedAt(), words);

        script.add(plan.labelAt(), "EVENT_101", centre);
        long pickup = within(random, plan.pickupDay(), hm(15, 0), hm(18, 0));
        script.add(pickup, "EVENT_102", centre);
        script.add(after(random, pickup, 30, 90), "EVENT_202", centre);
        long a = day(pickup) + 1;
        long arrived = within(random, a, hm(7, 0), hm(7, 50));
        script.add(arrived, "EVENT_201", station);

        switch (plan.scenario()) {
            case HELD_FOR_PICKUP -> {
                script.add(after(random, arrived, 20, 60), "EVENT_206", station);
                script.add(within(random, a, hm(10, 0), hm(13, 0)), "EVENT_801", station);
                script.add(within(random, a + random.nextInt(0, 2), hm(17, 30), hm(20, 50)), "EVENT_804", station);
            }
            case SAFE_PLACE -> {
                script.add(within(random, a, hm(8, 30), hm(10, 30)), "EVENT_302", station);
                script.add(within(random, a, hm(10, 40), hm(20, 50)),
                        DemoCarrierWords.word(words, "EVENT_301", TrackingStatus.DELIVERED, StatusReason.SAFE_PLACE),
                        station);
            }
            case NORMAL, NOT_STARTED -> {
                script.add(within(random, a, hm(8, 30), hm(10, 30)), "EVENT_302", station);
                script.add(within(random, a, hm(10, 40), hm(20, 50)),
                        DemoCarrierWords.word(words, "EVENT_301", TrackingStatus.DELIVERED, null), station);
            }
            default -> throw new IllegalArgumentException("Amazon does not play " + plan.scenario());
        }
        return script.build();
    }
}
