package io.otodoke.account;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in with e-mail address and password against the {@code users} table, and lock-out: a run
 * of wrong passwords locks the account for a while (otodoke.account.*), even for the right
 * password, and a successful sign-in ends the run.
 */
@Component
class SignInUsers implements UserDetailsService {

    private final UserStore store;
    private final Accounts accounts;
    private final Clock clock;

    SignInUsers(UserStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return store.forSignIn(email == null ? "" : email.trim())
                .map(u -> new SignInUser(u.user(), u.passwordHash(), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String email) {
            accounts.signInFailed(email.trim());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignInUser user) {
            accounts.signedIn(user.caller().userId());
        }
    }
}
