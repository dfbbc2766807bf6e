package io.otodoke.fulfillment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A fulfilment order as MCF's {@code createFulfillmentOrder} takes it (2020-07-01), the fields
 * Otodoke uses. Kept as accepted (normalised), so a repeat of the same id can be compared.
 *
 * @param displayableOrderDate ISO-8601 with offset, as MCF's {@code Timestamp}
 * @param shippingSpeedCategory Standard, Expedited, Priority or ScheduledDelivery
 */
// MCF clients send Amazon-only fields too (marketplaceId, fulfillmentAction, codSettings …): not read, not refused
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfillmentOrderRequest(String sellerFulfillmentOrderId, String displayableOrderId,
                                      String displayableOrderDate, String displayableOrderComment,
                                      String shippingSpeedCategory, Address destinationAddress, List<Item> items,
                                      List<String> notificationEmails) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String name, String addressLine1, String addressLine2, String addressLine3, String city,
                          String districtOrCounty, String stateOrRegion, String postalCode, String countryCode,
                          String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String sellerSku, String sellerFulfillmentOrderItemId, Integer quantity,
                       String displayableComment) {
    }
}
