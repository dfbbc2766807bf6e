package io.otodoke.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the development vectors (issue 3): the candidate set must match exactly; invalid rows give none. */
class DevVectorsTest {

    static final TrackingNumberDetector DETECTOR = new TrackingNumberDetector(new CarrierDirectory());

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = DevVectorsTest.class.getResourceAsStream("/tracking-numbers/dev-vectors.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.getFirst()).startsWith("number\texpected_carrier_codes\tvalid\tsource");
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split("\t", -1);
                List<String> expected = f[1].equals("-") ? List.of() : Arrays.stream(f[1].split(",")).sorted().toList();
                return Arguments.of(f[0], expected, Boolean.parseBoolean(f[2]), f[3]);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("rows")
    void givesExactlyTheExpectedCandidateSet(String number, List<String> expected, boolean valid, String source) {
        TrackingNumberDetection d = DETECTOR.detect(number);
        assertThat(d.carriers().stream().sorted().toList()).as(source).isEqualTo(expected);
        assertThat(d.candidates().isEmpty()).as("valid column").isEqualTo(!valid);
    }

    @org.junit.jupiter.api.Test
    void theFileHasAllItsRows() throws IOException {
        assertThat(rows()).hasSize(180);
    }
}
