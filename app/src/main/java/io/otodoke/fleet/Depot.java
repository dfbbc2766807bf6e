package io.otodoke.fleet;

/** Where a tenant's vans load and start their routes. */
public record Depot(long id, long tenantId, String code, String name, String address, double latitude,
                    double longitude) {
}
