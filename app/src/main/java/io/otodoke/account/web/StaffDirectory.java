package io.otodoke.account.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Seller;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tenants and their sellers as the account and administration pages name and offer them:
 * for select boxes grouped by tenant, and to print names where the records hold ids.
 */
record StaffDirectory(List<TenantSellers> tenants, Map<Long, String> tenantNames, Map<Long, String> sellerNames) {

    /** Times on pages are Japan's, as the shop's and the carriers' are. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    record TenantSellers(Shop shop, List<Seller> sellers) {
    }

    /** Every tenant for an administrator; the caller's own tenant for anyone else, never another's. */
    static StaffDirectory of(Tenants tenants, Caller caller) {
        List<Shop> shops = caller.is(Role.ADMIN) ? tenants.all()
                : caller.tenantId() == null ? List.of() : tenants.find(caller.tenantId()).stream().toList();
        List<TenantSellers> all = shops.stream().map(t -> new TenantSellers(t, tenants.sellers(t.id()))).toList();
        return new StaffDirectory(all,
                all.stream().collect(Collectors.toMap(t -> t.shop().id(), t -> t.shop().name())),
                all.stream().flatMap(t -> t.sellers().stream()).collect(Collectors.toMap(Seller::id, Seller::name)));
    }

    static LocalDateTime japan(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, JAPAN);
    }
}
