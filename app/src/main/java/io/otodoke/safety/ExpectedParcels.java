package io.otodoke.safety;

import java.util.List;

/**
 * The parcels a signed-in user expects (design/safety.md §4.2): what only a tracking platform
 * knows. Null where nobody is signed in, so that no shipment signal is raised for anonymous checks.
 */
public record ExpectedParcels(List<Parcel> parcels) {

    /**
     * @param carrier         the carrier code of the directory
     * @param trackingNumber  the normalised number
     * @param pending         not yet delivered (or returned, cancelled)
     */
    public record Parcel(String carrier, String trackingNumber, boolean pending) {
    }

    public ExpectedParcels {
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
    }
}
