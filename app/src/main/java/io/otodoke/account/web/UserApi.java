package io.otodoke.account.web;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record NewRole(Role role, Long tenantId, Long sellerId) {
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Users: an administrator's all, an operator's of its tenant")
    Map<String, List<UserAccount>> list(Caller caller) {
        return Map.of("users", accounts.users(caller));
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user who signs in with e-mail address and password",
            description = "Operators create shoppers, sellers, drivers and operators of their own tenant; administrators "
                    + "anyone. The password (12 characters or more) is stored hashed.")
    UserAccount create(@RequestBody Accounts.NewUser body, Caller caller) {
        return accounts.create(caller, body);
    }

    @PutMapping("/api/v1/users/{id}/role")
    @Operation(summary = "Change a user's role (administrators)", description = "The user's sessions end; audited.")
    UserAccount role(@PathVariable long id, @RequestBody NewRole body, Caller caller) {
        return accounts.changeRole(caller, id, body.role(), body.tenantId(), body.sellerId());
    }
}
