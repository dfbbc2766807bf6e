package io.otodoke.account;

/**
 * Who someone is to Otodoke. What each role may call is declared in {@link SecurityConfiguration};
 * which records it may see, in {@link Caller}'s scope (docs/security.md).
 */
public enum Role {
    /** buys from a shop: sees their own orders */
    SHOPPER,
    /** runs a shop (a tenant): sees everything of that tenant */
    OPERATOR,
    /** sells on a marketplace tenant: sees the shipments of its own orders */
    SELLER,
    /** drives for a shop's own fleet: sees today's route */
    DRIVER,
    /** runs the installation: sees every tenant */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
