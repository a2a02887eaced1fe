package org.zhengtong.shared.db;

import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where the platform keeps its data: an external PostgreSQL when {@code url} is set, otherwise an
 * embedded PostgreSQL whose files live under {@code home}/pgdata and which listens on 127.0.0.1:{@code port}
 * so an operator can {@code psql} into it.
 *
 * <p>Read from the same names by the web application (Spring properties) and by the command line tools
 * (environment variables), so {@code ./zt audit verify} inspects exactly the database {@code ./zt up} uses.
 */
public record DatabaseSettings(
        Path home, int port, @Nullable String url, String user, String password, boolean cleanOnClose) {

    public static final String DATABASE = "zhengtong";
    public static final int DEFAULT_PORT = 15432;

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public Path dataDirectory() {
        return home.resolve("pgdata");
    }

    /**
     * Reads the settings through a lookup of property names ({@code zt.home}, {@code zt.db.port},
     * {@code zt.db.url}, {@code zt.db.user}, {@code zt.db.password}); each may also be given as the environment
     * variable of the same name in capitals ({@code ZT_HOME}, {@code ZT_DB_PORT}, ...).
     */
    public static DatabaseSettings from(Function<String, @Nullable String> lookup) {
        String home = orDefault(lookup.apply("zt.home"), "var");
        String port = orDefault(lookup.apply("zt.db.port"), String.valueOf(DEFAULT_PORT));
        return new DatabaseSettings(
                Path.of(home).toAbsolutePath().normalize(),
                Integer.parseInt(port.trim()),
                blankToNull(lookup.apply("zt.db.url")),
                orDefault(lookup.apply("zt.db.user"), DATABASE),
                orDefault(lookup.apply("zt.db.password"), DATABASE),
                Boolean.parseBoolean(lookup.apply("zt.db.clean-on-close")));
    }

    /** The lookup the command line tools use: a system property, else the environment variable. */
    public static DatabaseSettings fromSystem() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        });
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
