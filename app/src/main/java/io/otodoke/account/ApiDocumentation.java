package io.otodoke.account;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says how to authenticate, so that Swagger UI's "Authorize" button takes an
 * API key or device token. The public endpoints ignore it.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Otodoke API", version = "v1",
        description = "Parcel tracking. Send an API key or device token as 'Authorization: Bearer <secret>'; "
                + "the lookup by tracking number is public. Who may call what: docs/security.md."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (otd_…), a device token (otdd_…) or the configured operator key")
class ApiDocumentation {
}
