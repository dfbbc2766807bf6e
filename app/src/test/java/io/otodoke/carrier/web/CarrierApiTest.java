package io.otodoke.carrier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The carrier directory and detection API end to end: real HTTP, no API key (both are public). */
@OtodokeTest
class CarrierApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer call(String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.body().isEmpty() ? null : json.readTree(r.body()));
    }

    Answer detect(String body) throws Exception {
        return call("POST", "/api/v1/tracking-numbers/detect", body);
    }

    static List<String> codes(JsonNode result) {
        return result.get("candidates").valueStream().map(c -> c.get("carrier").asString()).toList();
    }

    @Test
    void theDirectoryListsEveryCarrierWithNamesLinksAndCapabilities() throws Exception {
        Answer r = call("GET", "/api/v1/carriers", null);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> carriers = r.body().get("carriers").valueStream().toList();
        assertThat(carriers).extracting(c -> c.get("code").asString()).contains("yamato", "japanpost", "sagawa",
                "amazon_jp", "dhl_express", "dhl_ecommerce", "sf_express", "4px", "dpd", "ups", "fedex", "usps",
                "upu_s10", "yanwen");
        JsonNode japanpost = carriers.stream().filter(c -> c.get("code").asString().equals("japanpost")).findFirst().orElseThrow();
        assertThat(japanpost.get("names").get("ja").asString()).isEqualTo("日本郵便");
        assertThat(japanpost.get("names").get("en").asString()).isEqualTo("Japan Post");
        assertThat(japanpost.get("trackingUrl").asString()).contains("reqCodeNo1={n}");
        assertThat(japanpost.get("customerService").asString()).isEqualTo("0120-23-28-86");
        assertThat(japanpost.get("redeliveryUrl").asString()).isEqualTo("https://trackings.post.japanpost.jp/delivery/deli/");
        assertThat(japanpost.get("capabilities").get("liveMap").asBoolean()).isFalse();
        assertThat(japanpost.get("capabilities").has("redeliveryApi")).isTrue();
    }

    @Test
    void detectsAnArrayOfNumbersOneResultPerInputInOrder() throws Exception {
        Answer r = detect("[\"4444-1375-8703\", \"1Z5R89390357567127\", \"444413758704\", \"\", \"😀\", \"'; DROP TABLE x; --\"]");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> results = r.body().get("results").valueStream().toList();
        assertThat(results).hasSize(6);
        assertThat(results.get(0).get("input").asString()).isEqualTo("4444-1375-8703");
        assertThat(results.get(0).get("normalized").asString()).isEqualTo("444413758703");
        assertThat(codes(results.get(0))).containsExactly("yamato", "sagawa", "japanpost");
        JsonNode yamato = results.get(0).get("candidates").get(0);
        assertThat(yamato.get("rule").asString()).isEqualTo("JP12");
        assertThat(yamato.get("checkDigitResult").asString()).isEqualTo("VALID");
        assertThat(yamato.get("trackingUrl").asString()).endsWith("pno=444413758703");
        assertThat(codes(results.get(1))).containsExactly("ups");
        assertThat(results.get(2).get("failedChecks").valueStream().map(JsonNode::asString).toList()).contains("JP12");
        for (int i = 2; i < 6; i++) {
            assertThat(results.get(i).get("candidates")).isEmpty();
        }
    }

    @Test
    void hintsOrderTheCandidatesAndNeverDropOne() throws Exception {
        Answer r = detect("""
                {"numbers": ["600079555353"],
                 "hints": {"carrier": "fedex", "senderDomain": "sagawa-exp.co.jp", "usualCarriers": ["japanpost"]}}""");
        assertThat(r.status()).isEqualTo(200);
        assertThat(codes(r.body().get("results").get(0))).containsExactly("fedex", "sagawa", "japanpost", "yamato");
    }

    @Test
    void aTenKilobyteNumberGivesNoCandidates() throws Exception {
        Answer r = detect("[\"" + "1".repeat(10 * 1024) + "\", \"\\u0000\\u0007\"]");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("results").get(0).get("candidates")).isEmpty();
        assertThat(r.body().get("results").get(1).get("candidates")).isEmpty();
    }

    @Test
    void aThousandNumbersAreFineMoreAreRefused() throws Exception {
        String thousand = json.writeValueAsString(Collections.nCopies(1_000, "EF719215461JP"));
        Answer ok = detect(thousand);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("results")).hasSize(1_000);

        Answer tooMany = detect(json.writeValueAsString(Collections.nCopies(1_001, "EF719215461JP")));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.body().get("type").asString()).isEqualTo("urn:otodoke:problem:batch-too-large");
    }

    @Test
    void malformedBodiesGetProblemsNeverA500() throws Exception {
        for (String body : List.of("[\"4444", "{\"numbers\": 5}", "[444413758703]", "\"just a string\"", "{}")) {
            Answer r = detect(body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
            assertThat(r.body().get("type").asString()).as(body).isEqualTo("urn:otodoke:problem:malformed-json");
        }
    }

    @Test
    void barcodeScansTakeTheScanPath() throws Exception {
        String number = io.otodoke.carrier.ScanDetectionTest.sevenDr("43210987654");
        Answer r = detect("{\"numbers\": [\"A" + number + "A\"], \"scan\": true, \"symbology\": \"CODABAR\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.body().get("results").get(0);
        assertThat(result.get("detection").get("candidates")).hasSize(3);
        assertThat(detect("{\"numbers\": [\"1\"], \"scan\": true, \"symbology\": \"SMOKE\"}").status()).isEqualTo(400);
    }
}
