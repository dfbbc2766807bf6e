package io.otodoke.tracking.web;

import io.otodoke.tracking.Guidance;
import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;

/**
 * What a person needs to ask the carrier or the shop about a parcel (issue 7, item 5), for one
 * audience. It never holds the recipient's name, address or phone, nor a price: whoever receives
 * the copied text learns only the parcel's numbers and state. A share link's holder does not get
 * the order number either: it is the buyer's reference with the shop, not the recipient's.
 *
 * @param orderNumber     null when the shipment has no order or the audience may not see it
 * @param contact         whom to ask: the carrier's customer service, or the shop for its own vans
 * @param statusLabel     the current status in the page's language
 * @param since           when the parcel reached that stage (its latest event; the registration when none)
 * @param carrierHealth   {@code DEGRADED} while the carrier's tracking cannot be read, else {@code OK}
 * @param guidance        the case of status-model.md "Staleness" that applies, or null when none does
 * @param guidanceTitle   and {@code advice}: its text in the page's language (a general hint when none applies)
 * @param copyText        the inquiry in Japanese, ready to paste into a mail or a contact form
 */
public record InquiryKit(long shipmentId, String orderNumber, String trackingNumber, String carrier, String carrierName,
                         Contact contact, TrackingStatus status, String statusLabel, Instant since, String staleReason,
                         String carrierHealth, Guidance guidance, String guidanceTitle, String advice, String copyText) {

    /**
     * @param kind  {@code CARRIER} or {@code SHOP}
     * @param phone the customer service number from the carrier directory, or null when none is known
     * @param url   the carrier's official tracking page for this number, or null
     */
    public record Contact(String kind, String name, String phone, String url) {
    }
}
