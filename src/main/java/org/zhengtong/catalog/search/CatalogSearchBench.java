package org.zhengtong.catalog.search;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.postgresql.copy.CopyIn;
import org.postgresql.jdbc.PgConnection;
import org.zhengtong.catalog.search.BenchCatalog.BenchQuery;
import org.zhengtong.shared.db.DatabaseSettings;
import org.zhengtong.shared.db.PlatformDatabase;

/**
 * {@code ./zt bench catalog}: how fast the catalog search index builds and answers at the scale of a province's
 * catalog, against what PostgreSQL alone would do.
 *
 * <p>It generates 100,000 resources from a fixed seed, loads them into a scratch table of a throw-away embedded
 * PostgreSQL with {@code COPY} (the cheapest way to store them: the baseline for indexing) and indexes them into
 * an on-disk {@link CatalogIndex}. Then it runs 1,000 varied searches (after a warm-up) through {@link
 * CatalogIndex#search}, timing each call including facets and highlighting, and the same searches as {@code LIKE
 * '%word%'} scans of the name and summary columns. The goal is a 95th percentile under 30 ms. It prints a table
 * and, as its last line, the figures as one JSON object; it exits 0 when the goal is met and 1 when not.
 */
public final class CatalogSearchBench {

    static final long SEED = 20_260_522L;
    static final double GOAL_P95_MS = 30;

    /** How much to generate and run. */
    record Plan(int entries, int queries, int warmUp, int sqlQueries, int sqlWarmUp) {
        static final Plan FULL = new Plan(100_000, 1_000, 300, 1_000, 20);
    }

