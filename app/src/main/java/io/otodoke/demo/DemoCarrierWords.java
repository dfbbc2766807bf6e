package io.otodoke.demo;

import io.otodoke.tracking.StatusReason;
import io.otodoke.tracking.TrackingStatus;

import java.util.List;
import java.util.Objects;

import static io.otodoke.tracking.StatusReason.ABSENT;
import static io.otodoke.tracking.StatusReason.ADDRESS_UNKNOWN;
import static io.otodoke.tracking.StatusReason.COUNTER;
import static io.otodoke.tracking.StatusReason.HANDED_OVER;
import static io.otodoke.tracking.StatusReason.MAILBOX;
import static io.otodoke.tracking.StatusReason.PARCEL_LOCKER;
import static io.otodoke.tracking.StatusReason.RESCHEDULED;
import static io.otodoke.tracking.StatusReason.SAFE_PLACE;
import static io.otodoke.tracking.TrackingStatus.ARRIVED_AT_DELIVERY_BASE;
import static io.otodoke.tracking.TrackingStatus.DELIVERED;
import static io.otodoke.tracking.TrackingStatus.DELIVERY_ATTEMPTED;
import static io.otodoke.tracking.TrackingStatus.EXCEPTION;
import static io.otodoke.tracking.TrackingStatus.HELD_FOR_PICKUP;
import static io.otodoke.tracking.TrackingStatus.IN_TRANSIT;
import static io.otodoke.tracking.TrackingStatus.LABEL_CREATED;
import static io.otodoke.tracking.TrackingStatus.OUT_FOR_DELIVERY;
import static io.otodoke.tracking.TrackingStatus.PICKED_UP;

/**
 * The words the demo lets each carrier say, with the unified status and reason that the tables of
 * {@code design/carriers.md} give them. Every scripted event takes its text, code, status and
 * reason from here, so the demo cannot say what a carrier never says.
 *
 * <p>A word that means different things in different places (Yamato 保管中, Sagawa 保管中) has
 * one entry per meaning; {@link Word#when} says which.
 */
public final class DemoCarrierWords {

    /**
     * @param rawCode null for the Japanese carrier pages, which print text only
     * @param when    the context in which this mapping applies, or null when it always does
     */
    public record Word(String rawCode, String rawText, TrackingStatus status, StatusReason reason,
                       String when) {

        public Word {
            Objects.requireNonNull(rawText, "rawText");
            Objects.requireNonNull(status, "status");
        }
    }

    /** carriers.md §3.1; the 2026 real captures also print 荷物受付 and 発送済み at the same minute. */
    public static final List<Word> YAMATO = List.of(
            text("出荷指示", LABEL_CREATED, null, null),
            text("荷物受付", PICKED_UP, null, null),
            text("発送済み", IN_TRANSIT, null, "after 荷物受付"),
            text("作業店通過", IN_TRANSIT, null, null),
            text("輸送中", IN_TRANSIT, null, null),
            text("陸・海上切替え", IN_TRANSIT, null, "to and from Okinawa"),
            text("配達店到着", ARRIVED_AT_DELIVERY_BASE, null, null),
            text("投函予定", ARRIVED_AT_DELIVERY_BASE, null, "ネコポス"),
            text("配達日・時間帯指定（保管中）", ARRIVED_AT_DELIVERY_BASE, RESCHEDULED,
                    "the recipient chose a delivery time slot"),
            text("配達中", OUT_FOR_DELIVERY, null, null),
            text("持戻（ご不在）", DELIVERY_ATTEMPTED, ABSENT, null),
            text("保管中", DELIVERY_ATTEMPTED, null, "right after 持戻: the attempt's follow-up"),
            text("依頼受付（再配達）", DELIVERY_ATTEMPTED, RESCHEDULED,
                    "keeps the previous status, which in the demo is always the attempt"),
            text("保管中（ご指定店）", HELD_FOR_PICKUP, null, null),
            text("お客様引渡完了", DELIVERED, HANDED_OVER, "collected at the branch"),
            text("配達完了", DELIVERED, null, null),
            text("配達完了（宅配ボックス）", DELIVERED, PARCEL_LOCKER, null),
            text("投函完了", DELIVERED, MAILBOX, "ネコポス"),
            text("持戻（住所不明）", EXCEPTION, ADDRESS_UNKNOWN, null));

