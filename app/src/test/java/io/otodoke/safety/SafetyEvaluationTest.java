package io.otodoke.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The targets of issue 9 on the development data (../shared/data/phishing, or the folder named by
 * {@code otodoke.safety.eval-data}): URL recall ≥ 99 %, message recall ≥ 95 %, and not one false
 * positive on an official URL or a genuine message. The data has no licence, so it is read where it
 * lies and never copied here; without it this test is skipped.
 */
class SafetyEvaluationTest {

    @Test
    void meetsTheTargetsOnTheDevelopmentData() throws Exception {
        Optional<Path> dir = SafetyEvaluation.locate(Path.of(""));
        assumeTrue(dir.isPresent(), "no phishing development data (shared/data/phishing) above " + Path.of("").toAbsolutePath());
        SafetyEvaluation.Report report = SafetyEvaluation.run(SafetyCheck.standalone(), dir.get(), n -> { });
        assertThat(report.phishingUrls().total()).isPositive();
        assertThat(report.phishingUrls().flaggedShare()).as("URL recall; misses: %s", report.phishingUrls().unexpected())
                .isGreaterThanOrEqualTo(0.99);
        assertThat(report.phishingMessages().total()).isPositive();
        assertThat(report.phishingMessages().flaggedShare()).as("message recall; misses: %s", report.phishingMessages().unexpected())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(report.officialUrls().total()).isPositive();
        assertThat(report.officialUrls().unexpected()).as("official URLs flagged").isEmpty();
        assertThat(report.genuineMessages().total()).isPositive();
        assertThat(report.genuineMessages().unexpected()).as("genuine messages flagged").isEmpty();
    }
}
