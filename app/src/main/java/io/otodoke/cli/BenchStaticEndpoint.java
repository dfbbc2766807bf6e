package io.otodoke.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookup benchmark's baseline: fixed JSON bytes of the size of a real lookup answer, served
 * through the same server stack. Exists only while a benchmark runs ({@code otodoke.bench.enabled}).
 */
@RestController
@ConditionalOnProperty("otodoke.bench.enabled")
class BenchStaticEndpoint {

    private volatile byte[] body = "{}".getBytes();

    void serve(byte[] body) {
        this.body = body.clone();
    }

    @GetMapping(value = "/bench/static", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> body() {
        return ResponseEntity.ok(body);
    }
}
