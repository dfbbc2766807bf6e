package io.otodoke.delivery;

/** Where at the address a parcel is left unattended (置き配), in the words Japanese carriers offer. */
public enum SafePlaceSpot {
    /** 玄関前 */
    FRONT_DOOR,
    /** 宅配ボックス */
    DELIVERY_BOX,
    /** メーターボックス */
    METER_BOX,
    /** 車庫 */
    GARAGE,
    /** 物置 */
    SHED
}
