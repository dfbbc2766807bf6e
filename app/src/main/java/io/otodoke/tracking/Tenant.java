package io.otodoke.tracking;

/**
 * Tenants (shops) separate data. Until accounts arrive every record belongs to the default
 * tenant created by the first migration.
 */
public final class Tenant {

    public static final long DEFAULT_ID = 1L;

    private Tenant() {
    }
}
