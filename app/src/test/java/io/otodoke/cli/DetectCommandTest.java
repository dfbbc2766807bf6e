package io.otodoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./otodoke detect}: one line per input, pure and fast (no Spring, no database). */
class DetectCommandTest {

    @Test
    void printsEachInputAsGivenATabAndTheSortedCodes() {
        Run r = CliTest.run("detect", "4444-1375-8703", "600079555353", "1z5r 8939 0357 5671 27", "444413758704");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                4444-1375-8703\tjapanpost,sagawa,yamato
                600079555353\tfedex,japanpost,sagawa,yamato
                1z5r 8939 0357 5671 27\tups
                444413758704\t-
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void readsOneNumberPerLineFromStandardInputWhenNoArgumentIsGiven() {
        Run r = CliTest.runWithInput("１２３４－５６７８－９０１３\r\n\nEF719215461JP\n131-12-38385-2", "detect");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("１２３４－５６７８－９０１３\tjapanpost,sagawa,yamato", "\t-",
                "EF719215461JP\tupu_s10", "131-12-38385-2\tdhl_express,japanpost");
    }

    @Test
    void nastyInputGivesADashNeverAnError() {
        String tenKb = "x".repeat(10 * 1024);
        Run r = CliTest.runWithInput("😀📦\n'; DROP TABLE shipments; --\n\u0001\u0007\u001b[31m\n" + tenKb + "\n", "detect");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsExactly("😀📦\t-", "'; DROP TABLE shipments; --\t-",
                "\u0001\u0007\u001b[31m\t-", tenKb + "\t-");
        assertThat(CliTest.run("detect", "").out()).isEqualTo("\t-\n");
    }

    @Test
    void jsonGivesTheDetailsPerCandidate() throws Exception {
        Run r = CliTest.run("detect", "--json", "--carrier=japanpost", "4444-1375-8703", "TW?");
        assertThat(r.exit()).isZero();
        var mapper = JsonMapper.builder().build();
        JsonNode first = mapper.readTree(r.out().lines().toList().get(0));
        assertThat(first.get("input").asString()).isEqualTo("4444-1375-8703");
        assertThat(first.get("normalized").asString()).isEqualTo("444413758703");
        JsonNode candidate = first.get("candidates").get(0);
        assertThat(candidate.get("carrier").asString()).isEqualTo("japanpost");
        assertThat(candidate.get("rule").asString()).isEqualTo("JP12");
        assertThat(candidate.get("checkDigitResult").asString()).isEqualTo("VALID");
        assertThat(candidate.get("trackingUrl").asString()).endsWith("reqCodeNo1=444413758703");
        assertThat(first.get("candidates")).hasSize(3);
        assertThat(mapper.readTree(r.out().lines().toList().get(1)).get("candidates")).isEmpty();
    }

    @Test
    void helpExplainsTheOutput() {
        Run help = CliTest.run("detect", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Reads one number per line from standard input", "--json");
    }

    @Test
    void scansDropCodabarStartAndStopCharactersButTypedInputDoesNot() {
        String number = io.otodoke.carrier.ScanDetectionTest.sevenDr("43210987654");
        var scanned = CliTest.run("detect", "--scan", "--symbology=CODABAR", "A" + number + "A");
        assertThat(scanned.out()).isEqualTo("A" + number + "A\tjapanpost,sagawa,yamato\n");
        var typed = CliTest.run("detect", "A" + number + "A");
        assertThat(typed.out()).isEqualTo("A" + number + "A\t-\n");
    }
}
