package io.otodoke.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.otodoke.OtodokeTest;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The authorisation matrix of the pages: every page × every role signed in with a session (and
 * nobody) × own and other tenant and seller, each cell asserted. Tenant A is a marketplace with
 * sellers S1 and S2; tenant B another shop.
 */
@OtodokeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessMatrixTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tenants tenants;
    @Autowired
    Accounts accounts;
    @Autowired
    Credentials credentials;
    @Autowired
    ObjectMapper json;

    MockMvc mvc;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Sessions in the order of the matrix's columns; ANON has none. */
    final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    final Map<String, Object> ids = new HashMap<>();

    @BeforeAll
    void twoTenantsAndOneSignedInUserPerRole() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Caller admin = AccessMatrixTest.SYSTEM_ADMIN;
        Shop a = tenants.create(admin, "pa-" + run, "Shop A", true);
        Shop b = tenants.create(admin, "pb-" + run, "Shop B", false);
        Seller s1 = tenants.createSeller(admin, a.id(), "s1", "Seller 1");
        tenants.createSeller(admin, a.id(), "s2", "Seller 2");
        String opA = credentials.issueApiKey(admin, "op a", Role.OPERATOR, a.id(), null).secret();
        String opB = credentials.issueApiKey(admin, "op b", Role.OPERATOR, b.id(), null).secret();
        String shopperEmail = "shopper-" + run + "@example.jp";

        JsonNode shA = register(opA, "s1", shopperEmail);
        JsonNode shA2 = register(opA, "s2", "someone-else@example.jp");
        JsonNode shB = register(opB, null, shopperEmail); // the same address, but in another shop
        ids.put("shA", shA.get("id").asLong());
        ids.put("oA", shA.get("orderId").asLong());
        ids.put("shA2", shA2.get("id").asLong());
        ids.put("oA2", shA2.get("orderId").asLong());
        ids.put("shB", shB.get("id").asLong());
        ids.put("oB", shB.get("orderId").asLong());
        var token = mvc.perform(post("/api/v1/shipments/" + ids.get("shB") + "/share-links")
                .header("Authorization", "Bearer " + opB).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getContentAsString();
        String url = json.readTree(token).get("url").asString();
        ids.put("linkB", url.substring(url.lastIndexOf('/') + 1));

        sessions.put("ANON", null);
        sessions.put("SHOPPER_A", signIn(shopperEmail, Role.SHOPPER, a.id(), null));
        sessions.put("OP_A", signIn("op-" + run + "@example.jp", Role.OPERATOR, a.id(), null));
        sessions.put("SELLER_S1", signIn("seller-" + run + "@example.jp", Role.SELLER, a.id(), s1.id()));
        sessions.put("DRIVER_A", signIn("driver-" + run + "@example.jp", Role.DRIVER, a.id(), null));
        sessions.put("ADMIN", signIn("admin-" + run + "@example.jp", Role.ADMIN, null, null));
    }

    /** Expected status per caller: ANON (302: to the sign-in page), SHOPPER_A, OP_A, SELLER_S1, DRIVER_A, ADMIN. */
    static final String MATRIX = """
            /                    | 200 200 200 200 200 200
            /track?numbers=1     | 200 200 200 200 200 200
            /check               | 200 200 200 200 200 200
            /s/{linkB}           | 200 200 200 200 200 200
            /orders              | 302 200 403 403 403 403
            /orders/{oA}         | 302 200 403 403 403 403
            /orders/{oA2}        | 302 404 403 403 403 403
            /orders/{oB}         | 302 404 403 403 403 403
            /shipments           | 302 403 200 200 403 200
            /shipments/{shA}     | 302 403 200 200 403 200
            /shipments/{shA2}    | 302 403 200 404 403 200
            /shipments/{shB}     | 302 403 404 404 403 200
            /shipments/{shA}/inquiry  | 302 403 200 200 403 200
            /shipments/{shA2}/inquiry | 302 403 200 404 403 200
            /shipments/{shB}/inquiry  | 302 403 404 404 403 200
            /orders/{oA}/shipments/{shA}/inquiry | 302 200 403 403 403 403
            /orders/{oA2}/shipments/{shA2}/inquiry | 302 404 403 403 403 403
            /orders/{oB}/shipments/{shB}/inquiry | 302 404 403 403 403 403
            /orders/{oA}/shipments/{shA}/delivery | 302 200 403 403 403 403
            /orders/{oA2}/shipments/{shA2}/delivery | 302 404 403 403 403 403
            /orders/{oB}/shipments/{shB}/delivery | 302 404 403 403 403 403
            /orders/{oA}/shipments/{shA2}/delivery | 302 404 403 403 403 403
            /orders/{oA}/returns | 302 200 403 403 403 403
            /orders/{oA2}/returns | 302 404 403 403 403 403
            /orders/{oB}/returns | 302 404 403 403 403 403
            /insights            | 302 403 200 403 403 200
            /insights?days=x     | 302 403 200 403 403 200
            /claims              | 302 403 200 200 403 200
            /claims?state=UNDER_REVIEW | 302 403 200 200 403 200
            /returns             | 302 403 200 200 403 200
            /returns?state=REQUESTED | 302 403 200 200 403 200
            /returns/x           | 302 403 404 404 403 404
            /orders/{oA}/shipments/{shA}/claim | 302 200 403 403 403 403
            /orders/{oA2}/shipments/{shA2}/claim | 302 404 403 403 403 403
            /orders/{oB}/shipments/{shB}/claim | 302 404 403 403 403 403
            /s/{linkB}/inquiry   | 200 200 200 200 200 200
            /attention           | 302 403 200 200 403 200
            /account             | 302 200 200 200 200 200
            /account/notifications | 302 200 200 200 200 200
            /orders/{oA}/notifications | 302 200 403 403 403 403
            /orders/{oA2}/notifications | 302 404 403 403 403 403
            /orders/{oB}/notifications | 302 404 403 403 403 403
            /unsubscribe/1.x     | 404 404 404 404 404 404
            /sw.js               | 200 200 200 200 200 200
            /admin               | 302 403 403 403 403 200
            /connectors          | 302 403 200 403 403 200
            /dispatch            | 302 403 200 403 403 200
            /dispatch/data       | 302 403 200 403 403 200
            /dispatch/plan       | 302 403 200 403 403 200
            /driver              | 302 403 403 403 200 403
            /seller/orders       | 302 403 403 200 403 403
            /sellers/late        | 302 403 200 403 403 403
            /actuator/env        | 302 403 403 403 403 404
            """;

    @Test
    void everyCellOfTheMatrixHolds() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> callers = List.copyOf(sessions.keySet());
        for (String line : MATRIX.strip().split("\n")) {
            String path = fill(line.split("\\|")[0].trim());
            String[] expected = line.split("\\|")[1].trim().split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                var request = get(path);
                if (sessions.get(callers.get(i)) != null) {
                    request.session(sessions.get(callers.get(i)));
                }
                var response = mvc.perform(request).andReturn().getResponse();
                if (response.getStatus() != Integer.parseInt(expected[i])) {
                    failures.add(path + " as " + callers.get(i) + ": expected " + expected[i] + ", got " + response.getStatus());
                }
                if (response.getStatus() == 302) {
                    assertThat(response.getRedirectedUrl()).as(path).endsWith("/login");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * A browser's push subscription, posted as JSON by js/push.js: for an order only by its shopper,
     * with the session's CSRF token (without it: 403); for a share link by anyone holding the token,
     * without a session or CSRF token. Columns as in {@link #MATRIX}; "csrf" sends the token.
     */
    static final String PUSH_MATRIX = """
            POST /orders/{oA}/push-subscriptions csrf  | 302 201 403 403 403 403
            POST /orders/{oA}/push-subscriptions       | 403 403 403 403 403 403
            POST /orders/{oA2}/push-subscriptions csrf | 302 404 403 403 403 403
            POST /orders/{oB}/push-subscriptions csrf  | 302 404 403 403 403 403
            POST /s/{linkB}/push-subscriptions         | 201 201 201 201 201 201
            POST /s/x{linkB}/push-subscriptions        | 404 404 404 404 404 404
            DELETE /s/{linkB}/push-subscriptions       | 204 204 204 204 204 204
            """;

    @Test
    void pushSubscriptionsAreTheShoppersOwnOrTheShareLinkHolders() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPoint w = ((ECPublicKey) g.generateKeyPair().getPublic()).getW();
        byte[] point = new byte[65];
        point[0] = 4;
        byte[] x = w.getAffineX().toByteArray(), y = w.getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String subscription = """
                {"endpoint":"https://fcm.googleapis.com/fcm/send/matrix-%s","keys":{"p256dh":"%s","auth":"%s"}}"""
                .formatted(run, b64.encodeToString(point), b64.encodeToString(new byte[16]));
        List<String> failures = new ArrayList<>();
        List<String> callers = List.copyOf(sessions.keySet());
        for (String line : PUSH_MATRIX.strip().split("\n")) {
            String[] request = line.split("\\|")[0].trim().split("\\s+");
            String[] expected = line.split("\\|")[1].trim().split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                var call = request(org.springframework.http.HttpMethod.valueOf(request[0]), fill(request[1]))
                        .contentType(MediaType.APPLICATION_JSON).content(subscription);
                if (request.length > 2) {
                    call.with(csrf());
                }
                if (sessions.get(callers.get(i)) != null) {
                    call.session(sessions.get(callers.get(i)));
                }
                int status = mvc.perform(call).andReturn().getResponse().getStatus();
                if (status != Integer.parseInt(expected[i])) {
                    failures.add(line.split("\\|")[0].trim() + " as " + callers.get(i) + ": expected " + expected[i]
                            + ", got " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void nobodyButAnAdministratorSeesAnotherTenantsName() throws Exception {
        for (String caller : List.of("SHOPPER_A", "OP_A", "SELLER_S1", "DRIVER_A")) {
            var response = mvc.perform(get("/account").session(sessions.get(caller))).andReturn().getResponse();
            response.setCharacterEncoding("UTF-8");
            assertThat(response.getContentAsString()).as(caller).doesNotContain("Shop B", "pb-" + run);
        }
        var admin = mvc.perform(get("/account").session(sessions.get("ADMIN"))).andReturn().getResponse();
        admin.setCharacterEncoding("UTF-8");
        assertThat(admin.getContentAsString()).contains("Shop B");
    }

    private MockHttpSession signIn(String email, Role role, Long tenant, Long seller) throws Exception {
        accounts.create(AccessMatrixTest.SYSTEM_ADMIN, new Accounts.NewUser(email, role + " " + run, role, tenant, seller,
                PASSWORD));
        return (MockHttpSession) mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    private JsonNode register(String key, String seller, String customer) throws Exception {
        String number = "6" + String.format("%011d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000L));
        String body = """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"P-%s","customerEmail":"%s"%s},
                 "recipient":{"name":"受取 太郎","prefecture":"東京都","city":"千代田区","addressLine":"千代田1-1"}}
                """.formatted(number, UUID.randomUUID(), customer, seller == null ? "" : ",\"seller\":\"" + seller + "\"");
        var response = mvc.perform(post("/api/v1/shipments").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    private String fill(String path) {
        String out = path;
        for (var e : ids.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }
}
