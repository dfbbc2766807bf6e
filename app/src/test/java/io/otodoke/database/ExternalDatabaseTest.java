package io.otodoke.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeApplication;
import io.otodoke.account.Tenant;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** OTODOKE_DB_URL points Otodoke at a PostgreSQL it does not run itself. */
class ExternalDatabaseTest {

    @Test
    void usesTheExternalDatabaseAndStartsNoEmbeddedServer() throws Exception {
        Path base = Path.of("target", "external-db-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                .setDataDirectory(base.resolve("pg").toFile()).start()) {
            SpringApplication app = new SpringApplication(OtodokeApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            Path dataDir = base.resolve("otodoke-data");
            try (var context = app.run("--otodoke.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                    "--otodoke.db.user=postgres", "--otodoke.data-dir=" + dataDir)) {
                var outcome = context.getBean(ShipmentRegistry.class).register(Tenant.DEFAULT_ID, List.of(
                        new ShipmentRegistration("yamato", "123412341231", ShipmentLeg.OUTBOUND, null, null, false, null)));
                assertThat(outcome.getFirst().created()).isTrue();
            }
            try (var c = external.getPostgresDatabase().getConnection();
                 var rs = c.createStatement().executeQuery("select tracking_number from shipments")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("123412341231");
            }
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
        }
    }
}
