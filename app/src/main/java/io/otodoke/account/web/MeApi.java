package io.otodoke.account.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class MeApi {

    record Me(Role role, Long tenantId, Long sellerId, Long userId, String credential) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who this credential is: role, tenant, seller, user")
    Me me(Caller caller) {
        return new Me(caller.role(), caller.tenantId(), caller.sellerId(), caller.userId(), caller.credential());
    }
}
