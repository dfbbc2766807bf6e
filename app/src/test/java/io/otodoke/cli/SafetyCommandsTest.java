package io.otodoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.cli.CliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-url}, {@code check-message --batch} and {@code eval-safety}: no Spring, no database, nothing fetched. */
class SafetyCommandsTest {

    @TempDir
    Path dir;

    @Test
    void checkUrlPrintsOneVerdictPerLineInOrder() {
        Run r = CliTest.runWithInput("""
                https://www.amazon.co.jp/gp/css/order-history
                http://203.0.113.7/x.php

                https://amazon.co.jp.account-check.example.com/signin
                ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／
                """, "check-url");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "NO_KNOWN_SIGNALS\thttps://www.amazon.co.jp/gp/css/order-history",
                "SUSPICIOUS\thttp://203.0.113.7/x.php",
                "PHISHING\thttps://amazon.co.jp.account-check.example.com/signin",
                "SUSPICIOUS\tｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／");
    }

    @Test
    void aLineWithoutAUrlIsInvalidAndFailsTheRun() {
        Run r = CliTest.runWithInput("https://bit.ly/x\nnot a url\n", "check-url", "--reasons");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("SUSPICIOUS\thttps://bit.ly/x\tURL_SHORTENER,CHEAP_TLD,LINK_NOT_ON_AN_OFFICIAL_DOMAIN", "INVALID\tnot a url");
        assertThat(r.err()).contains("line 2: no URL");
    }

    @Test
    void checkMessageBatchReadsTheNamedColumnsAndLineBreaks() throws Exception {
        Path tsv = dir.resolve("messages.tsv");
        Files.writeString(tsv, """
                id\ttext\tchannel\tsender\tnote
                1\t佐川急便です。\\nお荷物をお届けにあがりましたが不在のため持ち帰りました\tsms\t\tx
                2\tご注文の商品を発送しました。\temail\tshop@example.com\ty
                3\tヤマト運輸\\nお荷物お届けのお知らせ\temail\tヤマト運輸 <info@notice.example.com>\tz
                """, StandardCharsets.UTF_8);
        Run r = CliTest.run("check-message", "--batch", tsv.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "PHISHING\tCARRIER_SENDS_NO_SMS,ABSENCE_LURE",
                "NO_KNOWN_SIGNALS\t-",
                "SUSPICIOUS\tSENDER_DOMAIN_NOT_OFFICIAL");
    }

    @Test
    void badBatchesGiveAReadableMessageAndANonZeroExit() throws Exception {
        Path noColumns = dir.resolve("bad.tsv");
        Files.writeString(noColumns, "a\tb\n1\t2\n");
        Run r = CliTest.run("check-message", "--batch", noColumns.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("lacks the column(s) [channel, sender, text]");
        assertThat(CliTest.run("check-message", "--batch", dir.resolve("missing.tsv").toString()).err()).contains("no such file");
        Path badChannel = dir.resolve("channel.tsv");
        Files.writeString(badChannel, "channel\tsender\ttext\nfax\t\thello\nsms\t\thello\n");
        Run rows = CliTest.run("check-message", "--batch", badChannel.toString());
        assertThat(rows.exit()).isEqualTo(1);
        assertThat(rows.out().lines()).containsExactly("ERROR\tline 2: channel must be 'sms' or 'email', not 'fax'",
                "NO_KNOWN_SIGNALS\t-");
    }

    @Test
    void evalSafetyReportsOnADataFolderInTheDevelopmentLayout() throws Exception {
        Files.writeString(dir.resolve("dev-urls.tsv"), "url\tbrand\tdate\tsource\nhttps://yamato-notice.example.com/\tヤマト運輸\t\t\n");
        Files.writeString(dir.resolve("dev-legit-urls.tsv"), "url\tbrand\nhttps://www.kuronekoyamato.co.jp/\tYamato\n");
        Files.writeString(dir.resolve("dev-messages.tsv"), "label\tchannel\tsender\ttext\tsource\n"
                + "phish\tsms\t\t日本郵便：不在のため持ち帰りました\tx\nlegit\temail\t\tご注文の商品を発送しました\tx\n");
        Run r = CliTest.run("eval-safety", "--data", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("Phishing URLs flagged \\(recall\\)\\s+1 /\\s+1\\s+100\\.00 %")
                .containsPattern("Phishing messages flagged \\(recall\\)\\s+1 /\\s+1\\s+100\\.00 %")
                .containsPattern("Official URLs flagged \\(false positives\\)\\s+0 /\\s+1\\s+0\\.00 %")
                .containsPattern("Genuine messages flagged \\(false positives\\)\\s+0 /\\s+1\\s+0\\.00 %")
                .contains("CARRIER_SENDS_NO_SMS");
        assertThat(CliTest.run("eval-safety", "--data", dir.resolve("nothing").toString()).exit()).isEqualTo(1);
    }

    @Test
    void benchSafetyEndsWithTheResultLine() {
        Run r = CliTest.run("bench", "safety", "--synthetic", "--urls", "200", "--warmup-seconds", "0", "--rounds", "1",
                "--seconds", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("synthetic (seed 20261130)");
        assertThat(r.out().lines().toList().getLast())
                .matches("RESULT name=safety value=[0-9.]+ unit=checks/s baseline=[0-9.]+ ratio=[0-9.]+");
    }
}
