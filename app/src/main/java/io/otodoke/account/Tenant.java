package io.otodoke.account;

/**
 * Tenants (shops) separate data: every order, shipment and credential belongs to one. The first
 * migration creates the default tenant, which the configured operator API key works in.
 */
public final class Tenant {

    public static final long DEFAULT_ID = 1L;

    private Tenant() {
    }
}
