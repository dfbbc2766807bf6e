package io.otodoke.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine clients by {@code Authorization: Bearer <secret>}: the configured
 * operator key (compared as a digest in constant time), an API key or a driver's device token.
 * A secret is never logged; an unknown one leaves the request anonymous.
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final byte[] operatorKeyDigest;
    private final Credentials credentials;

    BearerTokenFilter(OperatorApiKey key, Credentials credentials) {
        this.operatorKeyDigest = Secrets.sha256(key.value());
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller(header.substring(7).trim()).ifPresent(caller -> SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(caller, null,
                            List.of(new SimpleGrantedAuthority(caller.role().authority())))));
        }
        chain.doFilter(request, response);
    }

    private Optional<Caller> caller(String secret) {
        if (MessageDigest.isEqual(Secrets.sha256(secret), operatorKeyDigest)) {
            return Optional.of(new Caller(Role.OPERATOR, Tenant.DEFAULT_ID, null, null, null, "api-key:configured"));
        }
        return credentials.authenticate(secret);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
