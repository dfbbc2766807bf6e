package io.otodoke.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;

/**
 * The last access rule: a request no rule lists is denied when a controller would answer it, so an
 * endpoint added without a rule is closed, not open. A path no controller has is let through, so
 * that it gets its plain 404 (or 405 for a known path with another method) rather than a
 * misleading 401 or 403.
 */
@Component
@ConditionalOnWebApplication
class UnlistedEndpoints implements AuthorizationManager<RequestAuthorizationContext> {

    private final AbstractHandlerMethodMapping<?> controllers;

    UnlistedEndpoints(@Qualifier("requestMappingHandlerMapping") AbstractHandlerMethodMapping<?> controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(!answeredByAController(context.getRequest()));
    }

    private boolean answeredByAController(HttpServletRequest request) {
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return false; // e.g. the path exists with other methods: MVC answers 405 without running anything
        }
    }
}
