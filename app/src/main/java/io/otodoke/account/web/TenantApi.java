package io.otodoke.account.web;

import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Seller;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants (administrators), sellers (a marketplace's operator), and the audit log (administrators). */
@RestController
@Tag(name = "Accounts")
class TenantApi {

    static final int MAX_AUDIT = 1000;

    private final Tenants tenants;
    private final AuditLog audit;

    TenantApi(Tenants tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    record NewTenant(String code, String name, boolean marketplace) {
    }

    /** @param tenantId only for an administrator; an operator's sellers are its own tenant's */
    record NewSeller(String code, String name, Long tenantId) {
    }

    @GetMapping("/api/v1/tenants")
    @Operation(summary = "All tenants (administrators)")
    Map<String, List<Shop>> tenants() {
        return Map.of("tenants", tenants.all());
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tenant: a shop, or a marketplace that hosts sellers (administrators)")
    Shop create(@RequestBody NewTenant body, Caller caller) {
        return tenants.create(caller, body.code(), body.name(), body.marketplace());
    }

    @GetMapping("/api/v1/sellers")
    @Operation(summary = "The sellers of the operator's tenant (an administrator names the tenant)")
    Map<String, List<Seller>> sellers(@RequestParam(required = false) Long tenantId, Caller caller) {
        return Map.of("sellers", tenants.sellers(tenantOf(caller, tenantId)));
    }

    @PostMapping("/api/v1/sellers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a seller to a marketplace tenant")
    Seller createSeller(@RequestBody NewSeller body, Caller caller) {
        return tenants.createSeller(caller, tenantOf(caller, body.tenantId()), body.code(), body.name());
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The audit log, newest first (administrators)",
            description = "Address and photo views, credential, share-link, user and role changes, lock-outs.")
    Map<String, List<AuditLog.Entry>> audit(@RequestParam(defaultValue = "100") int limit,
                                            @RequestParam(required = false) String action) {
        if (limit < 1 || limit > MAX_AUDIT) {
            throw ProblemType.invalidField("limit", "limit is 1 to " + MAX_AUDIT);
        }
        return Map.of("entries", audit.recent(limit, action));
    }

    private static long tenantOf(Caller caller, Long requested) {
        if (!caller.is(Role.ADMIN)) {
            return caller.tenantId();
        }
        if (requested == null) {
            throw ProblemType.invalidField("tenantId", "an administrator names the tenant");
        }
        return requested;
    }
}
