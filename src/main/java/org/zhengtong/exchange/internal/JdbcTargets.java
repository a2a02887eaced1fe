package org.zhengtong.exchange.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.zhengtong.exchange.ChannelProblem;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * Opens a department's own PostgreSQL database, for a pull source or a JDBC delivery. Only {@code jdbc:postgresql:}
 * addresses are taken, with a short list of harmless connection parameters: the driver's other parameters can name
 * classes to load or files to write, which no data officer should be able to make the hub do. And an address that
 * leads to the hub's own database is refused once connected, whatever host name or port spells it.
 */
public final class JdbcTargets {

    private static final Set<String> ALLOWED = Set.of("ssl", "sslmode", "currentschema", "applicationname", "connecttimeout", "sockettimeout",
            "logintimeout", "targetservertype", "tcpkeepalive", "readonly", "preparethreshold", "defaultrowfetchsize");

    /** Names the hub accepts for a table: an identifier, optionally after a schema, in any script. */
    public static final Pattern TABLE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]{0,62}(\\.[\\p{L}_][\\p{L}\\p{N}_$]{0,62})?");

    private JdbcTargets() {
    }

    /** What is wrong with an address, or {@code null}. */
    public static @Nullable FieldProblem check(String field, @Nullable String url) {
        if (url == null || url.isBlank()) {
            return new FieldProblem(field, "exchange.field.jdbc-url.required", new Object[0]);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            return new FieldProblem(field, "exchange.field.jdbc-url.postgresql", new Object[0]);
        }
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String decoded;
                try {
                    decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                if (!decoded.equals(name) || !ALLOWED.contains(name.toLowerCase(Locale.ROOT))) {
                    return new FieldProblem(field, "exchange.field.jdbc-url.parameter", new Object[] {name});
                }
            }
        }
        return null;
    }

    /**
     * Connects with the given account; the connection is refused if the address is not acceptable or leads to the
     * hub's own database.
     *
     * @param socketSeconds how long one network read may wait (a long query on a big table needs minutes)
     */
    public static Connection connect(String url, @Nullable String user, @Nullable String secret, int socketSeconds) {
        FieldProblem problem = check("jdbcUrl", url);
        if (problem != null) {
            throw InvalidInput.of(java.util.List.of(problem));
        }
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (secret != null && !secret.isEmpty()) {
            props.setProperty("password", secret);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "15");
        props.setProperty("socketTimeout", String.valueOf(socketSeconds));
        props.setProperty("ApplicationName", "zhengtong-exchange");
        Connection c;
        try {
            c = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw ChannelProblem.unreachable(describe(e));
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select to_regclass('exchange.batch') is not null")) {
            rs.next();
            if (rs.getBoolean(1)) {
                close(c);
                throw ChannelProblem.hubDatabase();
            }
        } catch (SQLException e) {
            close(c);
            throw ChannelProblem.unreachable(describe(e));
        }
        return c;
    }

    /** A driver's message, short, with its SQL state. */
    public static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return e.getSQLState() == null ? message : message + " [" + e.getSQLState() + "]";
    }

    /** An identifier quoted for PostgreSQL. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A table name, each part quoted. */
    public static String quoteTable(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? quote(table) : quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
    }

    static void close(@Nullable AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }
}
