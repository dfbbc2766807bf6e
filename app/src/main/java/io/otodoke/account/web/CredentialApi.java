package io.otodoke.account.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Credential;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys and drivers' device tokens. */
@RestController
@Tag(name = "Accounts", description = "Users, API keys, device tokens, tenants, sellers, audit log")
class CredentialApi {

    private final Credentials credentials;

    CredentialApi(Credentials credentials) {
        this.credentials = credentials;
    }

    /** @param tenantId and sellerId: only an administrator chooses the tenant; an operator names a seller of its own */
    record NewApiKey(String name, Role role, Long tenantId, Long sellerId) {
    }

    record NewDeviceToken(String name) {
    }

    /** A credential just issued: {@code secret} is shown this once and cannot be read again. */
    record Issued(Credential credential, String secret) {
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key", description = "Operators issue OPERATOR and SELLER keys of their tenant, "
            + "sellers SELLER keys of themselves, administrators any. The secret is in this answer only.")
    Issued issue(@RequestBody NewApiKey body, Caller caller) {
        var issued = credentials.issueApiKey(caller, body.name(), body.role(), body.tenantId(), body.sellerId());
        return new Issued(issued.credential(), issued.secret());
    }

    @GetMapping("/api/v1/api-keys")
    @Operation(summary = "Credentials this key may see, with their last use (never their secrets)")
    Map<String, List<Credential>> list(Caller caller) {
        return Map.of("credentials", credentials.visibleTo(caller));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @Operation(summary = "Revoke an API key or device token: it stops working at once")
    Credential revoke(@PathVariable long id, Caller caller) {
        return credentials.revoke(caller, id);
    }

    @PostMapping("/api/v1/users/{id}/device-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a device token for a driver's phone", description = "The secret is in this answer only.")
    Issued deviceToken(@PathVariable long id, @RequestBody NewDeviceToken body, Caller caller) {
        var issued = credentials.issueDeviceToken(caller, id, body.name());
        return new Issued(issued.credential(), issued.secret());
    }
}
