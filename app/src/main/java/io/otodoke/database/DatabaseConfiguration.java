package io.otodoke.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The datasource: the embedded PostgreSQL by default, an external one when {@code otodoke.db.url}
 * ({@code OTODOKE_DB_URL}) is set. When only {@code spring.datasource.url} is set, this
 * configuration steps aside and Spring Boot's own datasource applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${otodoke.db.url:}' != '' or '${spring.datasource.url:}' == ''")
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedOrExternal databaseServer(DatabaseProperties properties) {
        var db = properties.db();
        if (db.isExternal()) {
            return new EmbeddedOrExternal(null, db.url(), db.user(), db.password());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(properties.dataDir(), db.embeddedPort(), db.attachIfRunning());
        return new EmbeddedOrExternal(embedded, embedded.jdbcUrl(), embedded.user(), null);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedOrExternal server, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("otodoke");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(properties.db().poolSize());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "otodoke");
        // PostgreSQL's error details quote row values ("Key (email)=(…) already exists"): keep them out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** Keeps the embedded server's life tied to the application context. */
    record EmbeddedOrExternal(EmbeddedDatabase embedded, String url, String user, String password) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
