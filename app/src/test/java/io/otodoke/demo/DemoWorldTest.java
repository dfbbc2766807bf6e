package io.otodoke.demo;

import io.otodoke.demo.DemoCarrierWords.Word;
import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TimePrecision;
import io.otodoke.tracking.TrackingStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.otodoke.tracking.TrackingStatus.DELIVERED;
import static io.otodoke.tracking.TrackingStatus.DELIVERY_ATTEMPTED;
import static io.otodoke.tracking.TrackingStatus.EXCEPTION;
import static io.otodoke.tracking.TrackingStatus.HELD_FOR_PICKUP;
import static io.otodoke.tracking.TrackingStatus.LABEL_CREATED;
import static io.otodoke.tracking.TrackingStatus.OUT_FOR_DELIVERY;
import static io.otodoke.tracking.TrackingStatus.PICKED_UP;
import static org.assertj.core.api.Assertions.assertThat;

class DemoWorldTest {

    private static final long SEED = 20_260_801L;
    private static final List<DemoOrder> WORLD = DemoWorld.generate(SEED, 200);

    @Test
    void generatesTheRequestedNumberOfOrdersOldestFirst() {
        assertThat(WORLD).hasSize(200);
        assertThat(WORLD).extracting(DemoOrder::orderNumber).doesNotHaveDuplicates();
        assertThat(WORLD).isSortedAccordingTo((a, b) -> b.orderedBefore().compareTo(a.orderedBefore()));
        assertThat(WORLD).allSatisfy(order -> assertThat(order.shipments()).isNotEmpty());
    }

    @Test
    void everyCarrierDelivers() {
        assertThat(shipments(WORLD)).extracting(DemoShipment::carrier)
                .contains(DemoWorld.YAMATO, DemoWorld.JAPAN_POST, DemoWorld.SAGAWA, DemoWorld.AMAZON_JP);
    }

    @Test
    void scriptsRunForwardFromLabelOrPickupAtScanningHours() {
        for (long seed : seeds()) {
            for (DemoOrder order : DemoWorld.generate(seed, 200)) {
                for (DemoShipment shipment : order.shipments()) {
                    List<ScriptedEvent> script = shipment.script();
                    assertThat(script).as(shipment.trackingNumber()).isNotEmpty();
                    assertThat(script.getFirst().status()).isIn(LABEL_CREATED, PICKED_UP);
                    assertThat(script).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
                    for (ScriptedEvent event : script) {
                        long minuteOfDay = Math.floorMod(
                                event.at().toMinutes() - order.orderedBefore().toMinutes(), 24 * 60);
                        assertThat(minuteOfDay).as("%s %s", shipment.trackingNumber(), event.rawText())
                                .isBetween(7 * 60L, 21 * 60L);
                    }
                }
            }
        }
    }

    @Test
    void aParcelTakesOneToThreeDaysFromPickupToTheDoor() {
        for (DemoShipment shipment : shipments(WORLD)) {
            List<ScriptedEvent> script = shipment.script();
            ScriptedEvent pickup = script.stream().filter(e -> e.status() == PICKED_UP).findFirst().orElseThrow();
            ScriptedEvent firstAttempt = script.stream()
                    .filter(e -> e.status() == OUT_FOR_DELIVERY || e.status() == DELIVERED
                            || e.status() == HELD_FOR_PICKUP)
                    .findFirst().orElse(script.getLast());
            assertThat(firstAttempt.at().minus(pickup.at()).toHours()).as(shipment.trackingNumber())
                    .isBetween(12L, 3 * 24L);
        }
    }

    @Test
    void everyEventSaysOnlyWhatItsCarrierSaysWithTheTablesStatus() {
        for (DemoShipment shipment : shipments(WORLD)) {
            List<Word> words = DemoCarrierWords.of(shipment.carrier());
            for (ScriptedEvent event : shipment.script()) {
                assertThat(words).as("%s %s → %s/%s", shipment.carrier(), event.rawText(), event.status(),
                                event.reason())
                        .anyMatch(w -> Objects.equals(w.rawCode(), event.rawCode())
                                && w.rawText().equals(event.rawText())
                                && w.status() == event.status()
                                && w.reason() == event.reason());
            }
        }
    }

