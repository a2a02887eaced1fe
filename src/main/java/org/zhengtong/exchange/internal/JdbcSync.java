package org.zhengtong.exchange.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ChannelProblem;
import org.zhengtong.exchange.ConnectionCheck;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;

/**
 * Pulls a dataset from its provider's own database (数据库同步): opens it over JDBC, streams the query's rows with a
 * fetch size (never holding them all), writes them as UTF-8 CSV whose header names the data items found among the
 * columns, and runs that file through the exchange pipeline as one {@code PULL} batch.
 *
 * <p>A full load reads every row; an incremental one reads the rows after the watermark, in the order of the
 * incremental column. The watermark moves on only after the batch committed, so a crash makes the next run read
 * some rows again, never skip one; the store's upsert by key makes reading again harmless. A date-time column is
 * read from its watermark inclusive, because rows committed late may share the last timestamp seen; a run that
 * finds only the rows it already had at that timestamp publishes nothing.
 */
@Component
public class JdbcSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcSync.class);
    static final int FETCH_SIZE = 1000;
    private static final Pattern SELECT = Pattern.compile("(?is)\\s*(select|with)\\b.*");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SourceTable sources;
    private final ExchangeHub hub;
    private final Path pullDir;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    JdbcSync(SourceTable sources, ExchangeHub hub, Environment env) {
        this.sources = sources;
        this.hub = hub;
        this.pullDir = Path.of(env.getProperty("zt.home", "var")).toAbsolutePath().resolve("exchange").resolve("pull");
        this.workers = Executors.newFixedThreadPool(env.getProperty("zt.exchange.sync.workers", Integer.class, 4),
                Thread.ofPlatform().name("zt-sync-", 1).daemon().factory());
    }

    /**
     * Starts a run in the background unless the source is running already; returns whether it started one. The
     * run is marked as reading before this returns, so a page shown right after sees it running.
     */
    public boolean start(String dataset) {
        if (!running.add(dataset)) {
            return false;
        }
        if (!sources.claim(dataset)) {
            running.remove(dataset);
            return false;
        }
        try {
            workers.execute(() -> {
                try {
                    runClaimed(dataset);
                } finally {
                    running.remove(dataset);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            // The hub is stopping: the run is marked interrupted at the next start.
            running.remove(dataset);
            return false;
        }
    }

    /** Starts every enabled source whose next run is due. */
    public void startDue() {
        for (String dataset : sources.due()) {
            start(dataset);
        }
    }

    /** Runs one source now, in the calling thread; does nothing if it is running already. */
    public void run(String code) {
        if (!running.add(code)) {
            return;
        }
        try {
            if (sources.claim(code)) {
                runClaimed(code);
            }
        } finally {
            running.remove(code);
        }
    }

    private void runClaimed(String code) {
        SourceTable.Reading r = sources.reading(code).orElseThrow(() -> ChannelProblem.noSource(code));
        Path file = pullDir.resolve(code.replace('/', '_') + ".csv");
        Pulled pulled = null;
        try {
            Dataset dataset = hub.dataset(code);
            pulled = read(dataset, r, file, rows -> sources.progress(code, rows));
            Instant next = SourceSchedule.next(r.scheduleKind(), r.scheduleValue(), r.windowInterval(), Instant.now());
            if (pulled.nothingNew()) {
                sources.finished(code, pulled.rows(), null, null, 0, next);
                return;
            }
            sources.publishing(code, pulled.rows());
            BatchResult batch;
            try (InputStream in = Files.newInputStream(file)) {
                batch = hub.publishFrom(dataset, "PULL", in, new BodyFormat.Declared(BodyFormat.CSV, StandardCharsets.UTF_8),
                        "pull-" + code.replace('/', '_') + ".csv", new Actor(Actor.SYSTEM.username(), dataset.provider(), null));
            }
            // The batch committed: only now may the watermark move on.
            sources.finished(code, pulled.rows(), batch.batchId(), pulled.watermark(), pulled.watermarkRows(), next);
        } catch (PlatformException e) {
            sources.failed(code, pulled == null ? 0 : pulled.rows(), null, e.code(), strings(e.args()), retry(r));
        } catch (IOException | RuntimeException e) {
            log.warn("Pull of {} failed", code, e);
            sources.failed(code, pulled == null ? 0 : pulled.rows(), null, "exchange.source-failed", List.of(String.valueOf(e.getMessage())),
                    retry(r));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next run of this source overwrites it
            }
        }
    }

    /** Connects and reads the query's columns without reading its rows. */
    public ConnectionCheck test(Dataset dataset, String url, @Nullable String user, @Nullable String secret, String query, String mode,
            @Nullable String column) {
        try (Connection c = JdbcTargets.connect(url, user, secret, 60)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            DatabaseMetaData meta = c.getMetaData();
            Columns columns = columns(c, base(query), dataset);
            if (mode.equals("INCREMENTAL") && column != null && columns.index(column) < 0) {
                throw ChannelProblem.noIncrementalColumn(column);
            }
            c.rollback();
            List<String> matched = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < columns.names().size(); i++) {
                (columns.item(i) >= 0 || columns.names().get(i).equals(RecordDecoder.OP) ? matched : ignored).add(columns.names().get(i));
            }
            return new ConnectionCheck(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), matched, ignored,
                    columns.missing(dataset));
        } catch (SQLException e) {
            throw ChannelProblem.queryFailed(JdbcTargets.describe(e));
        }
    }

    /** What a run read: how many rows, the largest incremental value and how many rows had it, and whether any was new. */
    record Pulled(long rows, @Nullable String watermark, int watermarkRows, boolean nothingNew) {}

    interface Progress {
        void rows(long rows);
    }

    Pulled read(Dataset dataset, SourceTable.Reading r, Path file, Progress progress) throws IOException {
        Files.createDirectories(file.getParent());
        boolean incremental = r.mode().equals("INCREMENTAL");
        try (Connection c = JdbcTargets.connect(r.jdbcUrl(), r.user(), r.secret(), 3600)) {
            // Without auto-commit, PostgreSQL's driver reads through a cursor, a fetch size at a time.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            String base = base(r.query());
            Columns columns = columns(c, base, dataset);
            List<String> missing = columns.missing(dataset);
            if (!missing.isEmpty()) {
                throw ChannelProblem.missingItems(dataset.code(), String.join("、", missing));
            }
            int watermarkColumn = -1;
            boolean inclusive = false;
            StringBuilder sql = new StringBuilder("select * from ").append(base).append(" zt_source");
            if (incremental) {
                String column = r.incrementalColumn() == null ? "" : r.incrementalColumn();
                watermarkColumn = columns.index(column);
                if (watermarkColumn < 0) {
                    throw ChannelProblem.noIncrementalColumn(column);
                }
                inclusive = columns.temporal(watermarkColumn);
                if (r.watermark() != null) {
                    sql.append(" where ").append(JdbcTargets.quote(column)).append(inclusive ? " >= ?" : " > ?");
                }
                sql.append(" order by ").append(JdbcTargets.quote(column)).append(" nulls first");
            }
            long rows = 0;
            long atOldWatermark = 0;
            String last = null;
            int lastCount = 0;
            try (PreparedStatement st = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(FETCH_SIZE);
                if (incremental && r.watermark() != null) {
                    // Sent untyped, so PostgreSQL reads it as the column's own type (a number, a timestamp, a text).
                    st.setObject(1, r.watermark(), Types.OTHER);
                }
                try (ResultSet rs = st.executeQuery();
                        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                    int[] picked = columns.picked();
                    for (int k = 0; k < picked.length; k++) {
                        if (k > 0) {
                            out.write(',');
                        }
                        out.write(Csv.field(columns.names().get(picked[k])));
                    }
                    out.write('\n');
                    long reported = System.nanoTime();
                    while (rs.next()) {
                        rows++;
                        for (int k = 0; k < picked.length; k++) {
                            if (k > 0) {
                                out.write(',');
                            }
                            String v = value(rs, picked[k] + 1, columns, picked[k], dataset);
                            if (v != null) {
                                out.write(Csv.field(v));
                            }
                        }
                        out.write('\n');
                        if (watermarkColumn >= 0) {
                            String w = rs.getString(watermarkColumn + 1);
                            if (w != null) {
                                if (w.equals(last)) {
                                    lastCount++;
                                } else {
                                    last = w;
                                    lastCount = 1;
                                }
                                if (w.equals(r.watermark())) {
                                    atOldWatermark++;
                                }
                            }
                        }
                        if (rows % FETCH_SIZE == 0 && System.nanoTime() - reported > 500_000_000L) {
                            progress.rows(rows);
                            reported = System.nanoTime();
                        }
                    }
                }
            }
            c.rollback();
            progress.rows(rows);
            boolean nothingNew = rows == 0 || (inclusive && atOldWatermark == rows && rows <= r.watermarkRows());
            return new Pulled(rows, last, lastCount, nothingNew);
        } catch (SQLException e) {
            throw ChannelProblem.queryFailed(JdbcTargets.describe(e));
        }
    }

    /** A table name quoted, or a select statement as a subquery. */
    static String base(String query) {
        String q = query.strip();
        if (JdbcTargets.TABLE.matcher(q).matches()) {
            return JdbcTargets.quoteTable(q);
        }
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1);
        }
        return "(" + q + ")";
    }

    /** Whether the text is a select statement (rather than a table name). */
    public static boolean isQuery(String query) {
        return SELECT.matcher(query).matches();
    }

    /** The query's columns, which data item each becomes, and which are written to the CSV. */
    record Columns(List<String> names, int[] types, int[] items, int[] picked) {

        int index(String name) {
            return names.indexOf(name);
        }

        int item(int column) {
            return items[column];
        }

        boolean temporal(int column) {
            int t = types[column];
            return t == Types.TIMESTAMP || t == Types.TIMESTAMP_WITH_TIMEZONE || t == Types.DATE || t == Types.TIME
                    || t == Types.TIME_WITH_TIMEZONE;
        }

        List<String> missing(Dataset dataset) {
            List<String> missing = new ArrayList<>();
            Set<Integer> keys = new java.util.HashSet<>();
            for (int k : dataset.keyPositions()) {
                keys.add(k);
            }
            for (int i = 0; i < dataset.items().size(); i++) {
                DataItem item = dataset.items().get(i);
                if ((item.required() || keys.contains(i)) && !names.contains(item.name())) {
                    missing.add(item.name());
                }
            }
            return missing;
        }
    }

    private static Columns columns(Connection c, String base, Dataset dataset) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from " + base + " zt_source limit 0"); ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>(n);
            int[] types = new int[n];
            int[] items = new int[n];
            Map<String, Integer> picked = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = md.getColumnLabel(i + 1);
                names.add(name);
                types[i] = md.getColumnType(i + 1);
                items[i] = dataset.position(name);
                if ((items[i] >= 0 || name.equals(RecordDecoder.OP)) && !picked.containsKey(name)) {
                    picked.put(name, i);
                }
            }
            return new Columns(names, types, items, picked.values().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** A column's value as the pipeline expects its text: booleans as true/false, times in Beijing time without fractions. */
    private static @Nullable String value(ResultSet rs, int index, Columns columns, int column, Dataset dataset) throws SQLException {
        int type = columns.types()[column];
        DataItem item = columns.item(column) >= 0 ? dataset.items().get(columns.item(column)) : null;
        String text;
        switch (type) {
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(index);
                text = rs.wasNull() ? null : String.valueOf(b);
            }
            case Types.TIMESTAMP -> {
                Timestamp t = rs.getTimestamp(index);
                text = t == null ? null : t.toLocalDateTime().format(DATETIME);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                text = t == null ? null : t.atZoneSameInstant(SourceSchedule.CHINA).toLocalDateTime().format(DATETIME);
            }
            default -> text = rs.getString(index);
        }
        if (text != null && item != null && item.dataType() == DataType.DATE && text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10);
        }
        return text;
    }

    private static Instant retry(SourceTable.Reading r) {
        return SourceSchedule.next(r.scheduleKind(), r.scheduleValue(), r.windowInterval(), Instant.now());
    }

    static List<String> strings(Object[] args) {
        List<String> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(String.valueOf(a));
        }
        return out;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** CSV as RFC 4180 writes it: a field is quoted when it holds a comma, a quote, a line break or edge spaces. */
    static final class Csv {

        private Csv() {
        }

        static String field(String v) {
            if (v.isEmpty()) {
                return "\"\"";
            }
            boolean quote = v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ' || v.charAt(0) == '"';
            for (int i = 0; i < v.length() && !quote; i++) {
                char ch = v.charAt(i);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
        }
    }
}
