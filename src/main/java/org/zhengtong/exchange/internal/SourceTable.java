package org.zhengtong.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.Source;

/** The pull sources as {@code exchange.source} holds them, with each run's progress. */
@Component
public class SourceTable {

    private final JdbcClient jdbc;

    SourceTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How to read a source: its address, account, query and how far it got. */
    public record Reading(String dataset, String jdbcUrl, @Nullable String user, @Nullable String secret, String query, String mode,
            @Nullable String incrementalColumn, @Nullable String watermark, int watermarkRows, String scheduleKind, String scheduleValue,
            @Nullable Integer windowInterval) {}

    public Optional<Source> find(String dataset) {
        return jdbc.sql(SELECT + " where dataset = ?").param(dataset).query((rs, n) -> source(rs)).optional();
    }

    public List<Source> of(List<String> datasets) {
        return jdbc.sql(SELECT + " where dataset = any(?) order by dataset").param(datasets.toArray(String[]::new))
                .query((rs, n) -> source(rs)).list();
    }

    public Optional<Reading> reading(String dataset) {
        return jdbc.sql("""
                select dataset, jdbc_url, jdbc_user, jdbc_secret, query, mode, incremental_column, watermark, watermark_rows, schedule_kind,
                  schedule_value, window_interval from exchange.source where dataset = ?""").param(dataset)
                .query((rs, n) -> new Reading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                        (Integer) rs.getObject(12)))
                .optional();
    }

    /**
     * Saves a source's settings. A new address, query, mode or incremental column starts the watermark afresh: the
     * next run reads everything again (which the store's upsert makes harmless).
     */
    public void save(String dataset, String provider, String url, @Nullable String user, @Nullable String secret, boolean keepSecret,
            String query, String mode, @Nullable String column, String kind, String value, @Nullable Integer windowInterval, boolean enabled,
            Instant nextRunAt, String by) {
        jdbc.sql("insert into exchange.dataset (code, provider) values (?, ?) on conflict (code) do nothing").params(dataset, provider).update();
        jdbc.sql("""
                insert into exchange.source as s (dataset, jdbc_url, jdbc_user, jdbc_secret, query, mode, incremental_column, schedule_kind,
                  schedule_value, window_interval, enabled, next_run_at, updated_by)
                values (:dataset, :url, :user, :secret, :query, :mode, :column, :kind, :value, :window, :enabled, :next, :by)
                on conflict (dataset) do update set jdbc_url = excluded.jdbc_url, jdbc_user = excluded.jdbc_user,
                  jdbc_secret = case when :keep then s.jdbc_secret else excluded.jdbc_secret end,
                  query = excluded.query, mode = excluded.mode, incremental_column = excluded.incremental_column,
                  schedule_kind = excluded.schedule_kind, schedule_value = excluded.schedule_value, window_interval = excluded.window_interval,
                  enabled = excluded.enabled, next_run_at = excluded.next_run_at, updated_by = excluded.updated_by, updated_at = now(),
                  watermark = case when (s.jdbc_url, s.query, s.mode, coalesce(s.incremental_column, ''))
                    is distinct from (excluded.jdbc_url, excluded.query, excluded.mode, coalesce(excluded.incremental_column, ''))
                    then null else s.watermark end,
                  watermark_rows = case when (s.jdbc_url, s.query, s.mode, coalesce(s.incremental_column, ''))
                    is distinct from (excluded.jdbc_url, excluded.query, excluded.mode, coalesce(excluded.incremental_column, ''))
                    then 0 else s.watermark_rows end""")
                .param("dataset", dataset).param("url", url).param("user", user).param("secret", secret).param("keep", keepSecret)
                .param("query", query).param("mode", mode).param("column", column).param("kind", kind).param("value", value)
                .param("window", windowInterval).param("enabled", enabled).param("next", Timestamp.from(nextRunAt)).param("by", by)
                .update();
    }

    /** Marks a run as started unless one is running; returns whether this caller may run it. */
    public boolean claim(String dataset) {
        return jdbc.sql("""
                update exchange.source set state = 'READING', rows_read = 0, started_at = clock_timestamp(), finished_at = null,
                  last_error_code = null, last_error_args = '{}' where dataset = ? and state not in ('READING', 'PUBLISHING')""")
                .param(dataset).update() == 1;
    }

    public void progress(String dataset, long rows) {
        jdbc.sql("update exchange.source set rows_read = ? where dataset = ?").params(rows, dataset).update();
    }

    public void publishing(String dataset, long rows) {
        jdbc.sql("update exchange.source set state = 'PUBLISHING', rows_read = ? where dataset = ?").params(rows, dataset).update();
    }

    /**
     * A run ended well: its batch committed, so the watermark may move on (never back: a run that read nothing
     * new keeps the one it had).
     */
    public void finished(String dataset, long rows, @Nullable Long batch, @Nullable String watermark, int watermarkRows, Instant next) {
        jdbc.sql("""
                update exchange.source set state = 'DONE', rows_read = ?, finished_at = clock_timestamp(), last_batch = coalesce(?, last_batch),
                  watermark = coalesce(?, watermark), watermark_rows = case when ?::text is null then watermark_rows else ? end,
                  next_run_at = ? where dataset = ?""")
                .params(rows, batch, watermark, watermark, watermarkRows, Timestamp.from(next), dataset).update();
    }

    public void failed(String dataset, long rows, @Nullable Long batch, String code, List<String> args, Instant next) {
        jdbc.sql("""
                update exchange.source set state = 'FAILED', rows_read = ?, finished_at = clock_timestamp(), last_batch = coalesce(?, last_batch),
                  last_error_code = ?, last_error_args = ?, next_run_at = ? where dataset = ?""")
                .params(rows, batch, code, args.toArray(String[]::new), Timestamp.from(next), dataset).update();
    }

    /** Enabled sources whose next run is due and which are not running. */
    public List<String> due() {
        return jdbc.sql("""
                select dataset from exchange.source where enabled and next_run_at <= now() and state not in ('READING', 'PUBLISHING')
                order by next_run_at""").query(String.class).list();
    }

    /** Runs this node was doing when it stopped: they are marked failed and run again soon. */
    public int interrupted() {
        return jdbc.sql("""
                update exchange.source set state = 'FAILED', finished_at = now(), last_error_code = 'exchange.source-interrupted',
                  last_error_args = '{}', next_run_at = now() where state in ('READING', 'PUBLISHING')""").update();
    }

    private static final String SELECT = """
            select dataset, jdbc_url, jdbc_user, jdbc_secret is not null and jdbc_secret <> '' has_secret, query, mode, incremental_column,
              watermark, schedule_kind, schedule_value, window_interval, enabled, next_run_at, state, rows_read, started_at, finished_at,
              last_error_code, last_error_args, last_batch, updated_by, updated_at from exchange.source""";

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getString("dataset"), rs.getString("jdbc_url"), rs.getString("jdbc_user"), rs.getBoolean("has_secret"),
                rs.getString("query"), rs.getString("mode"), rs.getString("incremental_column"), rs.getString("watermark"),
                rs.getString("schedule_kind"), rs.getString("schedule_value"), (Integer) rs.getObject("window_interval"), rs.getBoolean("enabled"),
                instant(rs, "next_run_at"), rs.getString("state"), rs.getLong("rows_read"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("last_error_code"), Arrays.asList((String[]) rs.getArray("last_error_args").getArray()),
                (Long) rs.getObject("last_batch"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