    @Test
    void wordsThatDependOnContextAreUsedInTheirContext() {
        for (DemoShipment shipment : shipments(WORLD)) {
            List<ScriptedEvent> script = shipment.script();
            for (int i = 1; i < script.size(); i++) {
                ScriptedEvent event = script.get(i);
                ScriptedEvent previous = script.get(i - 1);
                if (event.reason() == StatusReason.RESCHEDULED && event.status() == DELIVERY_ATTEMPTED) {
                    assertThat(previous.status()).as("a request keeps the status").isEqualTo(event.status());
                }
                boolean outBefore = script.subList(0, i).stream().anyMatch(e -> e.status() == OUT_FOR_DELIVERY);
                if (shipment.carrier().equals(DemoWorld.SAGAWA) && event.rawText().equals("保管中")) {
                    assertThat(event.status()).isEqualTo(outBefore
                            ? DELIVERY_ATTEMPTED : TrackingStatus.ARRIVED_AT_DELIVERY_BASE);
                }
                if (shipment.carrier().equals(DemoWorld.YAMATO) && event.rawText().equals("保管中")) {
                    assertThat(previous.rawText()).isEqualTo("持戻（ご不在）");
                }
            }
        }
    }

    @Test
    void onlyJapanPostsAttemptIsADateWithoutATime() {
        for (DemoShipment shipment : shipments(WORLD)) {
            for (ScriptedEvent event : shipment.script()) {
                assertThat(event.precision()).as("%s %s", shipment.carrier(), event.rawText())
                        .isEqualTo(event.rawText().equals("ご不在のため持ち戻り") ? TimePrecision.DAY : TimePrecision.MINUTE);
            }
        }
    }

