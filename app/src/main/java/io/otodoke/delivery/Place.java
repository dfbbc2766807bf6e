package io.otodoke.delivery;

/** Where else than into the recipient's hands a parcel may go. */
public enum Place {
    /** 置き配: left at a spot of the address the recipient names ({@link SafePlaceSpot}) */
    SAFE_PLACE,
    /** kept at the carrier's branch or post office for collection (営業所受取・郵便局受取) */
    BRANCH,
    /** kept at a convenience store for collection (コンビニ受取) */
    CONVENIENCE_STORE,
    /** put into a parcel locker (PUDO, はこぽす …) */
    LOCKER
}
