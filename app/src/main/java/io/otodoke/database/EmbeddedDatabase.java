package io.otodoke.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from Maven-served binaries, with its data under
 * {@code <data-dir>/postgres}. Durability is not traded for speed: fsync, synchronous_commit and
 * full_page_writes stay on (the zonky library turns them off by default for tests).
 *
 * <p>When a JVM is killed with SIGKILL, its postmaster keeps running and holds the data folder.
 * Before starting, this class tells that orphan apart from a server whose owning JVM is alive
 * (zonky's lock file {@code epg-lock} is held by the owner's JVM for its lifetime) and stops the
 * orphan with a fast shutdown, so the next start needs no manual clean-up.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "otodoke";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String ZONKY_LOCK = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts the server, or attaches to the one another live Otodoke process runs there. */
    static EmbeddedDatabase start(Path dataDir, int port, boolean attachIfRunning) {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            Optional<Integer> runningPort = portOfLiveOwner(pgData);
            if (runningPort.isPresent()) {
                if (attachIfRunning) {
                    log.info("Using the database of the Otodoke server already running on {}", pgData);
                    return new EmbeddedDatabase(null, runningPort.get());
                }
                throw new DataDirectoryInUseException(dataDir, runningPort.get());
            }
            stopOrphan(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    // Spring stops the server after everything that uses it; a JVM hook of its own
                    // would race with the application's shutdown.
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDir.toAbsolutePath().resolve("pg-binaries").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Less WAL per commit and fewer checkpoints; durability is unchanged.
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, pg.getPort());
            db.createDatabaseIfMissing();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    int port() {
        return port;
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** The port of a postmaster whose owning Otodoke JVM is still alive, if any. */
    private static Optional<Integer> portOfLiveOwner(Path pgData) throws IOException {
        Optional<Postmaster> postmaster = Postmaster.read(pgData);
        if (postmaster.isEmpty() || !postmaster.get().isAlive()) {
            return Optional.empty();
        }
        Path lock = pgData.resolve(ZONKY_LOCK);
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return Optional.of(postmaster.get().port());
            }
            held.release();
            return Optional.empty();
        } catch (OverlappingFileLockException ownedByThisJvm) {
            return Optional.of(postmaster.get().port());
        }
    }

    private static void stopOrphan(Path pgData) throws IOException {
        Optional<Postmaster> orphan = Postmaster.read(pgData).filter(Postmaster::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        log.warn("Stopping an orphaned PostgreSQL server (pid {}) left on {} by a process that ended without shutting it down", pid, pgData);
        // SIGINT is PostgreSQL's "fast shutdown": it rolls back open transactions and checkpoints.
        for (String signal : List.of("INT", "QUIT", "KILL")) {
            signal(pid, signal);
            if (waitForExit(pid, Duration.ofSeconds(signal.equals("INT") ? 60 : 10))) {
                return;
            }
        }
        throw new IllegalStateException("Could not stop the orphaned PostgreSQL server with pid " + pid + " on " + pgData);
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The first lines of PostgreSQL's {@code postmaster.pid}: pid, data folder, start time, port. */
    private record Postmaster(long pid, int port) {
        static Optional<Postmaster> read(Path pgData) throws IOException {
            Path file = pgData.resolve("postmaster.pid");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean isAlive() {
            // A recycled pid can belong to any program: only a postgres process counts.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().command())
                    .map(command -> command.endsWith("/postgres") || command.endsWith("postgres"))
                    .orElse(false);
        }
    }
}
