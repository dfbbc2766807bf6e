package io.otodoke.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Sign-in, lock-out, sessions and CSRF on the pages. */
@OtodokeTest
class SignInTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Tenants tenants;
    @Autowired
    JdbcTemplate jdbc;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    UserAccount newUser(Role role) {
        String email = "u-" + UUID.randomUUID() + "@example.jp";
        long tenant = Tenant.DEFAULT_ID;
        Long seller = null;
        if (role == Role.SELLER) {
            String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
            tenant = tenants.create(AccessMatrixTest.SYSTEM_ADMIN, code, "Market", true).id();
            seller = tenants.createSeller(AccessMatrixTest.SYSTEM_ADMIN, tenant, "s", "Seller").id();
        }
        return accounts.create(AccessMatrixTest.SYSTEM_ADMIN, new Accounts.NewUser(email, "Test user", role,
                role == Role.ADMIN ? null : tenant, seller, PASSWORD));
    }

    @Test
    void passwordsAreStoredWithTheDelegatingEncodersCurrentAlgorithm() {
        UserAccount u = newUser(Role.SHOPPER);
        String hash = jdbc.queryForObject("select password_hash from users where id = ?", String.class, u.id());
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @Test
    void eachRoleLandsOnItsOwnPageAndSignOutEndsTheSession() throws Exception {
        for (Role role : Role.values()) {
            UserAccount u = newUser(role);
            var session = (MockHttpSession) mvc.perform(formLogin().user(u.email()).password(PASSWORD))
                    .andExpect(authenticated().withUsername(u.email()))
                    .andExpect(redirectedUrl(SecurityConfiguration.home(role)))
                    .andReturn().getRequest().getSession(false);
            mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/"));
            mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneUntilTheLockRunsOut() throws Exception {
        UserAccount u = newUser(Role.SHOPPER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(u.email()).password("wrong password " + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user(u.email()).password(PASSWORD)).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ACCOUNT_LOCKED' and target = ?",
                Integer.class, "user:" + u.id())).isEqualTo(1);

        // The lock runs out (otodoke.account.lock-duration): the right password works and the count starts again.
        jdbc.update("update users set locked_until = now() - interval '1 second' where id = ?", u.id());
        mvc.perform(formLogin().user(u.email()).password(PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.queryForObject("select failed_sign_ins from users where id = ?", Integer.class, u.id())).isZero();
    }

    @Test
    void fewerWrongPasswordsThanTheLimitDoNotLock() throws Exception {
        UserAccount u = newUser(Role.OPERATOR);
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user(u.email()).password("nope nope nope")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user(u.email()).password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        UserAccount u = newUser(Role.SHOPPER);
        mvc.perform(post("/login").param("username", u.email()).param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        var session = (MockHttpSession) mvc.perform(formLogin().user(u.email()).password(PASSWORD))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/track/choice").param("number", "491234567890").param("carrier", "yamato"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRoleChangeEndsTheUsersSessions() throws Exception {
        UserAccount u = newUser(Role.SHOPPER);
        var session = (MockHttpSession) mvc.perform(formLogin().user(u.email()).password(PASSWORD))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/orders").session(session)).andExpect(status().isOk());
        accounts.changeRole(AccessMatrixTest.SYSTEM_ADMIN, u.id(), Role.DRIVER, null, null);
        mvc.perform(get("/orders").session(session)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ROLE_CHANGED' and target like ?",
                Integer.class, "user:" + u.id() + " %")).isEqualTo(1);
    }
}
