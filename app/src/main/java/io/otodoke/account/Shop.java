package io.otodoke.account;

/** A tenant: a shop, or a marketplace that hosts sellers. */
public record Shop(long id, String code, String name, boolean marketplace) {
}
