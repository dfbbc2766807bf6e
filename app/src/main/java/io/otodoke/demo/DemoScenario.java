package io.otodoke.demo;

/** What happens to a demo parcel after it is handed to the carrier. */
enum DemoScenario {
    /** Straight to the door (with Yamato sometimes in a chosen time slot). */
    NORMAL,
    /**
     * Nobody home: out for delivery → attempt (absent) → redelivery request → out again →
     * delivered. Sagawa has no request word, so its loop goes without one.
     */
    REDELIVERY,
    /** Collected at the branch (Yamato), the post-office counter (Japan Post) or a locker (Amazon). */
    HELD_FOR_PICKUP,
    /** 置き配: left at the door (Amazon). */
    SAFE_PLACE,
    /** Put in the building's 宅配ボックス (Yamato). */
    PARCEL_LOCKER,
    /** ネコポス into the mailbox (Yamato). */
    MAILBOX,
    /** The driver cannot find the address: the demo's only exception (Yamato 持戻（住所不明）). */
    ADDRESS_UNKNOWN,
    /** The label exists at the origin; the carrier collects the parcel the day after. */
    NOT_STARTED
}
