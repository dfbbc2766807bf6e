package io.otodoke.account;

/** A seller on a marketplace tenant; it sees the shipments of its own orders only. */
public record Seller(long id, long tenantId, String code, String name) {
}
