package io.otodoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: real embedded PostgreSQL in a fresh data folder. */
class CliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs with {@code stdin} as standard input (null: leave standard input alone). */
    static Run runWithInput(String stdin, String... args) {
        java.io.InputStream stdinBefore = System.in;
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int exit = Main.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.setIn(stdinBefore);
        }
    }

    @Test
    void importKeepsGoodRowsReportsBadRowsByLineAndTrackShowsThem() {
        String dataDir = "--otodoke.data-dir=" + Path.of("target", "cli-test-" + UUID.randomUUID());
        String csv = Path.of("src/test/resources/csv/shipments-with-broken-rows.csv").toString();

        Run imported = run("import", csv, dataDir);
        assertThat(imported.exit()).isEqualTo(1);
        assertThat(imported.out()).contains("3 shipments imported, 0 already registered, 4 rows rejected");
        assertThat(imported.err()).contains("line 4: unknown carrier 'pigeon'", "line 5: trackingNumber is required",
                "line 6: ordered_at 'yesterday' is not a date", "line 7: quantity 'two' is not a whole number");

        Run again = run("import", csv, dataDir);
        assertThat(again.out()).contains("0 shipments imported, 3 already registered");
        Run noTenant = run("import", csv, "--tenant=nope", dataDir);
        assertThat(noTenant.exit()).isEqualTo(2);
        assertThat(noTenant.err()).contains("No tenant 'nope'.");

        Run track = run("track", "4912-3456-7890", "111122223355", "000000000000", dataDir);
        assertThat(track.exit()).isEqualTo(1);
        assertThat(track.out()).contains("4912-3456-7890  ヤマト運輸", "出荷完了（追跡番号発行済み） / Label created",
                "https://member.kms.kuronekoyamato.co.jp/parcel/detail?pno=491234567890", "000000000000  見つかりません");
    }

    @Test
    void badInputGetsAReadableMessageAndANonZeroExit() {
        Run missing = run("import", "no-such-file.csv");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("File not found: no-such-file.csv");

        Run badSetting = run("serve", "port=9090");
        assertThat(badSetting.exit()).isNotZero();
        assertThat(badSetting.err()).contains("settings are given as --name=value");

        Run help = run("import", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Bad rows are reported with their line numbers");
    }

    @Test
    void addUserCreatesTheFirstAdministratorAndRefusesBadInput() {
        String dataDir = "--otodoke.data-dir=" + Path.of("target", "cli-test-" + UUID.randomUUID());
        Run created = runWithInput("a long admin password\n", "add-user", "owner@example.jp", "--role=ADMIN", "--password-stdin", dataDir);
        assertThat(created.err()).isEmpty();
        assertThat(created.exit()).isZero();
        assertThat(created.out()).contains("Created ADMIN owner@example.jp");

        Run again = runWithInput("a long admin password\n", "add-user", "Owner@example.jp", "--role=ADMIN", "--password-stdin", dataDir);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("Refused: A user with this e-mail address exists.");

        Run shortPassword = runWithInput("short\n", "add-user", "x@example.jp", "--role=OPERATOR", "--password-stdin", dataDir);
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("Refused: a password has 12 to 200 characters");

        Run noTenant = runWithInput("a long enough password\n", "add-user", "y@example.jp", "--role=OPERATOR",
                "--tenant=nope", "--password-stdin", dataDir);
        assertThat(noTenant.exit()).isEqualTo(1);
        assertThat(noTenant.err()).contains("No tenant 'nope'. Tenants: [default]");

        Run noPassword = runWithInput("", "add-user", "z@example.jp", "--role=SHOPPER", "--password-stdin", dataDir);
        assertThat(noPassword.exit()).isEqualTo(1);
        assertThat(noPassword.err()).contains("No password given");

        Run badRole = run("add-user", "z@example.jp", "--role=KING");
        assertThat(badRole.exit()).isNotZero();
        assertThat(badRole.err()).contains("--role", "ADMIN");
    }

    @Test
    void parsePrintsEventsOldestFirstThenTheStatusTheFileAloneImplies() {
        Path samples = Path.of("src/test/resources/carrier-samples");
        Run returned = run("parse", "--source", "yamato", "--anchor", "2026-08-10",
                samples.resolve("jp-yamato/sagawa-monitor-2026_766171888193_returned-then-ferry.innertext.txt").toString());
        assertThat(returned.exit()).isZero();
        List<String> lines = returned.out().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.getFirst()).contains("\"trackingNumber\":\"766171888193\"", "\"sourceSequence\":0",
                "\"status\":\"PICKED_UP\"", "\"rawText\":\"荷物受付\"", "\"occurredAt\":\"2026-08-10T16:13+09:00\"");
        assertThat(lines.get(5)).contains("\"rawText\":\"返品\"", "RETURNING_TO_SENDER");
        assertThat(lines.getLast()).isEqualTo("STATUS RETURNING_TO_SENDER");

        Run two = run("parse", "--source", "sagawa", "--anchor", "2009-07-10",
                samples.resolve("jp-sagawa/packtrack-2009_list_count02.html").toString());
        assertThat(two.out().lines().filter(l -> l.startsWith("STATUS ")).toList())
                .containsExactly("STATUS 600079555353 DELIVERED", "STATUS 600079799966 DELIVERED");

        Run dhl = run("parse", "--source", "dhl", samples.resolve("dhl/parcel-de_470800204932_delivered.json").toString());
        assertThat(dhl.out().lines().toList().getLast()).isEqualTo("STATUS DELIVERED");

        Run notATrackingPage = run("parse", "--source", "yamato", "pom.xml");
        assertThat(notATrackingPage.exit()).isEqualTo(1);
        assertThat(notATrackingPage.err()).startsWith("Cannot parse pom.xml as yamato");
        assertThat(notATrackingPage.out()).isEmpty();

        Run unknownSource = run("parse", "--source", "pigeon", "pom.xml");
        assertThat(unknownSource.exit()).isEqualTo(2);
        assertThat(unknownSource.err()).contains("Unknown source 'pigeon'", "yamato", "seventeentrack");
        assertThat(run("parse", "--source", "yamato", "no-such-file.html").err()).contains("File not found");
    }

    @Test
    void benchPositionsStoresEveryRequestAndPrintsItsResultAgainstTheNoOp() {
        Path dataDir = Path.of("target", "cli-test-" + UUID.randomUUID());
        Run bench = run("bench", "positions", "--vehicles=5", "--requests=400", "--warmup=100", "--clients=4",
                "--data-dir=" + dataDir);
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("positions: ", "(400 requests each, 4 clients, 5 vehicles)")
                .containsPattern("RESULT name=positions value=[0-9.]+ unit=requests/s baseline=[0-9.]+ ratio=[0-9.]+");
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void benchNotifyDrainsTheOutboxToItsReceiverAndPrintsItsResultAgainstDirectPosts() {
        Path dataDir = Path.of("target", "cli-test-" + UUID.randomUUID());
        Run bench = run("bench", "notify", "--shipments=20", "--warmup-shipments=5", "--data-dir=" + dataDir);
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("notify: 80 notifications in ", "direct POSTs: 80 in ")
                .containsPattern("RESULT name=notify value=[0-9.]+ unit=notifications/s baseline=[0-9.]+ ratio=[0-9.]+");
        assertThat(dataDir).doesNotExist();
    }
}