    /**
     * carriers.md §3.2. Japan Post prints no event before 引受, so its scripts start there. The
     * 2009 real capture gives ご不在のため持ち戻り as a date without a time.
     */
    public static final List<Word> JAPAN_POST = List.of(
            text("引受", PICKED_UP, null, null),
            text("通過", IN_TRANSIT, null, null),
            text("到着", ARRIVED_AT_DELIVERY_BASE, null, null),
            text("持ち出し中", OUT_FOR_DELIVERY, null, null),
            text("ご不在のため持ち戻り", DELIVERY_ATTEMPTED, ABSENT, "printed as a date only"),
            text("配達希望受付", DELIVERY_ATTEMPTED, RESCHEDULED,
                    "keeps the status of the attempt before it"),
            text("窓口保管", HELD_FOR_PICKUP, null, null),
            text("お届け先にお届け済み", DELIVERED, null, null),
            text("窓口でお渡し", DELIVERED, COUNTER, null));

    /**
     * carriers.md §3.3, without the ↓ and ⇒ row markers (they mark the page's current row, not the
     * event). The 2026 real captures run 集荷 → 輸送中 → 輸送中 → 保管中 → 配達中 → 配達完了.
     */
    public static final List<Word> SAGAWA = List.of(
            text("出荷情報受付", LABEL_CREATED, null, null),
            text("集荷", PICKED_UP, null, null),
            text("輸送中", IN_TRANSIT, null, null),
            text("保管中", ARRIVED_AT_DELIVERY_BASE, null, "before any 配達中"),
            text("配達中", OUT_FOR_DELIVERY, null, null),
            text("保管中", DELIVERY_ATTEMPTED, null, "after 配達中: taken back to the branch"),
            text("配達完了", DELIVERED, null, null));

    /**
     * Amazon Logistics Japan has no public page (carriers.md §3.4); the shop ships through
     * Multi-Channel Fulfillment, whose tracking gives the event codes and descriptions of
     * carriers.md §4.1 (SP-API Fulfillment Outbound 2020-07-01), descriptions verbatim.
     */
    public static final List<Word> AMAZON_JP = List.of(
            code("EVENT_101", "Carrier notified to pick up package.", LABEL_CREATED, null, null),
            code("EVENT_102", "Shipment picked up from seller's facility.", PICKED_UP, null, null),
            code("EVENT_202", "Departure scan.", IN_TRANSIT, null, null),
            code("EVENT_201", "Arrival scan.", IN_TRANSIT, null, null),
            code("EVENT_206", "In transit to pickup location.", IN_TRANSIT, null, null),
            code("EVENT_302", "Out for delivery.", OUT_FOR_DELIVERY, null, null),
            code("EVENT_301", "Delivered.", DELIVERED, null, null),
            // [design] The reason comes from the package's additionalLocationInfo (§4.1), which
            // the event itself does not carry: 置き配 is Amazon Japan's usual way of delivering.
            code("EVENT_301", "Delivered.", DELIVERED, SAFE_PLACE, "additionalLocationInfo FRONT_DOOR"),
            code("EVENT_801", "Package delivered to locker.", HELD_FOR_PICKUP, PARCEL_LOCKER, null),
            code("EVENT_804", "Package picked up from locker.", DELIVERED, PARCEL_LOCKER, null));

    private DemoCarrierWords() {
    }

    /** The table of a carrier code of carriers.md §1. */
    public static List<Word> of(String carrier) {
        return switch (carrier) {
            case DemoWorld.YAMATO -> YAMATO;
            case DemoWorld.JAPAN_POST -> JAPAN_POST;
            case DemoWorld.SAGAWA -> SAGAWA;
            case DemoWorld.AMAZON_JP -> AMAZON_JP;
            default -> throw new IllegalArgumentException("no demo words for carrier " + carrier);
        };
    }

    /** The only entry with this text (Japanese carriers) or code (Amazon). */
    static Word word(List<Word> table, String textOrCode) {
        List<Word> found = table.stream()
                .filter(w -> w.rawText().equals(textOrCode) || textOrCode.equals(w.rawCode()))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " entries for " + textOrCode);
        }
        return found.getFirst();
    }

    /** The entry with this text or code that maps to this status and reason. */
    static Word word(List<Word> table, String textOrCode, TrackingStatus status, StatusReason reason) {
        return table.stream()
                .filter(w -> w.rawText().equals(textOrCode) || textOrCode.equals(w.rawCode()))
                .filter(w -> w.status() == status && w.reason() == reason)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no entry " + textOrCode + " → " + status + "/" + reason));
    }

    private static Word text(String text, TrackingStatus status, StatusReason reason, String when) {
        return new Word(null, text, status, reason, when);
    }

    private static Word code(String code, String description, TrackingStatus status,
                             StatusReason reason, String when) {
        return new Word(code, description, status, reason, when);
    }
}
