package io.otodoke.delivery;

import java.time.LocalDate;
import java.util.Map;

/**
 * The words of the timeline notes. A note is stored as its source said it (like a carrier's raw
 * text), so it is written once, in Japanese, the installation's default language; the pages label
 * it 「お手続き」/ "Your request" in the reader's language.
 */
final class NoteText {

    private static final Map<ChangeKind, String> KIND = Map.of(ChangeKind.REDELIVERY, "再配達のご依頼",
            ChangeKind.RESCHEDULE, "お届け日時変更のご依頼", ChangeKind.CHANGE_PLACE, "お届け場所変更のご依頼");
    private static final Map<Place, String> PLACE = Map.of(Place.SAFE_PLACE, "置き配", Place.BRANCH, "営業所・郵便局で受け取り",
            Place.CONVENIENCE_STORE, "コンビニで受け取り", Place.LOCKER, "宅配ロッカーで受け取り");
    private static final Map<SafePlaceSpot, String> SPOT = Map.of(SafePlaceSpot.FRONT_DOOR, "玄関前",
            SafePlaceSpot.DELIVERY_BOX, "宅配ボックス", SafePlaceSpot.METER_BOX, "メーターボックス",
            SafePlaceSpot.GARAGE, "車庫", SafePlaceSpot.SHED, "物置");

    private NoteText() {
    }

    static String requested(DeliveryChange c) {
        return KIND.get(c.kind()) + "：" + what(c);
    }

    static String outcome(DeliveryChange c) {
        return switch (c.outcome()) {
            case ROUTE_UPDATED -> c.kind() == ChangeKind.CHANGE_PLACE ? "ドライバーにお届け場所を伝えました（" + what(c) + "）"
                    : "配達予定を変更しました（" + what(c) + "）";
            case LEFT_ROUTE -> "本日の配達ルートから外し、" + date(c.date()) + "のお届けに変更しました";
            case AWAITING_ROUTE -> "ご希望の内容で配達を手配します（" + what(c) + "）";
            case CARRIER_TO_CONFIRM -> "配送業者のページへご案内しました。変更は配送業者が確定します";
        };
    }

    /** What the driver is told about the place, e.g. 置き配（玄関前）. */
    static String place(ChangeRequest r) {
        return place(r.place(), r.safePlaceSpot(), r.pickupPoint());
    }

    private static String what(DeliveryChange c) {
        if (c.kind() == ChangeKind.CHANGE_PLACE) {
            return place(c.place(), c.safePlaceSpot(), c.pickupPoint());
        }
        return date(c.date()) + " " + slot(TimeSlot.parse(c.slot()));
    }

    private static String place(Place place, SafePlaceSpot spot, String pickupPoint) {
        String p = PLACE.get(place);
        if (spot != null) {
            return p + "（" + SPOT.get(spot) + "）";
        }
        return pickupPoint == null ? p : p + "（" + pickupPoint + "）";
    }

    private static String date(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String slot(TimeSlot s) {
        return s.morning() ? "午前中" : s.start().getHour() + "時〜" + s.end().getHour() + "時";
    }
}
