package io.otodoke.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Otodoke keeps its data.
 *
 * @param dataDir          folder of the embedded PostgreSQL and of uploaded files
 *                         ({@code otodoke.data-dir}, default {@code ./data})
 * @param db               the database: an external PostgreSQL by URL, or the embedded one and its settings
 */
@ConfigurationProperties("otodoke")
public record DatabaseProperties(Path dataDir, Db db) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null, 0, false, 20) : db;
    }

    /**
     * @param url              JDBC URL of an external PostgreSQL ≥ 15 ({@code OTODOKE_DB_URL}); empty = embedded
     * @param user             its user ({@code OTODOKE_DB_USER})
     * @param password         its password ({@code OTODOKE_DB_PASSWORD})
     * @param embeddedPort     port of the embedded server, 0 = any free port
     * @param attachIfRunning  when another Otodoke process already runs the embedded server on
     *                         the same data folder, connect to it instead of failing (CLI commands)
     * @param poolSize         maximum connections in the pool
     */
    public record Db(String url, String user, String password, int embeddedPort,
                           boolean attachIfRunning, int poolSize) {
        public Db {
            poolSize = poolSize <= 0 ? 20 : poolSize;
        }

        boolean isExternal() {
            return url != null && !url.isBlank();
        }
    }
}
