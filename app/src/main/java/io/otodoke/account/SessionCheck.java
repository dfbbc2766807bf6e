package io.otodoke.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session holds the caller as it was at sign-in. Each request of a signed-in user checks that
 * the user still exists with the same role, tenant and seller and is not disabled; otherwise the
 * session ends, so that a role change or a disabled account applies at once.
 */
@Component
class SessionCheck extends OncePerRequestFilter {

    private final UserStore users;

    SessionCheck(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignInUser user && !stillValid(user.caller())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Caller c) {
        return users.find(c.userId()).filter(u -> !u.disabled() && u.role() == c.role()
                && Objects.equals(u.tenantId(), c.tenantId()) && Objects.equals(u.sellerId(), c.sellerId())).isPresent();
    }
}
