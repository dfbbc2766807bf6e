package io.otodoke.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Nothing secret or personal reaches the log: passwords, API keys, device tokens, share-link
 * tokens, e-mail addresses, names, addresses and phone numbers, also when requests fail.
 */
@OtodokeTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Credentials credentials;
    @Autowired
    ObjectMapper json;
    @Autowired
    WebApplicationContext context;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String body, String bearer, String contentType) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void secretsAndPersonalDataStayOutOfTheLog(CapturedOutput output) throws Exception {
        String email = "log-" + UUID.randomUUID() + "@example.jp";
        String password = "a password nobody logs";
        accounts.create(AccessMatrixTest.SYSTEM_ADMIN, new Accounts.NewUser(email, "秘密 次郎", Role.OPERATOR,
                Tenant.DEFAULT_ID, null, password));
        // wrong passwords, a lock-out, a right password
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (int i = 0; i < 6; i++) {
            mvc.perform(formLogin().user(email).password("wrong " + password));
        }
        mvc.perform(formLogin().user(email).password(password));
        String key = credentials.issueApiKey(AccessMatrixTest.SYSTEM_ADMIN, "log test", Role.OPERATOR, Tenant.DEFAULT_ID, null)
                .secret();
        HttpResponse<String> registered = call("POST", "/api/v1/shipments", """
                {"carrier":"yamato","trackingNumber":"%s","order":{"orderNumber":"LOG-%s","customerEmail":"%s",
                 "customerName":"秘密 花子"},
                 "recipient":{"name":"秘密 花子","postalCode":"150-0001","prefecture":"東京都","city":"渋谷区",
                              "addressLine":"神宮前9-9-9","phone":"090-1234-5678"}}
                """.formatted("8" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000L),
                UUID.randomUUID(), email), key, "application/json");
        assertThat(registered.statusCode()).isEqualTo(201);
        long id = json.readTree(registered.body()).get("id").asLong();
        call("GET", "/api/v1/shipments/" + id, null, key, "application/json");
        call("GET", "/api/v1/shipments/" + id, null, key + "-wrong", "application/json");
        call("POST", "/api/v1/users", "{\"email\":\"" + email + "\",\"displayName\":\"x\",\"role\":\"SHOPPER\","
                + "\"password\":\"" + password + "\"}", key, "application/json");
        HttpResponse<String> link = call("POST", "/api/v1/shipments/" + id + "/share-links", "{}", key, "application/json");
        String url = json.readTree(link.body()).get("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        call("GET", "/s/" + token, null, null, "text/html");
        call("POST", "/api/v1/events", "[{\"shipmentId\":" + id + ",\"status\":\"NOPE\"}]", key, "application/json");
        call("POST", "/api/v1/events", "{broken", key, "application/json");

        String log = output.getAll();
        assertThat(log).doesNotContain(password, key, token, email, "秘密", "神宮前", "090-1234-5678", "150-0001");
    }
}