    @Test
    void severalParcelsGoRoundTheRedeliveryLoop() {
        assertThat(shipments(WORLD).stream().filter(DemoWorldTest::hasRedeliveryLoop).count())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void someParcelsAreHeldForPickupAndCollected() {
        List<DemoShipment> held = shipments(WORLD).stream()
                .filter(s -> followedBy(s.script(), e -> e.status() == HELD_FOR_PICKUP, e -> e.status() == DELIVERED))
                .toList();
        assertThat(held).hasSizeGreaterThanOrEqualTo(3);
        assertThat(held).filteredOn(s -> s.carrier().equals(DemoWorld.JAPAN_POST))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.script().getLast().reason()).isEqualTo(StatusReason.COUNTER));
    }

    @Test
    void someParcelsAreLeftAtTheDoorOrInABox() {
        Map<StatusReason, Long> places = shipments(WORLD).stream()
                .map(s -> s.script().getLast())
                .filter(e -> e.status() == DELIVERED && e.reason() != null)
                .collect(Collectors.groupingBy(ScriptedEvent::reason, Collectors.counting()));
        assertThat(places.get(StatusReason.SAFE_PLACE)).isGreaterThanOrEqualTo(3);
        assertThat(places.get(StatusReason.PARCEL_LOCKER)).isGreaterThanOrEqualTo(3);
        assertThat(places.get(StatusReason.MAILBOX)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void exactlyOneParcelNeedsAttention() {
        for (long seed : seeds()) {
            assertThat(shipments(DemoWorld.generate(seed, 200)))
                    .filteredOn(s -> s.script().stream().anyMatch(e -> e.status() == EXCEPTION))
                    .hasSize(1);
        }
    }

    @Test
    void someParcelsHaveOnlyALabelAtTheOrigin() {
        long labelOnly = WORLD.stream().flatMap(order -> order.shipments().stream()
                        .filter(s -> s.script().getFirst().status() == LABEL_CREATED)
                        .filter(s -> !s.script().getFirst().at().minus(order.orderedBefore()).isPositive())
                        .filter(s -> s.script().stream().skip(1)
                                .allMatch(e -> e.at().minus(order.orderedBefore()).isPositive())))
                .count();
        assertThat(labelOnly).isGreaterThanOrEqualTo(3);
    }

    @Test
    void someOrdersAreGiftsOrComeInTwoParcels() {
        assertThat(WORLD).filteredOn(DemoOrder::gift).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(o -> assertThat(o.shipments().getFirst().recipient().name())
                        .isNotEqualTo(o.customerName()));
        assertThat(WORLD).filteredOn(o -> o.shipments().size() == 2).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void trackingNumbersPassTheDetectorsCheckDigitsAndAreUnique() {
        List<DemoShipment> shipments = shipments(WORLD);
        assertThat(shipments).extracting(DemoShipment::trackingNumber).doesNotHaveDuplicates();
        for (DemoShipment shipment : shipments) {
            String number = shipment.trackingNumber();
            if (shipment.carrier().equals(DemoWorld.AMAZON_JP)) {
                assertThat(number).matches("TBA\\d{12}");
            } else {
                // 7DR, tracking-numbers.md §3.1: the first 11 digits as one number, mod 7.
                assertThat(number).matches("\\d{12}");
                assertThat(Long.parseLong(number.substring(0, 11)) % 7)
                        .isEqualTo(Long.parseLong(number.substring(11)));
            }
        }
    }

    @Test
    void sevenDrMatchesTheSpecsWorkedExamples() {
        assertThat(DemoTrackingNumbers.sevenDr("44441375870")).isEqualTo("444413758703");
        assertThat(DemoTrackingNumbers.sevenDr("12345678901")).isEqualTo("123456789013");
    }

    @Test
    void recipientsAreFictionalAndScansHappenAtCarrierFacilities() {
        for (DemoShipment shipment : shipments(WORLD)) {
            DemoRecipient to = shipment.recipient();
            assertThat(to.phone()).startsWith("000-");
            assertThat(to.addressLine()).startsWith("例町");
            for (ScriptedEvent event : shipment.script()) {
                assertThat(event.location().unknown()).isFalse();
                assertThat(event.location().name()).isNotEqualTo(to.city()).doesNotContain(to.addressLine());
            }
        }
        assertThat(WORLD).allSatisfy(o -> assertThat(o.customerEmail()).endsWith("@example.jp"));
    }

    @Test
    void totalsAreTheItemsPlusShipping() {
        assertThat(WORLD).allSatisfy(order -> {
            long items = order.itemsTotalYen();
            long shipping = items < DemoWorld.FREE_SHIPPING_FROM_YEN ? DemoWorld.SHIPPING_FEE_YEN : 0;
            assertThat(order.totalYen()).isEqualTo(items + shipping);
        });
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        assertThat(DemoWorld.generate(SEED, 200)).isEqualTo(WORLD);
        assertThat(DemoWorld.generate(SEED + 1, 200)).isNotEqualTo(WORLD);
    }

    @Test
    void smallWorldsStillWork() {
        for (int n = 0; n <= 12; n++) {
            assertThat(DemoWorld.generate(SEED, n)).hasSize(n);
        }
    }

    static boolean hasRedeliveryLoop(DemoShipment shipment) {
        List<ScriptedEvent> script = shipment.script();
        int step = 0;
        for (int i = 0; i < script.size(); i++) {
            ScriptedEvent e = script.get(i);
            switch (step) {
                case 0 -> step = e.status() == OUT_FOR_DELIVERY ? 1 : 0;
                case 1 -> step = e.status() == DELIVERY_ATTEMPTED && e.reason() == StatusReason.ABSENT ? 2 : 1;
                case 2 -> {
                    if (e.reason() == StatusReason.RESCHEDULED && e.status() == script.get(i - 1).status()) {
                        step = 3;
                    }
                }
                case 3 -> step = e.status() == OUT_FOR_DELIVERY ? 4 : 3;
                case 4 -> step = e.status() == DELIVERED ? 5 : 4;
                default -> {
                }
            }
        }
        return step == 5;
    }

    private static boolean followedBy(List<ScriptedEvent> script, Predicate<ScriptedEvent> first,
                                      Predicate<ScriptedEvent> then) {
        for (int i = 0; i < script.size(); i++) {
            if (first.test(script.get(i))) {
                return script.subList(i + 1, script.size()).stream().anyMatch(then);
            }
        }
        return false;
    }

    private static List<DemoShipment> shipments(List<DemoOrder> orders) {
        return orders.stream().flatMap(o -> o.shipments().stream()).toList();
    }

    private static long[] seeds() {
        return LongStream.range(0, 20).map(i -> SEED + i * 7919).toArray();
    }
}
