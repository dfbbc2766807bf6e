package io.otodoke.account;

/**
 * A seller on a marketplace tenant; it sees the shipments of its own orders only.
 *
 * @param contact how a shopper reaches the seller: an e-mail address or an https URL; null when
 *                the shopper goes through the shop (docs/sellers.md)
 */
public record Seller(long id, long tenantId, String code, String name, String contact) {

    public Seller(long id, long tenantId, String code, String name) {
        this(id, tenantId, code, name, null);
    }

    /** True when {@link #contact} is an e-mail address (a mailto: link), false for a URL. */
    public boolean contactIsEmail() {
        return contact != null && contact.contains("@") && !contact.startsWith("http");
    }
}
