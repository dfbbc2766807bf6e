package io.otodoke.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * What a carrier lets a recipient change, from {@code carrier/delivery-options.tsv}: its published
 * time slots, the places it can keep or leave a parcel, and its own page for booking the change.
 *
 * @param changeUrl the carrier's page; {@code {n}} stands for the tracking number when the page takes it
 *                  in the URL. Null for the own fleet, which Otodoke changes itself.
 */
public record CarrierChangeRules(String carrier, String changeUrl, List<TimeSlot> slots, Set<Place> places) {

    public CarrierChangeRules {
        slots = List.copyOf(slots);
        places = Set.copyOf(places);
    }

    /** The carrier's page for this number; the number is filled in when the page supports it. */
    public String changeUrlFor(String trackingNumber) {
        return changeUrl == null ? null
                : changeUrl.replace("{n}", URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
    }

    /** Whether the page opens with the number filled in; otherwise the person copies it. */
    public boolean fillsInNumber() {
        return changeUrl != null && changeUrl.contains("{n}");
    }
}
