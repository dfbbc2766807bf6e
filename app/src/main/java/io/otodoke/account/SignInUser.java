package io.otodoke.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user signing in with the form: the caller it becomes, and what the password check needs. */
final class SignInUser implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private final boolean disabled;
    private final Instant lockedUntil;
    private final Instant now;
    private String passwordHash;

    SignInUser(UserAccount user, String passwordHash, Instant now) {
        this.caller = user.caller();
        this.disabled = user.disabled();
        this.lockedUntil = user.lockedUntil();
        this.passwordHash = passwordHash;
        this.now = now;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(caller.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(now);
    }

    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** One principal per user, so that the session registry finds all sessions of a user. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SignInUser other && other.caller.userId().equals(caller.userId());
    }

    @Override
    public int hashCode() {
        return caller.userId().hashCode();
    }

    @Override
    public String toString() {
        return caller.credential(); // never the address or the hash
    }
}
