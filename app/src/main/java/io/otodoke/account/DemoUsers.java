package io.otodoke.account;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The sign-in users of demo mode, listed with their passwords on the sign-in page. Outside
 * demo mode there are none (full accounts are a later step).
 */
@Component
public class DemoUsers {

    public record DemoUser(String username, String password, String role, String displayName) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("hanako@example.jp", "otodoke-demo", Roles.SHOPPER, "山田 花子 (demo shopper)"));

    private final boolean enabled;

    DemoUsers(@Value("${otodoke.demo.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public List<DemoUser> list() {
        return enabled ? ALL : List.of();
    }

    List<UserDetails> userDetails(PasswordEncoder encoder) {
        return list().stream().map(u -> User.withUsername(u.username()).password(encoder.encode(u.password()))
                .roles(u.role()).build()).toList();
    }
}
