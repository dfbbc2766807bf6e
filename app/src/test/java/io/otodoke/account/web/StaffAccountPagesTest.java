package io.otodoke.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Accounts;
import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Tenant;
import io.otodoke.account.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The account and administration pages in demo mode (same context as ShopperPagesTest): where
 * each role lands, issuing and revoking credentials on /account, and role changes on /admin.
 */
@SpringBootTest(properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=true",
        "otodoke.demo.speed=60"})
class StaffAccountPagesTest {

    static final String SHOPPER = "hanako@example.jp", OPERATOR = "shop@example.jp", SELLER = "seller@example.jp",
            DRIVER = "driver@example.jp", ADMIN = "admin@example.jp";
    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditLog audit;
    @Autowired
    Accounts accounts;
    @Autowired
    Tenants tenants;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    MockHttpSession signIn(String email, String home) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(email).password("otodoke-demo"))
                .andExpect(authenticated().withUsername(email)).andExpect(redirectedUrl(home))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void eachRoleLandsOnAUsefulPageWithItsMenu() throws Exception {
        String shopper = page(get("/orders").session(signIn(SHOPPER, "/orders")));
        assertThat(shopper).contains(">ご注文履歴<", ">アカウント<").doesNotContain(">出荷一覧<", ">管理<");
        String operator = page(get("/shipments").session(signIn(OPERATOR, "/shipments")));
        assertThat(operator).contains(">出荷一覧<", ">アカウント<").doesNotContain(">ご注文履歴<", ">管理<");
        assertThat(page(get("/shipments").session(signIn(SELLER, "/shipments")))).contains(">出荷一覧<");
        MockHttpSession driver = signIn(DRIVER, "/driver");
        assertThat(page(get("/driver").session(driver))).contains(">今日のルート<", ">アカウント<").doesNotContain(">出荷一覧<");
        assertThat(page(get("/account").session(driver))).contains("佐藤 一郎", "ドライバー", "この端末を登録", ">アカウント<")
                .doesNotContain(">出荷一覧<", "API キーを発行");
        MockHttpSession admin = signIn(ADMIN, "/admin");
        assertThat(page(get("/admin").session(admin))).contains(">出荷一覧<", ">管理<", ">アカウント<", "ユーザー",
                "ショップと出品者", "監査ログ", "yamada-en", SHOPPER, DRIVER);
        assertThat(page(get("/admin").param("lang", "en").session(admin))).contains("Administration", "Shops and sellers");
    }

    @Test
    void aShopperSeesOnlyWhoSheIs() throws Exception {
        String account = page(get("/account").session(signIn(SHOPPER, "/orders")));
        assertThat(account).contains("山田 花子", SHOPPER, "購入者")
                .doesNotContain("API キーを発行", "この端末を登録", "API キーと端末トークン");
    }

    @Test
    void theAdministrationPageIsForAdministratorsOnly() throws Exception {
        for (String[] user : new String[][] {{SHOPPER, "/orders"}, {OPERATOR, "/shipments"}, {SELLER, "/shipments"},
                {DRIVER, "/driver"}}) {
            MockHttpSession session = signIn(user[0], user[1]);
            mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/1/role").param("role", "ADMIN").with(csrf()).session(session))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anIssuedApiKeyIsShownOnceWorksAsABearerAndStopsWhenRevoked() throws Exception {
        MockHttpSession operator = signIn(OPERATOR, "/shipments");
        String account = page(get("/account").session(operator));
        assertThat(account).contains("おとどけ商店 店長", "ショップ運営者", "API キーを発行", "name=\"sellerId\"", "山田園");

        var issued = mvc.perform(post("/account/api-keys").param("name", "店舗システム").param("role", "OPERATOR")
                        .param("sellerId", "").with(csrf()).session(operator))
                .andExpect(redirectedUrl("/account")).andReturn().getFlashMap().get("issued");
        String secret = ((AccountPage.Issued) issued).secret();
        assertThat(secret).startsWith("otd_");

        String once = page(get("/account").session(operator));
        assertThat(once).contains("API キー「店舗システム」を発行しました", ">" + secret + "</textarea>",
                "readonly", "二度と表示されません");
        String again = page(get("/account").session(operator));
        assertThat(again).doesNotContain(secret).contains("店舗システム", "まだ使われていません");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("OPERATOR"))
                .andExpect(jsonPath("$.tenantId").value(Tenant.DEFAULT_ID));
        assertThat(page(get("/account").session(operator))).doesNotContain("まだ使われていません");

        long id = ((AccountPage.Issued) issued).id();
        mvc.perform(post("/account/credentials/" + id + "/revoke").with(csrf()).session(operator))
                .andExpect(redirectedUrl("/account"));
        assertThat(page(get("/account").session(operator))).contains("「店舗システム」を無効にしました。", "無効にした日時");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        assertThat(audit.recent(20, "API_KEY_REVOKED")).anyMatch(e -> e.target().equals("api-key:" + id));
    }

    @Test
    void aSellerIssuesSellerKeysAndADriverRegistersItsDevice() throws Exception {
        MockHttpSession seller = signIn(SELLER, "/shipments");
        assertThat(page(get("/account").session(seller))).contains("山田園 (デモ)", "<input type=\"hidden\" name=\"role\" value=\"SELLER\">");
        var sellerKey = (AccountPage.Issued) mvc.perform(post("/account/api-keys").param("name", "出品者システム")
                        .param("role", "SELLER").with(csrf()).session(seller)).andReturn().getFlashMap().get("issued");
        assertThat(page(get("/account").session(seller))).contains(sellerKey.secret(), "出品者システム");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + sellerKey.secret()))
                .andExpect(jsonPath("$.role").value("SELLER"));
        mvc.perform(post("/account/api-keys").param("name", "ずる").param("role", "OPERATOR").with(csrf()).session(seller))
                .andExpect(redirectedUrl("/account"));
        assertThat(page(get("/account").session(seller))).contains("実行できませんでした", "You may not issue this credential.");

        MockHttpSession driver = signIn(DRIVER, "/driver");
        var token = (AccountPage.Issued) mvc.perform(post("/account/device-tokens").param("name", "配達用スマホ")
                .with(csrf()).session(driver)).andReturn().getFlashMap().get("issued");
        assertThat(token.secret()).startsWith("otdd_");
        assertThat(page(get("/account").session(driver))).contains("端末「配達用スマホ」を登録しました", token.secret());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(jsonPath("$.role").value("DRIVER"));
        mvc.perform(post("/account/api-keys").param("name", "x").param("role", "OPERATOR").with(csrf()).session(driver))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void anAdministratorChangesARoleAndTheAuditLogSaysSo() throws Exception {
        String email = "temp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long user = accounts.create(SYSTEM_ADMIN, new Accounts.NewUser(email, "臨時 スタッフ", Role.SHOPPER, Tenant.DEFAULT_ID,
                null, "a-long-password-1")).id();
        long seller = tenants.seller(Tenant.DEFAULT_ID, "yamada-en").orElseThrow().id();
        MockHttpSession admin = signIn(ADMIN, "/admin");
        assertThat(page(get("/admin").session(admin))).contains(email, "action=\"/admin/users/" + user + "/role\"");

        mvc.perform(post("/admin/users/" + user + "/role").param("role", "SELLER").param("tenantId", "" + Tenant.DEFAULT_ID)
                .param("sellerId", "" + seller).with(csrf()).session(admin)).andExpect(redirectedUrl("/admin#users"));
        assertThat(accounts.user(SYSTEM_ADMIN, user).orElseThrow().role()).isEqualTo(Role.SELLER);
        assertThat(page(get("/admin").session(admin))).contains(email + " の役割を変更しました。");
        String log = page(get("/admin").param("action", "ROLE_CHANGED").session(admin));
        assertThat(log).contains("user:" + user + " SHOPPER → SELLER", "<option value=\"ROLE_CHANGED\" selected=\"selected\">")
                .doesNotContain(">ADDRESS_VIEWED</code>");
        mvc.perform(formLogin().user(email).password("a-long-password-1")).andExpect(redirectedUrl("/shipments"));

        mvc.perform(post("/admin/users/" + user + "/role").param("role", "SELLER").param("sellerId", "")
                .with(csrf()).session(admin)).andExpect(redirectedUrl("/admin#users"));
        assertThat(page(get("/admin").session(admin))).contains("実行できませんでした", "a SELLER names a seller of its tenant");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        MockHttpSession operator = signIn(OPERATOR, "/shipments");
        mvc.perform(post("/account/api-keys").param("name", "x").param("role", "OPERATOR").session(operator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/credentials/1/revoke").session(operator)).andExpect(status().isForbidden());
        MockHttpSession driver = signIn(DRIVER, "/driver");
        mvc.perform(post("/account/device-tokens").param("name", "x").session(driver)).andExpect(status().isForbidden());
        MockHttpSession admin = signIn(ADMIN, "/admin");
        mvc.perform(post("/admin/users/1/role").param("role", "ADMIN").session(admin)).andExpect(status().isForbidden());
    }
}
