package io.otodoke.tracking;

/** Who receives a shipment and where: personal data, never shown by the public lookup. */
public record Recipient(String name, String postalCode, String prefecture, String city, String addressLine,
                        String phone) {
}
