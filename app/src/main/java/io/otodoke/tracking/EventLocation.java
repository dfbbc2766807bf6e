package io.otodoke.tracking;

/**
 * Where a scan happened: a carrier facility or branch, never a recipient's address.
 * Every field may be null.
 */
public record EventLocation(String name, String postalCode, String prefecture, String country,
                            Double latitude, Double longitude) {

    public static final EventLocation NONE = new EventLocation(null, null, null, null, null, null);

    public static EventLocation named(String name) {
        return new EventLocation(name, null, null, null, null, null);
    }

    public boolean unknown() {
        return name == null && postalCode == null && prefecture == null && country == null
                && latitude == null && longitude == null;
    }
}
