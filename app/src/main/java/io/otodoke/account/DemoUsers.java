package io.otodoke.account;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's users, one per role, listed with their passwords on the home and sign-in pages of
 * demo mode. Outside demo mode there are none.
 */
@Component
public class DemoUsers {

    public static final String PASSWORD = "otodoke-demo";
    /** The demo shop is a marketplace; this seller sells tea on it. */
    public static final String SELLER_CODE = "yamada-en";

    /** @param what a message key saying what the user can try */
    public record DemoUser(String username, String password, Role role, String displayName, String what) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("hanako@example.jp", PASSWORD, Role.SHOPPER, "山田 花子", "demo.user.shopper"),
            new DemoUser("shop@example.jp", PASSWORD, Role.OPERATOR, "おとどけ商店 店長", "demo.user.operator"),
            new DemoUser("seller@example.jp", PASSWORD, Role.SELLER, "山田園 担当", "demo.user.seller"),
            new DemoUser("driver@example.jp", PASSWORD, Role.DRIVER, "佐藤 一郎", "demo.user.driver"),
            new DemoUser("admin@example.jp", PASSWORD, Role.ADMIN, "管理者", "demo.user.admin"));

    private final boolean enabled;
    private final UserStore users;
    private final Tenants tenants;
    private final PasswordEncoder encoder;

    DemoUsers(@Value("${otodoke.demo.enabled:false}") boolean enabled, UserStore users, Tenants tenants,
              PasswordEncoder encoder) {
        this.enabled = enabled;
        this.users = users;
        this.tenants = tenants;
        this.encoder = encoder;
    }

    public List<DemoUser> list() {
        return enabled ? ALL : List.of();
    }

    /** Creates the demo shop's seller and the demo users, unless they exist (a restarted demo keeps them). */
    @Transactional
    public void create(String shopName, String sellerName) {
        if (!enabled) {
            throw new IllegalStateException("demo users exist in demo mode only");
        }
        tenants.describe(Tenant.DEFAULT_ID, shopName, true);
        Seller seller = tenants.seller(Tenant.DEFAULT_ID, SELLER_CODE).orElseGet(() ->
                tenants.createSeller(null, Tenant.DEFAULT_ID, SELLER_CODE, sellerName));
        for (DemoUser u : ALL) {
            if (!users.emailTaken(u.username())) {
                users.insert(u.role() == Role.ADMIN ? null : Tenant.DEFAULT_ID, u.role() == Role.SELLER ? seller.id() : null,
                        u.username(), u.displayName(), u.role(), encoder.encode(u.password()));
            }
        }
    }
}
