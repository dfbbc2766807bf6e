package io.otodoke.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.web.MapProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security headers on pages and API, over real HTTP through Tomcat (which reads a proxy's X-Forwarded-Proto). */
@OtodokeTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpHeaders headers(String path, String... extra) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < extra.length; i += 2) {
            builder.header(extra[i], extra[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).headers();
    }

    @Test
    void everyAnswerForbidsInlineScriptsAndFraming() throws Exception {
        for (String path : new String[] {"/", "/login", "/track?numbers=1", "/no-such-page", "/api/v1/carriers",
                "/api/v1/shipments"}) {
            HttpHeaders h = headers(path);
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void imagesOnlyFromThisServerAndTheMapTileServer() throws Exception {
        for (String path : new String[] {"/", "/api/v1/carriers"}) {
            assertThat(headers(path).firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; "
                            + "img-src 'self' data: https://tile.openstreetmap.org; object-src 'none'; base-uri 'self'; "
                            + "form-action 'self'; frame-ancestors 'none'");
        }
    }

    @Test
    void noExtraImageSourceWhenTheTilesAreOnThisServerOrNone() {
        for (String tiles : new String[] {"", "/tiles/{z}/{x}/{y}.png"}) {
            assertThat(SecurityConfiguration.contentSecurityPolicy(new MapProperties(tiles, null, null))).as(tiles)
                    .contains("; img-src 'self' data:; ");
        }
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverHttps() throws Exception {
        assertThat(headers("/").firstValue("Strict-Transport-Security")).isEmpty();
        // A reverse proxy on a private address that terminated TLS says so.
        assertThat(headers("/", "X-Forwarded-Proto", "https").firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void noTemplateHasInlineScriptsOrStylesThatTheCspWouldBlock() throws Exception {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\sstyle=\"|\\son[a-z]+=\"|<style", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(f -> {
                try {
                    assertThat(inline.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
