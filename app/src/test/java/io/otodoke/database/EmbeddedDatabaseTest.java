package io.otodoke.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    static String show(EmbeddedDatabase db, String setting) throws Exception {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), null);
             var rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void keepsDurabilityOnAndKeepsDataAcrossRestarts() throws Exception {
        Path dir = Path.of("target", "embedded-" + UUID.randomUUID());
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "full_page_writes")).isEqualTo("on");
            assertThat(show(db, "server_version")).startsWith("17.");
            try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), null)) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('お届け')");
            }
            // A second server on the same folder while the first runs: a clear refusal, or attach when asked.
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
                    .isInstanceOf(DataDirectoryInUseException.class).hasMessageContaining("is in use by another running Otodoke");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, 0, false);
             var c = DriverManager.getConnection(again.jdbcUrl(), again.user(), null);
             var rs = c.createStatement().executeQuery("select v from kept")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("お届け");
        }
    }
}