    /** What a run measured; times in milliseconds. */
    record Report(
            int entries,
            double copyMs,
            double indexMs,
            long indexBytes,
            int queries,
            int warmUp,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            double meanHits,
            int sqlQueries,
            double sqlP50Ms,
            double sqlP95Ms) {

        double indexToCopy() {
            return indexMs / copyMs;
        }

        double p95ToSqlLike() {
            return p95Ms / sqlP95Ms;
        }

        boolean goalMet() {
            return p95Ms < GOAL_P95_MS;
        }

        String json() {
            return String.format(Locale.ROOT,
                    "{\"bench\":\"catalog\",\"entries\":%d,\"copy_ms\":%.1f,\"index_ms\":%.1f,\"index_to_copy_ratio\":%.2f,"
                            + "\"index_bytes\":%d,\"queries\":%d,\"warm_up\":%d,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"p99_ms\":%.3f,"
                            + "\"max_ms\":%.3f,\"mean_hits\":%.1f,\"sql_like_queries\":%d,\"sql_like_p50_ms\":%.3f,"
                            + "\"sql_like_p95_ms\":%.3f,\"p95_to_sql_like_ratio\":%.4f,\"goal_p95_ms\":%d,\"goal_met\":%b,"
                            + "\"cpus\":%d,\"max_heap_mb\":%d}",
                    entries, copyMs, indexMs, indexToCopy(), indexBytes, queries, warmUp, p50Ms, p95Ms, p99Ms, maxMs,
                    meanHits, sqlQueries, sqlP50Ms, sqlP95Ms, p95ToSqlLike(), (int) GOAL_P95_MS, goalMet(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private CatalogSearchBench() {}

    public static int run(PrintStream out) {
        return run(out, Plan.FULL);
    }

    static int run(PrintStream out, Plan plan) {
        try {
            Report report = measure(out, plan);
            printTable(out, report);
            out.println(report.json());
            return report.goalMet() ? 0 : 1;
        } catch (RuntimeException | IOException | SQLException e) {
            System.err.println("The catalog benchmark failed: " + e);
            return 2;
        }
    }

    static Report measure(PrintStream out, Plan plan) throws IOException, SQLException {
        out.printf(Locale.ROOT, "生成 %,d 条目录 / generating %,d catalog entries (seed %d)...%n", plan.entries(), plan.entries(), SEED);
        List<IndexedResource> entries = BenchCatalog.entries(plan.entries(), SEED);
        List<BenchQuery> warmUp = BenchCatalog.queries(plan.warmUp(), SEED + 1);
        List<BenchQuery> queries = BenchCatalog.queries(plan.queries(), SEED + 2);

        Path home = Files.createTempDirectory("zt-bench-catalog-");
        try {
            double copyMs;
            double[] sqlMs;
            DatabaseSettings settings = new DatabaseSettings(home.resolve("db"), 0, null, "zhengtong", "zhengtong", true);
            out.println("启动内置 PostgreSQL / starting an embedded PostgreSQL...");
            try (PlatformDatabase db = PlatformDatabase.open(settings, 4); Connection connection = db.dataSource().getConnection()) {
                out.println("COPY 入库 / COPY into a scratch table...");
                copyMs = copy(connection, entries);
                out.println("SQL LIKE 查询 / SQL LIKE searches...");
                sqlMs = likeSearches(connection, queries, plan);
            }

            double indexMs;
            long indexBytes;
            double[] searchMs;
            long hits = 0;
            out.println("建立索引 / indexing with smartcn...");
            try (CatalogIndex index = CatalogIndex.open(home.resolve("index"))) {
                long start = System.nanoTime();
                index.rebuild(entries.iterator());
                indexMs = millis(System.nanoTime() - start);
                indexBytes = index.sizeInBytes();
                if (index.count() != entries.size()) {
                    throw new IllegalStateException("indexed " + index.count() + " of " + entries.size() + " entries");
                }
                out.println("检索 / searching...");
                for (BenchQuery query : warmUp) {
                    index.search(query.toSearchQuery());
                }
                searchMs = new double[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    SearchQuery query = queries.get(i).toSearchQuery();
                    long start1 = System.nanoTime();
                    SearchResult result = index.search(query);
                    searchMs[i] = millis(System.nanoTime() - start1);
                    hits += result.total();
                }
            }
            Arrays.sort(searchMs);
            Arrays.sort(sqlMs);
            return new Report(entries.size(), copyMs, indexMs, indexBytes, queries.size(), warmUp.size(),
                    percentile(searchMs, 50), percentile(searchMs, 95), percentile(searchMs, 99), searchMs[searchMs.length - 1],
                    (double) hits / queries.size(), sqlMs.length, percentile(sqlMs, 50), percentile(sqlMs, 95));
        } finally {
            deleteRecursively(home);
        }
    }

    private static final String COLUMNS = "code, version, name, summary, keywords, provider_code, provider_name, category, "
            + "classification, share_type, open_type, format, update_cycle, data_items, published_on";

    /** COPYs the entries into a plain table (no indexes) in one statement; returns the milliseconds it took. */
    static double copy(Connection connection, List<IndexedResource> entries) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists catalog_bench");
            statement.execute("create table catalog_bench (code text not null, version int not null, name text not null, "
                    + "summary text not null, keywords text not null, provider_code text not null, provider_name text not null, "
                    + "category text not null, classification text not null, share_type text not null, open_type text not null, "
                    + "format text not null, update_cycle text not null, data_items text not null, published_on date)");
        }
        PgConnection pg = connection.unwrap(PgConnection.class);
        long start = System.nanoTime();
        CopyIn copy = pg.getCopyAPI().copyIn("COPY catalog_bench (" + COLUMNS + ") FROM STDIN");
        try {
            StringBuilder rows = new StringBuilder(1 << 20);
            for (IndexedResource r : entries) {
                row(rows, r);
                if (rows.length() > 1 << 19) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            long copied = copy.endCopy();
            if (copied != entries.size()) {
                throw new IllegalStateException("COPY stored " + copied + " of " + entries.size() + " rows");
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        double ms = millis(System.nanoTime() - start);
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze catalog_bench");
        }
        return ms;
    }

    private static void row(StringBuilder out, IndexedResource r) {
        field(out, r.code()).append('\t').append(r.version()).append('\t');
        field(out, r.name()).append('\t');
        field(out, r.summary()).append('\t');
        field(out, String.join("；", r.keywords())).append('\t');
        field(out, r.providerCode()).append('\t');
        field(out, r.providerName()).append('\t');
        field(out, r.category()).append('\t');
        field(out, r.classification()).append('\t');
        field(out, r.shareType()).append('\t');
        field(out, r.openType()).append('\t');
        field(out, r.format()).append('\t');
        field(out, r.updateCycle()).append('\t');
        field(out, String.join("；", r.dataItems())).append('\t');
        out.append(r.publishedOn() == null ? "\\N" : r.publishedOn().toString()).append('\n');
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder field(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static final Map<String, String> FILTER_COLUMNS = Map.of(
            "provider", "provider_name", "category", "category", "shareType", "share_type", "openType", "open_type",
            "format", "format", "updateCycle", "update_cycle");

    /**
     * The searches as SQL: every word must occur in the name or the summary ({@code LIKE '%word%'}), filters are
     * equalities, at most 20 codes. Pinyin initials find nothing this way, but still cost a scan.
     */
    static double[] likeSearches(Connection connection, List<BenchQuery> queries, Plan plan) throws SQLException {
        List<BenchQuery> timed = queries.subList(0, Math.min(plan.sqlQueries(), queries.size()));
        for (BenchQuery query : queries.subList(0, Math.min(plan.sqlWarmUp(), queries.size()))) {
            like(connection, query);
        }
        double[] ms = new double[timed.size()];
        for (int i = 0; i < timed.size(); i++) {
            long start = System.nanoTime();
            like(connection, timed.get(i));
            ms[i] = millis(System.nanoTime() - start);
        }
        return ms;
    }

    private static int like(Connection connection, BenchQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT code FROM catalog_bench WHERE true");
        List<String> parameters = new ArrayList<>();
        for (String word : query.likeWords()) {
            sql.append(" AND (name LIKE ? OR summary LIKE ?)");
            String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        for (Map.Entry<String, Set<String>> filter : query.filters().entrySet()) {
            sql.append(" AND ").append(FILTER_COLUMNS.get(filter.getKey())).append(" = ANY (?)");
        }
        sql.append(" LIMIT 20");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (String parameter : parameters) {
                statement.setString(p++, parameter);
            }
            for (Set<String> values : query.filters().values()) {
                statement.setArray(p++, connection.createArrayOf("text", values.toArray()));
            }
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static void printTable(PrintStream out, Report r) {
        out.println();
        out.println("政务信息资源目录检索基准 / catalog search benchmark");
        out.println("-".repeat(72));
        line(out, "目录条目 entries", "%,d", r.entries());
        line(out, "PostgreSQL COPY", "%,.0f ms", r.copyMs());
        line(out, "Lucene 建索引 index (smartcn)", "%,.0f ms  (%.1f × COPY)", r.indexMs(), r.indexToCopy());
        line(out, "索引大小 index size", "%.1f MB", r.indexBytes() / 1_048_576.0);
        line(out, "检索次数 queries", "%,d (after %,d warm-up), %.0f hits on average", r.queries(), r.warmUp(), r.meanHits());
        line(out, "Lucene p50 / p95 / p99 / max", "%.2f / %.2f / %.2f / %.2f ms", r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs());
        line(out, "SQL LIKE p50 / p95", "%.2f / %.2f ms (%,d queries)", r.sqlP50Ms(), r.sqlP95Ms(), r.sqlQueries());
        line(out, "p95 Lucene / SQL LIKE", "%.3f", r.p95ToSqlLike());
        line(out, "目标 goal p95 < " + (int) GOAL_P95_MS + " ms", "%s", r.goalMet() ? "达成 met" : "未达成 MISSED");
        out.println("-".repeat(72));
    }

    private static void line(PrintStream out, String label, String format, Object... values) {
        int width = label.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
        out.println("  " + label + " ".repeat(Math.max(1, 36 - width)) + String.format(Locale.ROOT, format, values));
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
