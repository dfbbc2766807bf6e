package io.otodoke.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An installation without webhook secrets has no webhooks: unsigned data is never accepted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.demo.enabled=false"})
class WebhookNotConfiguredTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everySourceWithoutASecretIsNotFound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String source : new String[] {"seventeentrack", "aftership", "generic", "epcis", "csv"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/webhooks/" + source))
                    .header("Content-Type", "application/json").header("Otodoke-Signature", "t=1,v1=00")
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(source).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("urn:otodoke:problem:webhook-not-configured");
        }
        assertThat(jdbc.sql("select count(*) from webhook_inbox").query(Long.class).single()).isZero();
    }
}
