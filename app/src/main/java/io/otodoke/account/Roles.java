package io.otodoke.account;

/** The roles of architecture.md's users. */
public final class Roles {
    public static final String SHOPPER = "SHOPPER";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
