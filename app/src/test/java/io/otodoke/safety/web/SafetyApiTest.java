package io.otodoke.safety.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/safety/check} over real HTTP: public, JSON in and out, problem+json for bad input, never a 500. */
@OtodokeTest
class SafetyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/safety/check"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMessageGetsAVerdictWithExplainedReasonsInBothLanguages() throws Exception {
        HttpResponse<String> r = post("""
                {"text":"佐川急便：お荷物をお届けにあがりましたが不在のため持ち帰りました https://sagawa-redelivery.example.top/a",
                 "channel":"sms","sender":"+81 80 0000 0000"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("verdict").asString()).isEqualTo("PHISHING");
        assertThat(body.get("brand").asString()).isEqualTo("sagawa");
        assertThat(body.get("brandName").get("ja").asString()).isEqualTo("佐川急便");
        JsonNode first = body.get("reasons").get(0);
        assertThat(first.get("severity").asString()).isEqualTo("HIGH");
        assertThat(first.get("explanation").get("ja").asString()).isNotBlank();
        assertThat(first.get("explanation").get("en").asString()).isNotBlank();
        assertThat(body.get("links").get(0).get("shown").asString()).isEqualTo("hxxps://sagawa-redelivery[.]example[.]top/a");
        assertThat(r.body()).doesNotContain("https://sagawa-redelivery.example.top");
        assertThat(body.get("officialLinks").get(0).get("url").asString()).startsWith("https://k2k.sagawa-exp.co.jp/");
        assertThat(body.get("advice").get("en").asString()).contains("Do not open the link");
    }

    @Test
    void bareUrlsAreChecked() throws Exception {
        JsonNode body = json.readTree(post("{\"urls\":[\"https://www.amazon.co.jp/gp/css/order-history\",\"https://bit.ly/x\"]}").body());
        assertThat(body.get("verdict").asString()).isEqualTo("SUSPICIOUS");
        assertThat(body.get("links")).hasSize(2);
        assertThat(body.get("links").get(0).get("official").asBoolean()).isTrue();
    }

    @Test
    void badInputIsAProblemThatSaysWhat() throws Exception {
        String[][] cases = {
                {"{\"text\":\"x\",\"channel\":\"fax\"}", "urn:otodoke:problem:invalid-channel"},
                {"{\"channel\":\"sms\"}", "urn:otodoke:problem:invalid-text"},
                {"[\"https://example.com\"]", "urn:otodoke:problem:malformed-json"},
                {"{\"text\":42}", "urn:otodoke:problem:invalid-text"},
                {"{\"urls\":\"https://example.com\"}", "urn:otodoke:problem:invalid-urls"},
                {"{\"urls\":[1]}", "urn:otodoke:problem:invalid-urls"},
                {"{\"text\":\"" + "あ".repeat(20_001) + "\"}", "urn:otodoke:problem:invalid-text"},
                {"{not json", "urn:otodoke:problem:malformed-json"},
                {"null", "urn:otodoke:problem:malformed-json"}};
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(r.body()).get("type").asString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void nastyTextNeverFails() throws Exception {
        for (String text : new String[] {"\\u0000\\u202e https://[::1", "https://", "http://%%%%/", "xn--.xn--", "ｈｔｔｐ：／／",
                "https://a..b/", "https://-x-.com/", "https://" + "a".repeat(300) + ".com/", "😀📦 https://😀.jp/"}) {
            HttpResponse<String> r = post("{\"text\":\"" + text + "\",\"channel\":\"email\"}");
            assertThat(r.statusCode()).as(text + " " + r.body()).isEqualTo(200);
        }
    }
}
